package io.dismc.perceptron;

import java.util.List;

/**
 * One flip-MC chain's output.
 *
 * @param weights    final +-1 weights
 * @param samples    the thinned samples
 * @param energies   violated constraints at each sample
 * @param attempted  attempted flips
 * @param accepted   accepted flips
 * @param violations violated constraints of the final weights, recomputed from scratch
 */
public record FlipMcResult(byte[] weights, List<byte[]> samples, int[] energies, long attempted, long accepted, int violations) {
    public double acceptance() {
        return attempted == 0 ? 0 : (double) accepted / attempted;
    }
}
