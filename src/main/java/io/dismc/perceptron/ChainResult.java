package io.dismc.perceptron;

import java.util.List;

/**
 * One hit-and-run chain's output.
 *
 * @param start      the chain's starting point
 * @param samples    the thinned samples (each |w|^2 = N)
 * @param moves      moves made
 * @param meanArc    mean length (radians) of the feasible arc the moves were drawn from: the step size
 * @param violations constraints violated by the last sample, recomputed from scratch (0 unless rounding
 *                   pushed a point across a constraint)
 * @param maxDrift   largest |Delta incremental - Delta recomputed| seen at a re-anchoring
 */
public record ChainResult(double[] start, List<double[]> samples, long moves, double meanArc, int violations, double maxDrift) {
    public double[] last() {
        return samples.get(samples.size() - 1);
    }
}
