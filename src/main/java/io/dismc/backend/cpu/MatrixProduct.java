package io.dismc.backend.cpu;

/**
 * C = A B for row-major doubles: A is m x d, B is d x p, C (m x p) is overwritten. The two-layer
 * network's forward (W X^T) and backward (B X) passes are this product. Every entry is the sequential
 * fused multiply-add sum over k = 0 .. d-1, in the register-blocked vector kernel and in its scalar
 * tails alike, so the result does not depend on the vector width or on where the blocks end. Without
 * the Vector API plain loops run instead (same sums, rounded without fusing).
 */
public final class MatrixProduct {
    private static final boolean VECTOR = SpinKernels.vectorApiAvailable();

    private MatrixProduct() {}

    public static void multiply(double[] a, int m, int d, double[] b, int p, double[] c) {
        if (a.length < (long) m * d || b.length < (long) d * p || c.length < (long) m * p) {
            throw new IllegalArgumentException("matrix product " + m + " x " + d + " x " + p + " exceeds its arrays");
        }
        if (!VECTOR) {
            plain(a, m, d, b, p, c);
            return;
        }
        int chunk = VectorMatrixKernel.CHUNK;
        int vectorEnd = p - p % chunk;
        int quadEnd = m - m % 4;
        // a d x CHUNK slab of B stays in cache while every row block of A passes over it
        for (int col = 0; col < vectorEnd; col += chunk) {
            for (int r = 0; r < quadEnd; r += 4) {
                VectorMatrixKernel.quad(a, r * d, d, b, p, col, c, r * p);
            }
            for (int r = quadEnd; r < m; r++) {
                VectorMatrixKernel.single(a, r * d, d, b, p, col, c, r * p);
            }
        }
        for (int r = 0; r < m; r++) {
            for (int col = vectorEnd; col < p; col++) {
                double s = 0;
                for (int k = 0, ai = r * d, bi = col; k < d; k++, ai++, bi += p) {
                    s = Math.fma(a[ai], b[bi], s);
                }
                c[r * p + col] = s;
            }
        }
    }

    private static void plain(double[] a, int m, int d, double[] b, int p, double[] c) {
        java.util.Arrays.fill(c, 0, m * p, 0.0);
        for (int r = 0; r < m; r++) {
            int co = r * p;
            for (int k = 0; k < d; k++) {
                double w = a[r * d + k];
                int bo = k * p;
                for (int col = 0; col < p; col++) {
                    c[co + col] += w * b[bo + col];
                }
            }
        }
    }
}
