package io.dismc.amp;

import io.dismc.theory.Gaussians;
import java.util.function.DoubleUnaryOperator;

/**
 * The state-evolution integrals over the scalar channel, done so that sharp structure stays resolved:
 * an expectation over R = x0 + sqrt(Sigma) z with x0 from a Gaussian mixture is integrated component by
 * component, each in its own standard-deviation units, with the panels split where the integrand has a
 * narrow transition (docs/models.md 4.4: Gauss-Hermite misses the structure
 * at |R| ~ sqrt(Sigma) when Sigma is small).
 */
final class ScalarQuadrature {
    private ScalarQuadrature() {}

    /**
     * sum_k w_k E_z f(m_k + sqrt(v_k + sigma) z): the law of R when x0 is the mixture (w_k, m_k, v_k)
     * (v_k = 0 for an atom). Breakpoints are points in R where f changes fast; even: f(-R) = f(R).
     */
    static double overMixture(double[] weights, double[] means, double[] variances, double sigma,
                              DoubleUnaryOperator f, double[] breakpoints, boolean even) {
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] == 0) {
                continue;
            }
            double m = means[k];
            double sd = Math.sqrt(variances[k] + sigma);
            double[] cuts = new double[breakpoints.length];
            for (int b = 0; b < cuts.length; b++) {
                cuts[b] = (breakpoints[b] - m) / sd;
            }
            // an even integrand about a centred component: half the line, twice
            sum += weights[k] * (even && m == 0
                ? 2 * Gaussians.expectationOver(z -> f.applyAsDouble(sd * z), 0, Double.POSITIVE_INFINITY, cuts)
                : Gaussians.expectation(z -> f.applyAsDouble(m + sd * z), cuts));
        }
        return sum;
    }

    /**
     * E_xi h(k xi) for xi ~ N(0,1), where h is concentrated on |u| &lt; 14 (the sign channel's integrands).
     * For k &gt; 1 the integral is taken in u = k xi, so that a large k (an overlap close to its maximum)
     * does not squeeze the structure of h into one panel.
     */
    static double scaled(DoubleUnaryOperator h, double k) {
        if (k <= 1) {
            return Gaussians.expectation(xi -> h.applyAsDouble(k * xi));
        }
        return Gaussians.integrate(u -> h.applyAsDouble(u) * Gaussians.density(u / k) / k, -14, 14);
    }

    /** Breakpoints c +- j w for j in {0, 1, 2, 4, 8, 16}: a transition of width w centred at c. */
    static double[] around(double c, double w) {
        double[] steps = {0, 1, 2, 4, 8, 16};
        double[] out = new double[2 * steps.length - 1];
        int i = 0;
        for (double s : steps) {
            out[i++] = c + s * w;
            if (s != 0) {
                out[i++] = c - s * w;
            }
        }
        return out;
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int i = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    /** 1/(1 + e^-x), 0 or 1 (never NaN) for infinite x. */
    static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** log(e^a + e^b) without overflow; -infinity when both are. */
    static double logAddExp(double a, double b) {
        double hi = Math.max(a, b);
        if (hi == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
    }

    /** log cosh x = |x| + log1p(e^{-2|x|}) - log 2, finite for every finite x. */
    static double logCosh(double x) {
        double a = Math.abs(x);
        return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
    }

    /** sech^2 x = 1 - tanh^2 x, computed without the cancellation (0, not NaN, for huge |x|). */
    static double sech2(double x) {
        double c = Math.cosh(x);
        return 1.0 / (c * c);
    }
}
