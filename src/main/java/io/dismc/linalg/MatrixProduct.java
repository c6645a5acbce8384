package io.dismc.linalg;

/**
 * Matrix products for row-major doubles, the two-layer network's forward and backward passes.
 * {@link #multiply} (C = A B) gives every entry as the sequential fused multiply-add sum over k; it
 * suits many rows (wide networks), where each slab of B is reused by every block of rows of A.
 * {@link #multiplyTransposed} (C = A B^T) reads rows of both contiguously; it suits few rows (narrow
 * networks), where the other form would stream all of B with a large stride for a handful of rows.
 * Both fix their summation order independently of the vector width and of where blocks end, so a
 * result is the same on every machine with the Vector API. Without it plain loops run instead (the
 * same sums, rounded without fusing).
 */
public final class MatrixProduct {
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /** Inner-dimension block of {@link #multiply}: 256 rows x 16 doubles of B = 32 KB, an L1 data cache. */
    private static final int K_BLOCK = 256;

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
        // a K_BLOCK x CHUNK slab of B stays in L1 while every block of rows of A passes over it; later
        // inner blocks continue the sums in C, so the order of the fused multiply-adds is unchanged
        for (int k0 = 0; k0 < d; k0 += K_BLOCK) {
            int k1 = Math.min(d, k0 + K_BLOCK);
            for (int col = 0; col < vectorEnd; col += chunk) {
                for (int r = 0; r < quadEnd; r += 4) {
                    VectorMatrixKernel.quad(a, r * d, d, k0, k1, b, p, col, c, r * p);
                }
                for (int r = quadEnd; r < m; r++) {
                    VectorMatrixKernel.single(a, r * d, k0, k1, b, p, col, c, r * p);
                }
            }
        }
        if (d == 0) {
            for (int r = 0; r < m; r++) {
                java.util.Arrays.fill(c, r * p, r * p + vectorEnd, 0.0);
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

    /** Partial sums per entry of {@link #multiplyTransposed}: k is added to partial k mod 8. */
    static final int PARTIALS = 8;

    /**
     * C = A B^T: A is m x d, B is p x d (both row-major), C (m x p) is overwritten. Each entry keeps 8
     * partial fused multiply-add sums (k mod 8, in increasing k), combined as
     * ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)).
     */
    public static void multiplyTransposed(double[] a, int m, int d, double[] b, int p, double[] c) {
        if (a.length < (long) m * d || b.length < (long) p * d || c.length < (long) m * p) {
            throw new IllegalArgumentException("matrix product " + m + " x " + d + " x " + p + "^T exceeds its arrays");
        }
        if (!VECTOR || !VectorDotKernel.SUPPORTED) {
            for (int r = 0; r < m; r++) {
                for (int q = 0; q < p; q++) {
                    c[r * p + q] = dot(a, r * d, b, q * d, d);
                }
            }
            return;
        }
        int rowPairs = m - m % 2;
        int colPairs = p - p % 2;
        for (int q = 0; q < colPairs; q += 2) {
            for (int r = 0; r < rowPairs; r += 2) {
                VectorDotKernel.pair(a, r * d, b, q * d, d, c, r * p + q, p);
            }
        }
        for (int q = 0; q < colPairs && rowPairs < m; q += 2) {
            VectorDotKernel.single(a, rowPairs * d, b, q * d, d, c, rowPairs * p + q);
        }
        for (int r = 0; r < m && colPairs < p; r++) {
            c[r * p + colPairs] = dot(a, r * d, b, colPairs * d, d);
        }
    }

    /** Rows of A up to which {@link #product} takes the dot-product form. */
    static final int FEW_ROWS = 4;

    /**
     * C = A B given B both as d x p (b) and as its transpose p x d (bt): the dot-product form for a
     * few rows of A (it streams B once, contiguously), the blocked form otherwise (measured with the
     * narrow and wide two-layer shapes of ./dismc bench).
     */
    public static void product(double[] a, int m, int d, double[] b, double[] bt, int p, double[] c) {
        if (m <= FEW_ROWS) {
            multiplyTransposed(a, m, d, bt, p, c);
        } else {
            multiply(a, m, d, b, p, c);
        }
    }

    /** One entry of {@link #multiplyTransposed} in its summation order (also the vector kernel's edges). */
    static double dot(double[] a, int ao, double[] b, int bo, int d) {
        double[] s = new double[PARTIALS];
        for (int k = 0; k < d; k++) {
            s[k % PARTIALS] = Math.fma(a[ao + k], b[bo + k], s[k % PARTIALS]);
        }
        return combine(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }

    static double combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7) {
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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
