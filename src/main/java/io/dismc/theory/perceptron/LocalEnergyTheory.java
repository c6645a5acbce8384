package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The local energy of a binary perceptron solution after random flips (the engine's local-energy
 * observable; docs/models.md, section perceptron theory, local energy; Baldassi et al. 2021 for the
 * observable): flip a uniformly random set of dN weights of a reference with stabilities Delta_mu and
 * count the fraction of patterns with Delta' &lt; 0 (margin 0). As N -&gt; infinity
 * Delta' = (1-2d) Delta - 2 sqrt(d(1-d)) eta with eta ~ N(0,1) independent of the patterns, so
 * <ul>
 *   <li>for given stabilities: delta_E(d) = (1/P) sum_mu H((1-2d) Delta_mu / (2 sqrt(d(1-d))));</li>
 *   <li>for a typical reference of margin kappa (RS law of its stabilities, q from Gardner-Derrida):
 *       delta_E(d) = E_z int_k^inf du phi(u)/H(k) H((1-2d)(sqrt(q) z + sqrt(1-q) u)/(2 sqrt(d(1-d))));</li>
 *   <li>exactly at finite N with +-1 inputs (h_mu = sqrt(N) Delta_mu integer): n+ = (N + h)/2 of the
 *       products w_i xi_i^mu are +1, the number k of them hit by n = dN flips is
 *       Hypergeometric(N, n+, n), h' = h + 2n - 4k, and P(h' &lt; 0) = P(k &gt;= floor((h + 2n)/4) + 1).</li>
 * </ul>
 * This is the random-flip energy, not a Franz-Parisi local entropy.
 */
public final class LocalEnergyTheory {
    private static final int U_NODES = 40;

    private LocalEnergyTheory() {}

    /** delta_E(d) of a typical binary reference of margin kappa at load alpha; NaN outside its SAT phase. */
    public static double typical(double alpha, double kappa, double d) {
        requireDistance(d);
        double q = BinaryGardnerDerrida.typicalOverlap(alpha, kappa);
        return Double.isNaN(q) ? Double.NaN : atOverlap(q, kappa, d);
    }

    /** delta_E(d) for the RS stability law of overlap q and margin kappa. */
    public static double atOverlap(double q, double kappa, double d) {
        SphericalGardner.requireOverlap(q);
        requireDistance(d);
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        GaussianRule r = GaussianRule.crossover(q, kappa, GaussianRule.FINE);
        if (d == 0) {
            // no flips: the fraction of the reference's own stabilities below 0
            if (kappa >= 0) {
                return 0;
            }
            double f = 0;
            for (int i = 0; i < r.size(); i++) {
                double x = sq * r.z[i];
                f += r.w[i] * Tails.truncatedCdf(-x / sd, (kappa - x) / sd);
            }
            return f;
        }
        double scale = (1 - 2 * d) / (2 * Math.sqrt(d * (1 - d)));
        double[] u = new double[TruncatedRule.maxNodes(U_NODES)];
        double[] w = new double[u.length];
        double e = 0;
        for (int i = 0; i < r.size(); i++) {
            double x = sq * r.z[i];
            double k = (kappa - x) / sd;
            int m = TruncatedRule.fill(k, Double.POSITIVE_INFINITY, U_NODES, u, w);
            double inner = 0;
            for (int j = 0; j < m; j++) {
                inner += w[j] * Gaussians.upperTail(scale * (x + sd * u[j]));
            }
            e += r.w[i] * inner;
        }
        return e;
    }

    /** The N -&gt; infinity formula applied to measured stabilities: (1/P) sum_mu H((1-2d) Delta_mu/(2 sqrt(d(1-d)))). */
    public static double fromStabilities(double[] stabilities, double d) {
        requireDistance(d);
        if (stabilities.length == 0) {
            throw new IllegalArgumentException("no stabilities given");
        }
        double s = 0;
        if (d == 0) {
            for (double x : stabilities) {
                s += x < 0 ? 1 : 0;
            }
            return s / stabilities.length;
        }
        double scale = (1 - 2 * d) / (2 * Math.sqrt(d * (1 - d)));
        for (double x : stabilities) {
            s += Gaussians.upperTail(scale * x);
        }
        return s / stabilities.length;
    }

    /**
     * The exact expected fraction of patterns with h' &lt; 0 after flipping a uniformly random set of
     * `flips` of the N weights, from the integer fields h_mu = w . xi^mu (+-1 weights and inputs, so
     * h_mu has the parity of N).
     */
    public static double exactFlipEnergy(int n, int[] fields, int flips) {
        if (n < 1 || flips < 0 || flips > n) {
            throw new IllegalArgumentException("need 0 <= flips <= N, N >= 1; got N = " + n + ", flips = " + flips);
        }
        if (fields.length == 0) {
            throw new IllegalArgumentException("no fields given");
        }
        double s = 0;
        for (int h : fields) {
            s += flipViolationProbability(n, h, flips);
        }
        return s / fields.length;
    }

    /**
     * P(h' &lt; 0) for one pattern of integer field h after `flips` random flips out of N: the upper tail
     * P(k &gt;= kMin) of k ~ Hypergeometric(N, n+, flips), kMin = floor((h + 2 flips)/4) + 1. The tail on
     * the far side of the mode is summed from kMin outward (first term by log-gamma, then the pmf
     * ratios), stopping once the terms no longer change the sum; with kMin below the mode the lower
     * tail is summed instead and subtracted from 1.
     */
    public static double flipViolationProbability(int n, int h, int flips) {
        if (Math.abs(h) > n || ((n + h) & 1) != 0) {
            throw new IllegalArgumentException("field h = " + h + " impossible for N = " + n + " +-1 terms");
        }
        int plus = (n + h) / 2;
        int minus = n - plus;
        int kMin = Math.floorDiv(h + 2 * flips, 4) + 1;
        int support0 = Math.max(0, flips - minus);
        int support1 = Math.min(plus, flips);
        if (kMin > support1) {
            return 0;
        }
        if (kMin <= support0) {
            return 1;
        }
        double mode = (flips + 1.0) * (plus + 1.0) / (n + 2.0);
        if (kMin > mode) {
            double term = pmf(n, plus, flips, kMin);
            double p = 0;
            for (int k = kMin; k <= support1 && term >= 1e-17 * p; k++) {
                p += term;
                term *= (double) (plus - k) * (flips - k) / ((k + 1.0) * (minus - flips + k + 1.0));
            }
            return Math.min(1, p);
        }
        double term = pmf(n, plus, flips, kMin - 1);
        double lower = 0;
        for (int k = kMin - 1; k >= support0 && term >= 1e-17 * lower; k--) {
            lower += term;
            term *= k * (double) (minus - flips + k) / ((plus - k + 1.0) * (flips - k + 1.0));
        }
        return Math.max(0, 1 - lower);
    }

    private static double pmf(int n, int plus, int flips, int k) {
        return Math.exp(logBinomial(plus, k) + logBinomial(n - plus, flips - k) - logBinomial(n, flips));
    }

    private static double logBinomial(int n, int k) {
        return LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0);
    }

    private static void requireDistance(double d) {
        if (!(d >= 0 && d <= 0.5)) {
            throw new IllegalArgumentException("flip distance d must lie in [0, 1/2], got " + d);
        }
    }
}
