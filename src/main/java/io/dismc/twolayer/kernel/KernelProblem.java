package io.dismc.twolayer.kernel;

import io.dismc.linalg.MatrixProduct;

/**
 * A kernel-regression task: P training inputs with targets y, T test inputs, all of dimension D, and the
 * input kernel C(x, x') = x . x' / (lambda0 D), the covariance of the pre-activations h = w . x / sqrt(D) of a
 * hidden unit with prior w ~ N(0, I / lambda0) (docs/models.md, section adaptive kernels). Inputs row-major.
 *
 * @param cTrain     P x P input kernel of the training points
 * @param cTestTrain T x P input kernel between test and training points
 * @param cTestDiag  the T test points' C(x*, x*)
 */
public record KernelProblem(int d, int p, int t, double lambda0, double[] xTrain, double[] y, double[] xTest,
                            double[] cTrain, double[] cTestTrain, double[] cTestDiag) {

    public static KernelProblem of(double[] xTrain, double[] y, double[] xTest, int d, double lambda0) {
        if (d < 1 || !(lambda0 > 0) || xTrain.length != (long) y.length * d || xTest.length % d != 0 || y.length < 1) {
            throw new IllegalArgumentException("kernel problem: " + y.length + " targets, " + xTrain.length + " train and "
                    + xTest.length + " test input values for D = " + d + ", lambda0 = " + lambda0);
        }
        int p = y.length;
        int t = xTest.length / d;
        double[] cTrain = gram(xTrain, p, xTrain, p, d, lambda0);
        double[] cTestTrain = gram(xTest, t, xTrain, p, d, lambda0);
        double[] diag = new double[t];
        for (int q = 0; q < t; q++) {
            double s = 0;
            for (int i = 0; i < d; i++) {
                s += xTest[q * d + i] * xTest[q * d + i];
            }
            diag[q] = s / (lambda0 * d);
        }
        // exact symmetry of the training kernel (the product's rounding may differ between (i, j) and (j, i))
        DenseAlgebra.symmetrize(cTrain, p);
        return new KernelProblem(d, p, t, lambda0, xTrain, y, xTest, cTrain, cTestTrain, diag);
    }

    public static KernelProblem of(io.dismc.dataset.LabelledData data, double lambda0) {
        return of(data.xTrain(), data.yTrain(), data.xTest(), data.d(), lambda0);
    }

    /** A B^T / (lambda0 D) for row-major A (na x D), B (nb x D). */
    static double[] gram(double[] a, int na, double[] b, int nb, int d, double lambda0) {
        double[] c = new double[na * nb];
        MatrixProduct.multiplyTransposed(a, na, d, b, nb, c);
        double s = 1 / (lambda0 * d);
        for (int e = 0; e < c.length; e++) {
            c[e] *= s;
        }
        return c;
    }

    public double cTrain(int i, int j) {
        return cTrain[i * p + j];
    }
}
