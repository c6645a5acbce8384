package io.dismc.twolayer;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/** Kernel ridge regression f(x*) = k(x*, X)^T (K + ridge I)^{-1} y, solved by Cholesky (Commons Math). */
public final class KernelRegression {
    private KernelRegression() {}

    /**
     * @param kTrain P x P train kernel, row-major
     * @param kTest  T x P test-train kernel, row-major
     * @return predictions on the T test points
     */
    public static double[] predict(double[] kTrain, double[] kTest, double[] y, double ridge) {
        int p = y.length;
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                a[i][j] = 0.5 * (kTrain[i * p + j] + kTrain[j * p + i]) + (i == j ? ridge : 0);
            }
        }
        RealVector alpha = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 1e-14).getSolver()
                .solve(new ArrayRealVector(y, false));
        int t = kTest.length / p;
        double[] out = new double[t];
        for (int q = 0; q < t; q++) {
            double s = 0;
            for (int i = 0; i < p; i++) {
                s += kTest[q * p + i] * alpha.getEntry(i);
            }
            out[q] = s;
        }
        return out;
    }

    /** The NNGP kernel of one hidden unit at initialization (w ~ N(0, I)): E_w[g(w.x/sqrt N) g(w.x'/sqrt N)]. */
    public static double[] lazyKernel(Activation g, Dataset a, Dataset b) {
        int n = a.n();
        double[] k = new double[a.p() * b.p()];
        for (int i = 0; i < a.p(); i++) {
            double aa = dot(a.x(), i, a.x(), i, n) / n;
            for (int j = 0; j < b.p(); j++) {
                double bb = dot(b.x(), j, b.x(), j, n) / n;
                k[i * b.p() + j] = g.correlation(dot(a.x(), i, b.x(), j, n) / n, aa, bb);
            }
        }
        return k;
    }

    static double dot(double[] x, int i, double[] y, int j, int n) {
        double s = 0;
        for (int q = 0; q < n; q++) {
            s += x[i * n + q] * y[j * n + q];
        }
        return s;
    }
}
