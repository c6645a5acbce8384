package io.dismc.amp;

import io.dismc.theory.Gaussians;

/**
 * The output functions of y = sign(z + sqrt(Delta) xi) for a total variance W = V + Delta, shared by the
 * noiseless and the probit channel (docs/models.md 4.2): with u = y omega/sqrt(W)
 * and r(u) = phi(u)/Phi(u) the inverse Mills ratio,
 * <pre>
 *   g = y r(u)/sqrt(W),   dg = -(r(u)/W) (u + r(u)),
 *   E[g^2] = (2/W) E_xi[phi(s)^2/Phi(s)],   Psi_out = 2 E_xi[Phi(s) log Phi(s)],   s = sqrt(q/W) xi.
 * </pre>
 */
final class SignLikelihood {
    /** Below u = -5 the sum u + r(u) is taken from its continued fraction instead of a difference. */
    private static final double CONTINUED_FRACTION_BELOW = -5;
    private static final int CONTINUED_FRACTION_TERMS = 120;

    private SignLikelihood() {}

    static double label(double zPlusNoise) {
        return zPlusNoise >= 0 ? 1.0 : -1.0;
    }

    static double gOut(double y, double omega, double w) {
        double sw = Math.sqrt(w);
        return y * Gaussians.millsRatio(y * omega / sw) / sw;
    }

    static double dgOut(double y, double omega, double w) {
        double u = y * omega / Math.sqrt(w);
        return -Gaussians.millsRatio(u) * shiftedMills(u) / w;
    }

    /**
     * u + r(u) = -r'(u)/r(u), always positive. For u &lt; -5 it is 1/(w + 2/(w + 3/(w + ...))) with w = -u:
     * the tail of the Laplace continued fraction of the Mills ratio, since 1/R(w) = w + 1/(w + 2/(w + ...)).
     * The direct sum would lose the digits that -dg keeps for a badly violated label.
     */
    static double shiftedMills(double u) {
        if (u >= CONTINUED_FRACTION_BELOW) {
            return u + Gaussians.millsRatio(u);
        }
        double w = -u;
        double t = w;
        for (int k = CONTINUED_FRACTION_TERMS; k >= 2; k--) {
            t = w + k / t;
        }
        return 1 / t;
    }

    static void evaluate(double[] y, double[] omega, double[] v, double delta, double[] g, double[] dg, int m) {
        for (int mu = 0; mu < m; mu++) {
            double w = v[mu] + delta;
            double sw = Math.sqrt(w);
            double u = y[mu] * omega[mu] / sw;
            double r = Gaussians.millsRatio(u);
            g[mu] = y[mu] * r / sw;
            dg[mu] = -r * shiftedMills(u) / w;
        }
    }

    /** (2/W) E_xi[phi(s) r(s)], s = sqrt(q/W) xi; +infinity at W = 0 (perfect recovery, noiseless). */
    static double fisher(double q, double w) {
        if (w == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double k = Math.sqrt(Math.max(q, 0) / w);
        return 2 / w * ScalarQuadrature.scaled(s -> Gaussians.density(s) * Gaussians.millsRatio(s), k);
    }

    /** 2 E_xi[Phi(s) log Phi(s)]; 0 at W = 0. */
    static double freeEntropy(double q, double w) {
        if (w == 0) {
            return 0;
        }
        double k = Math.sqrt(Math.max(q, 0) / w);
        return 2 * ScalarQuadrature.scaled(s -> Gaussians.cdf(s) * Gaussians.logCdf(s), k);
    }
}
