package io.dismc.twolayer.kernel;

import io.dismc.twolayer.Activation;

/**
 * The lazy (infinite-width, gamma0 -&gt; 0) kernels of a two-layer network on pre-activations
 * h ~ N(0, C) (docs/models.md, section adaptive kernels):
 * NNGP K(x, x') = E[phi(h) phi(h')] (Activation.correlation: arc-cosine for relu, arcsine for erf), and
 * NTK Theta(x, x') = K(x, x') + E[phi'(h) phi'(h')] C(x, x') (both layers trained, unit readout variance),
 * with E[phi' phi'] = (pi - theta) / (2 pi) for relu (Cho and Saul's degree-0 arc-cosine kernel),
 * (2 / pi) / sqrt((1 + C11)(1 + C22) - C12^2) for erf(h / sqrt 2), 1 for linear. And kernel ridge regression.
 */
public final class LazyKernels {
    private LazyKernels() {}

    /** E[phi'(u) phi'(v)] for zero-mean Gaussians with E u^2 = cuu, E v^2 = cvv, E uv = cuv. */
    public static double derivativeCorrelation(Activation g, double cuv, double cuu, double cvv) {
        return switch (g) {
            case LINEAR -> 1.0;
            case ERF -> 2 / Math.PI / Math.sqrt((1 + cuu) * (1 + cvv) - cuv * cuv);
            case RELU -> {
                double norm = Math.sqrt(cuu * cvv);
                if (norm == 0) {
                    yield 0.0; // a unit whose pre-activation is identically 0 has phi'(0) = 0
                }
                double theta = Math.acos(Math.max(-1, Math.min(1, cuv / norm)));
                yield (Math.PI - theta) / (2 * Math.PI);
            }
            default -> throw new IllegalArgumentException(g + " has no closed-form derivative kernel (accepted: linear, erf, relu)");
        };
    }

    static void requireClosedForm(Activation g) {
        if (!g.hasClosedForm()) {
            throw new IllegalArgumentException(g.name().toLowerCase(java.util.Locale.ROOT)
                    + " has no closed-form NNGP kernel (accepted: linear, erf, relu)");
        }
    }

    /** NNGP kernel of the training points, P x P. */
    public static double[] nngpTrain(KernelProblem prob, Activation g) {
        requireClosedForm(g);
        int p = prob.p();
        double[] k = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double v = g.correlation(prob.cTrain(i, j), prob.cTrain(i, i), prob.cTrain(j, j));
                k[i * p + j] = v;
                k[j * p + i] = v;
            }
        }
        return k;
    }

    /** NNGP kernel between test and training points, T x P. */
    public static double[] nngpTestTrain(KernelProblem prob, Activation g) {
        requireClosedForm(g);
        int p = prob.p();
        double[] k = new double[prob.t() * p];
        for (int q = 0; q < prob.t(); q++) {
            for (int j = 0; j < p; j++) {
                k[q * p + j] = g.correlation(prob.cTestTrain()[q * p + j], prob.cTestDiag()[q], prob.cTrain(j, j));
            }
        }
        return k;
    }

    /** NTK of the training points, P x P. */
    public static double[] ntkTrain(KernelProblem prob, Activation g) {
        double[] k = nngpTrain(prob, g);
        int p = prob.p();
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double c = prob.cTrain(i, j);
                k[i * p + j] += derivativeCorrelation(g, c, prob.cTrain(i, i), prob.cTrain(j, j)) * c;
            }
        }
        return k;
    }

    /** NTK between test and training points, T x P. */
    public static double[] ntkTestTrain(KernelProblem prob, Activation g) {
        double[] k = nngpTestTrain(prob, g);
        int p = prob.p();
        for (int q = 0; q < prob.t(); q++) {
            for (int j = 0; j < p; j++) {
                double c = prob.cTestTrain()[q * p + j];
                k[q * p + j] += derivativeCorrelation(g, c, prob.cTestDiag()[q], prob.cTrain(j, j)) * c;
            }
        }
        return k;
    }

    /** Kernel ridge regression f(x*) = k(x*, X) (K + ridge I)^{-1} y on the test points. */
    public static double[] predict(double[] kTrain, double[] kTestTrain, double[] y, double ridge) {
        int p = y.length;
        double[] alpha = DenseAlgebra.solveSpd(kTrain, p, ridge, y, "the kernel matrix + ridge " + ridge + " I");
        return DenseAlgebra.multiply(kTestTrain, kTestTrain.length / p, p, alpha);
    }

    /** The NNGP (lazy Bayesian, gamma0 -&gt; 0) predictor on the test points. */
    public static double[] nngpPredictor(KernelProblem prob, Activation g, double ridge) {
        return predict(nngpTrain(prob, g), nngpTestTrain(prob, g), prob.y(), ridge);
    }

    /** Mean squared test loss (1/T) sum (f - y)^2 (the papers' test MSE, without a factor 1/2). */
    public static double meanSquaredError(double[] f, double[] y) {
        double s = 0;
        for (int q = 0; q < f.length; q++) {
            s += (f[q] - y[q]) * (f[q] - y[q]);
        }
        return s / f.length;
    }
}
