package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;

/**
 * Ratios of Gaussian tails without cancellation. Deep in the tail log H(x) is about -x^2/2, so
 * log H(x) - log H(k) for x, k ~ 10^4 loses about 10^-8 to rounding; writing H = phi/G gives
 * log(H(x)/H(k)) = -(x - k)(x + k)/2 + log(G(k)/G(x)), accurate to machine precision.
 */
final class Tails {
    private Tails() {}

    /** log(H(x)/H(k)). */
    static double logRatio(double x, double k) {
        if (x >= 0 && k >= 0) {
            return -0.5 * (x - k) * (x + k) + Math.log(Gaussians.hazard(k) / Gaussians.hazard(x));
        }
        return Gaussians.logUpperTail(x) - Gaussians.logUpperTail(k);
    }

    /** 1 - H(x)/H(k) = P(u &lt; x | u &gt;= k) for x &gt;= k. */
    static double truncatedCdf(double x, double k) {
        return -Math.expm1(logRatio(x, k));
    }

    /** The truncated density phi(u)/H(k) for u &gt;= k. */
    static double truncatedDensity(double u, double k) {
        if (k >= 0) {
            return Gaussians.hazard(k) * Math.exp(-0.5 * (u - k) * (u + k));
        }
        return Math.exp(Gaussians.logDensity(u) - Gaussians.logUpperTail(k));
    }
}
