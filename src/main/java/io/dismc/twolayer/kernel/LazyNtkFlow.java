package io.dismc.twolayer.kernel;

import io.dismc.twolayer.Activation;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The lazy limit (gamma -&gt; 0) of the weight-decayed gradient flow of {@link AdaptiveNtk}, for activations with
 * phi'(h) h = phi(h) (relu, linear). The features do not move but decay with the weights, h(t) = e^{-lambda t} h(0) and
 * z(t) = e^{-lambda t} z(0) up to O(gamma), so the NTK shrinks, Theta(t) = e^{-2 lambda t} Theta, Theta = K + (E phi' phi') o C
 * the initial NTK (LazyKernels), and the decay acts on f as -2 lambda f:
 * <pre>
 *   df/dt = e^{-2 lambda t} Theta (y - f_train) - 2 lambda f,   f(0) = 0.
 * </pre>
 * In the eigenbasis Theta = V diag(k) V^T of the training points the residual r = V^T (y - f_train) obeys
 * r_k' = -(k e^{-2 lambda t} + 2 lambda) r_k + 2 lambda (V^T y)_k, and on test points f(x*, t) = e^{-2 lambda t} Theta(x*, X) V J(t),
 * J = integral of r from 0 to t; integrated by classical Runge-Kutta with steps of at most 1/(2 k_max) (and at least 2000).
 * Without weight decay this is the NTK gradient flow, tending to Theta(x*, X) Theta^{-1} y.
 */
public final class LazyNtkFlow {
    private LazyNtkFlow() {}

    public static double[] predict(KernelProblem prob, Activation g, double weightDecay, double time) {
        if (g != Activation.RELU && g != Activation.LINEAR) {
            throw new IllegalArgumentException("the lazy flow with weight decay is closed only for phi' h = phi (relu, linear), not " + g);
        }
        int p = prob.p();
        double[] theta = LazyKernels.ntkTrain(prob, g);
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                a[i][j] = 0.5 * (theta[i * p + j] + theta[j * p + i]);
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a, false));
        double[] kappa = new double[p];
        double[][] v = new double[p][];
        double[] yk = new double[p];
        double top = 0;
        for (int k = 0; k < p; k++) {
            kappa[k] = Math.max(0, eig.getRealEigenvalue(k));
            v[k] = eig.getEigenvector(k).toArray();
            yk[k] = DenseAlgebra.dot(v[k], prob.y());
            top = Math.max(top, kappa[k]);
        }
        int steps = (int) Math.max(2000, Math.ceil(2 * top * time));
        double h = time / steps;
        double l2 = 2 * weightDecay;
        double[] coefficient = new double[p];
        for (int k = 0; k < p; k++) {
            double r = yk[k];
            double j = 0;
            for (int n = 0; n < steps; n++) {
                double t0 = n * h;
                double r1 = rate(r, t0, kappa[k], l2, yk[k]);
                double r2 = rate(r + h / 2 * r1, t0 + h / 2, kappa[k], l2, yk[k]);
                double r3 = rate(r + h / 2 * r2, t0 + h / 2, kappa[k], l2, yk[k]);
                double r4 = rate(r + h * r3, t0 + h, kappa[k], l2, yk[k]);
                // J' = r: Simpson's weights on the same stages
                j += h / 6 * (r + 2 * (r + h / 2 * r1) + 2 * (r + h / 2 * r2) + (r + h * r3));
                r += h / 6 * (r1 + 2 * r2 + 2 * r3 + r4);
            }
            double scale = Math.exp(-l2 * time) * j;
            for (int i = 0; i < p; i++) {
                coefficient[i] += v[k][i] * scale;
            }
        }
        return DenseAlgebra.multiply(LazyKernels.ntkTestTrain(prob, g), prob.t(), p, coefficient);
    }

    private static double rate(double r, double t, double kappa, double l2, double y) {
        return -(kappa * Math.exp(-l2 * t) + l2) * r + l2 * y;
    }
}
