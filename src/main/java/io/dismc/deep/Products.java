package io.dismc.deep;

import io.dismc.backend.cpu.MatrixProduct;

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
            MatrixProduct.multiplyTransposed(a, m, d, transpose(b, d, p), p, c);
        } else {
            MatrixProduct.multiply(a, m, d, b, p, c);
        }
        return c;
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

    /** The transpose (cols x rows) of a rows x cols matrix. */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
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
