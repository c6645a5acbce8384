package io.dismc.twolayer.kernel;

/** Dense symmetric linear algebra on row-major double arrays: Cholesky, triangular solves, norms. */
final class DenseAlgebra {
    private DenseAlgebra() {}

    static void symmetrize(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = m;
                a[j * n + i] = m;
            }
        }
    }

    /** Lower-triangular L with L L^T = a + shift I, or null when a pivot is not positive (not positive definite). */
    static double[] cholesky(double[] a, int n, double shift) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double s = a[j * n + j] + shift;
            for (int k = 0; k < j; k++) {
                s -= l[j * n + k] * l[j * n + k];
            }
            if (!(s > 0)) {
                return null;
            }
            double ljj = Math.sqrt(s);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double v = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    v -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = v / ljj;
            }
        }
        return l;
    }

    /** x with L L^T x = b. */
    static double[] solve(double[] l, int n, double[] b) {
        double[] z = forward(l, n, b);
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** z with L z = b. */
    static double[] forward(double[] l, int n, double[] b) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * z[k];
            }
            z[i] = s / l[i * n + i];
        }
        return z;
    }

    /** (a + shift I)^{-1} b for symmetric positive definite a; IllegalStateException naming what otherwise. */
    static double[] solveSpd(double[] a, int n, double shift, double[] b, String what) {
        double[] l = cholesky(a, n, shift);
        if (l == null) {
            throw new IllegalStateException(what + " is not positive definite");
        }
        return solve(l, n, b);
    }

    static double frobenius(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    static double[] multiply(double[] a, int rows, int cols, double[] v) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[i * cols + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Largest eigenvalue of a symmetric positive semi-definite matrix by power iteration (relative accuracy ~1e-3). */
    static double largestEigenvalue(double[] a, int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        double lambda = 0;
        for (int it = 0; it < 500; it++) {
            double[] w = multiply(a, n, n, v);
            double norm = Math.sqrt(dot(w, w));
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
            if (Math.abs(norm - lambda) < 1e-4 * norm) {
                return norm;
            }
            lambda = norm;
        }
        return lambda;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** sum_i a[off + i] b[i], i &lt; n: row (off / n) of a matrix against a vector. */
    static double dotRow(double[] a, double[] b, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[off + i] * b[i];
        }
        return s;
    }

    /** sum_i a[off + i] b[off + i], i &lt; n: the same row of two matrices. */
    static double dotRows(double[] a, double[] b, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[off + i] * b[off + i];
        }
        return s;
    }
}
