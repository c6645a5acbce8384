package io.dismc.experiment;

import io.dismc.model.FieldForm;

/**
 * Peak bytes of one unit, per model family, from what its arrays hold: generous sums of the large
 * allocations (disorder, products and their inputs, per-replica state), for refusing work that
 * cannot fit before it starts (run.MemoryBudget).
 */
final class MemoryEstimate {
    private MemoryEstimate() {}

    /**
     * Hopfield-family network: patterns (bytes), features (+-1 bytes or Gaussian doubles with their
     * signs), dense latents (doubles) drawn whole, the J form's N x N shorts and bit-packed patterns,
     * and a few replicas' states and fields.
     */
    static long hopfield(int n, long p, long d, boolean gaussianFeatures, boolean denseLatents, FieldForm form) {
        long bytes = n * p;
        bytes += d * n * (gaussianFeatures ? 9L : 1L);
        bytes += denseLatents ? 8L * d * p : 0;
        if (form.resolve(n, (int) Math.min(p, Integer.MAX_VALUE)) == FieldForm.J) {
            bytes += 2L * n * n + 8L * n * ((p + 63) / 64);
        }
        return bytes + 8L * (4L * n + 4L * Math.max(n, p));
    }

    /** Perceptron instance: labelled inputs as doubles and as +-1 bytes, stabilities, a few weight vectors, a test set. */
    static long perceptron(int n, long p, long test, int vectors) {
        return 9L * n * p + 16L * p + 8L * n * (vectors + 4) + 9L * n * test;
    }

    /**
     * Two-layer network on Gaussian inputs: train and test inputs stored both ways (doubles), forward
     * activations and backward factors per replica (K x P doubles, three of them), weights and gradients.
     */
    static long twoLayer(int n, int k, long p, long test, int replicas) {
        return 16L * n * (p + test) + replicas * (24L * k * Math.max(p, test) + 32L * k * n) + 16L * (p + test);
    }
}
