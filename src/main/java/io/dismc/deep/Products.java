package io.dismc.deep;

import io.dismc.linalg.MatrixProduct;

/**
 * Row-major matrix products of the deep network's passes on {@link MatrixProduct}, whose summation
 * order is fixed (independent of threads, vector width and block edges): the blocked form for many
 * rows, the dot-product form for the few rows of a small readout.
 */
final class Products {
    private static final int FEW_ROWS = 4;

    private Products() {}

    /** A B for A (m x d) and B (d x p). */
    static double[] times(double[] a, int m, int d, double[] b, int p) {
        double[] c = new double[m * p];
        if (m <= FEW_ROWS) {
            fewRows(a, m, d, b, p, c);
        } else {
            MatrixProduct.multiply(a, m, d, b, p, c);
        }
        return c;
    }

    /**
     * A B for a few rows of A (the readout): each row of C accumulates a_rk B_k over k in increasing order,
     * contiguous axpy loops over B's rows (every entry is the sequential fused multiply-add sum over k).
     */
    private static void fewRows(double[] a, int m, int d, double[] b, int p, double[] c) {
        for (int r = 0; r < m; r++) {
            int co = r * p;
            for (int k = 0; k < d; k++) {
                double w = a[r * d + k];
                int bo = k * p;
                for (int col = 0; col < p; col++) {
                    c[co + col] = Math.fma(w, b[bo + col], c[co + col]);
                }
            }
        }
    }

    /** A B^T for A (m x d) and B (p x d), given B^T (d x p) when the caller has it (else null). */
    static double[] timesTransposed(double[] a, int m, int d, double[] b, double[] bt, int p) {
        double[] c = new double[m * p];
        if (m <= FEW_ROWS) {
            MatrixProduct.multiplyTransposed(a, m, d, b, p, c);
        } else {
            MatrixProduct.multiply(a, m, d, bt != null ? bt : transpose(b, p, d), p, c);
        }
        return c;
    }

    /** Tile side of the transpose: a 32 x 32 tile of doubles (8 KB) stays in L1 on both sides. */
    private static final int TILE = 32;

    /** The transpose (cols x rows) of a rows x cols matrix, tile by tile. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(cols, c0 + TILE);
                for (int r = r0; r < r1; r++) {
                    int ro = r * cols;
                    for (int c = c0; c < c1; c++) {
                        t[c * rows + r] = a[ro + c];
                    }
                }
            }
        }
        return t;
    }

    static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = Math.fma(a[i], b[i], s);
        }
        return s;
    }
}
