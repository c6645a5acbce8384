package io.dismc.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The derivatives of the deep network's loss on a tiny network (D = 5, N = 4, L = 3, C = 2, P = 7,
 * gamma = 1.7, sigma = 1.3, weights moved off the start so the residuals are not small): the gradient
 * against central differences of the loss, the exact Hessian-vector product against central differences
 * of the gradient (error O(eps^2) with eps = 1e-5: agreement to 1e-6 relative), the explicit Hessian
 * assembled from H e_i symmetric, and the sharpness by Lanczos and by power iteration against the
 * largest eigenvalue of that explicit Hessian (kappa-scaled), the Gauss-Newton top against J^T J / P.
 */
class LossSurfaceTest {
    static final int D = 5;
    static final int P = 7;

    static DeepNetwork tiny(Activation g, DeepParameterization par) {
        return new DeepNetwork(D, 4, 3, 2, g, par, 1.7, 1.3, 3);
    }

    static DeepDataset data(int outputs) {
        RandomStream s = new RandomStream(11, 1);
        double[] x = new double[P * D];
        s.gaussians(0, x, 0, x.length);
        double[] y = new double[outputs * P];
        s.gaussians(1000, y, 0, y.length);
        return DeepDataset.of(D, P, outputs, x, y);
    }

    /** A weight vector off the random start (a few GD steps would do; a random shift is simpler). */
    static double[] weights(DeepNetwork net) {
        double[] w = net.initialWeights(new RandomStream(5, 2));
        double[] z = new double[w.length];
        new RandomStream(5, 3).gaussians(0, z, 0, z.length);
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.5 * z[i];
        }
        return w;
    }

    static double[] shifted(double[] w, int i, double h) {
        double[] c = w.clone();
        c[i] += h;
        return c;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"LINEAR", "ERF", "TANH", "RELU"})
    void gradientMatchesFiniteDifferencesOfTheLoss(Activation g) {
        for (DeepParameterization par : DeepParameterization.values()) {
            DeepNetwork net = tiny(g, par);
            DeepDataset d = data(2);
            double[] w = weights(net);
            double[] grad = LossSurface.at(net, w, d).gradient();
            double eps = 1e-6;
            double scale = 0;
            for (double v : grad) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < w.length; i++) {
                double fd = (LossSurface.loss(net, shifted(w, i, eps), d) - LossSurface.loss(net, shifted(w, i, -eps), d)) / (2 * eps);
                assertEquals(fd, grad[i], 1e-6 * scale, g + " " + par + " dL/dw_" + i);
            }
        }
    }

    static double[][] explicitHessian(DeepNetwork net, double[] w, DeepDataset d) {
        LossSurface s = LossSurface.at(net, w, d);
        int n = w.length;
        double[][] h = new double[n][n];
        double[] e = new double[n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(e, 0);
            e[i] = 1;
            s.hessianVector(e, out);
            h[i] = out.clone();
        }
        return h;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"LINEAR", "ERF", "TANH"})
    void hessianVectorProductMatchesFiniteDifferencesOfTheGradient(Activation g) {
        DeepNetwork net = tiny(g, DeepParameterization.MUP);
        DeepDataset d = data(2);
        double[] w = weights(net);
        int n = w.length;
        double[] v = new double[n];
        new RandomStream(9, 9).gaussians(0, v, 0, n);
        double[] hv = new double[n];
        LossSurface.at(net, w, d).hessianVector(v, hv);
        double eps = 1e-5;
        double[] wp = w.clone();
        double[] wm = w.clone();
        for (int i = 0; i < n; i++) {
            wp[i] += eps * v[i];
            wm[i] -= eps * v[i];
        }
        double[] gp = LossSurface.at(net, wp, d).gradient();
        double[] gm = LossSurface.at(net, wm, d).gradient();
        double scale = 0;
        for (double x : hv) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < n; i++) {
            assertEquals((gp[i] - gm[i]) / (2 * eps), hv[i], 1e-6 * scale, g + " (H v)_" + i);
        }
        double[][] h = explicitHessian(net, w, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(h[i][j], h[j][i], 1e-10 * scale, g + " Hessian symmetric at " + i + ", " + j);
            }
        }
    }

    static double topEigenvalue(double[][] m) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues()) {
            best = Math.max(best, v);
        }
        return best;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"LINEAR", "TANH"})
    void sharpnessIsTheTopEigenvalueOfTheExplicitHessian(Activation g) {
        DeepNetwork net = tiny(g, DeepParameterization.NTK);
        DeepDataset d = data(2);
        double[] w = weights(net);
        double[][] h = explicitHessian(net, w, d);
        double kappa = net.learningRateFactor();
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= kappa;
            }
        }
        double exact = topEigenvalue(h);
        TopEigen lanczos = Sharpness.top(net, w, d, null, 1e-8);
        assertEquals(exact, lanczos.value(), 1e-6 * Math.abs(exact), g + " Lanczos sharpness");
        TopEigen power = Sharpness.powerIteration(Sharpness.hessian(net, w, d), null, 5000, 1e-9);
        assertEquals(exact, power.value(), 1e-5 * Math.abs(exact), g + " power-iteration sharpness");
        // the Gauss-Newton part J^T J / P from the Jacobian's columns J e_i
        LossSurface s = LossSurface.at(net, w, d);
        int n = w.length;
        double[][] jac = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            jac[i] = s.jacobianVector(e);
        }
        double[][] gn = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int q = 0; q < jac[i].length; q++) {
                    sum += jac[i][q] * jac[j][q];
                }
                gn[i][j] = kappa * sum / P;
            }
        }
        double gnExact = topEigenvalue(gn);
        assertEquals(gnExact, Sharpness.topGaussNewton(net, w, d, null, 1e-8).value(), 1e-6 * gnExact, g + " Gauss-Newton top");
    }

    @Test
    void powerIterationFindsTheMostPositiveEigenvalueWhenANegativeOneDominates() {
        double[] diag = {-5, 3, 1, -1};
        SymmetricOperator op = new SymmetricOperator() {
            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public void apply(double[] v, double[] out) {
                for (int i = 0; i < 4; i++) {
                    out[i] = diag[i] * v[i];
                }
            }
        };
        assertEquals(3, Sharpness.powerIteration(op, null, 10_000, 1e-10).value(), 1e-6);
        assertEquals(3, Sharpness.lanczos(op, null, 10, 1e-10).value(), 1e-9);
    }

    @Test
    void badInputIsRejected() {
        DeepNetwork net = tiny(Activation.LINEAR, DeepParameterization.MUP);
        assertThrows(IllegalArgumentException.class, () -> LossSurface.at(net, new double[3], data(2)));
        assertThrows(IllegalArgumentException.class, () -> LossSurface.at(net, weights(net), data(1)));
        assertThrows(IllegalArgumentException.class, () -> new DeepNetwork(5, 4, 1, 1, Activation.LINEAR, DeepParameterization.MUP, 1, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new DeepNetwork(5, 4, 2, 1, Activation.SIGN, DeepParameterization.MUP, 1, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new DeepNetwork(5, 4, 2, 1, Activation.LINEAR, DeepParameterization.MUP, 0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> DeepParameterization.parse("sp"));
        assertTrue(DeepParameterization.parse("muP") == DeepParameterization.MUP);
    }
}
