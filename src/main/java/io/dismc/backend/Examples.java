package io.dismc.backend;

/**
 * P training examples of N inputs with their targets, as they cross the training contract: inputs
 * example-major (x, row mu, P x N) and input-major (xt, row i, N x P; the same numbers transposed),
 * targets y (P). The arrays are read, never written.
 */
public record Examples(int n, int p, double[] x, double[] xt, double[] y) {
    public Examples {
        if (n < 1 || p < 1) {
            throw new IllegalArgumentException("examples need N >= 1 and P >= 1, got N = " + n + ", P = " + p);
        }
        long np = (long) n * p;
        if (x.length != np || xt.length != np || y.length != p) {
            throw new IllegalArgumentException("examples " + p + " x " + n + " need " + np + " inputs (twice) and " + p
                    + " targets, got " + x.length + ", " + xt.length + ", " + y.length);
        }
    }
}
