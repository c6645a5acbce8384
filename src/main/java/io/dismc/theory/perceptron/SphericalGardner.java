package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;

/**
 * Replica-symmetric theory of the spherical perceptron (|w|^2 = N) storing P = alpha N random
 * patterns with margin kappa (Gardner 1988; docs/models.md, section perceptron theory, spherical RS):
 * <ul>
 *   <li>capacity 1/alpha_c(kappa) = int_{-kappa}^inf Dt (t + kappa)^2 = (1 + kappa^2) H(-kappa) + kappa phi(kappa);</li>
 *   <li>typical overlap q of two independent uniformly drawn solutions: the root in (0, 1) of
 *       q/(1-q) = alpha E_z G(k(z))^2, k(z) = (kappa - sqrt(q) z)/sqrt(1-q), G = phi/H;</li>
 *   <li>RS free entropy s(q) = ln(1-q)/2 + q/(2(1-q)) + alpha E_z ln H(k(z)) (up to a constant), stationary at q;</li>
 *   <li>replicon lambda_AT = alpha E_z [G(k)(G(k) - k)]^2; RS is locally stable iff lambda_AT &lt; 1, and the
 *       de Almeida-Thouless line alpha_AT(kappa) is its root in (0, alpha_c), which exists only for kappa &lt; 0;</li>
 *   <li>largest margin kappa_max(alpha), the inverse of alpha_c (exact for alpha &lt;= 2, an RS upper bound above);</li>
 *   <li>the law of a typical solution's training stabilities, p(Delta) = theta(Delta - kappa) E_z N(Delta; sqrt(q) z, 1-q)/H(k(z)).</li>
 * </ul>
 * For kappa &lt; 0 the RS capacity is only an upper bound (RSB lowers it). Quantities that need a typical
 * solution are NaN outside the SAT phase (alpha &gt;= alpha_c).
 */
public final class SphericalGardner {
    private static final double Q_LO = 1e-12;
    private static final double Q_HI = 1 - 1e-10;

    private SphericalGardner() {}

    /** Gardner's RS capacity alpha_c(kappa). */
    public static double capacity(double kappa) {
        requireFinite(kappa, "kappa");
        return 1 / ((1 + kappa * kappa) * Gaussians.upperTail(-kappa) + kappa * Gaussians.density(kappa));
    }

    /** Typical overlap q_RS(alpha, kappa); NaN for alpha &gt;= alpha_c(kappa). Brent on [1e-12, 1 - 1e-10]. */
    public static double typicalOverlap(double alpha, double kappa) {
        requirePositive(alpha, "alpha");
        requireFinite(kappa, "kappa");
        if (alpha >= capacity(kappa)) {
            return Double.NaN;
        }
        double hi = overlapResidual(alpha, kappa, Q_HI);
        if (!(hi > 0)) {
            return Double.NaN; // within 1e-10 of capacity: q indistinguishable from 1
        }
        if (overlapResidual(alpha, kappa, Q_LO) >= 0) {
            double g = Gaussians.hazard(kappa);
            return alpha * g * g; // q below 1e-12: its leading order in alpha
        }
        return RootFinding.brent(q -> overlapResidual(alpha, kappa, q), Q_LO, Q_HI, 1e-14);
    }

    /** R(q) = q/(1-q) - alpha E_z G(k(z))^2, whose root is the typical overlap. */
    public static double overlapResidual(double alpha, double kappa, double q) {
        return q / (1 - q) - alpha * meanSquaredHazard(kappa, q);
    }

    /** E_z G(k(z))^2 at overlap q. */
    static double meanSquaredHazard(double kappa, double q) {
        GaussianRule r = GaussianRule.crossover(q, kappa, GaussianRule.FINE);
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        double s = 0;
        for (int i = 0; i < r.size(); i++) {
            double g = Gaussians.hazard((kappa - sq * r.z[i]) / sd);
            s += r.w[i] * g * g;
        }
        return s;
    }

    /** RS free entropy s(q) = ln(1-q)/2 + q/(2(1-q)) + alpha E_z ln H(k(z)), up to a q-independent constant. */
    public static double freeEntropy(double alpha, double kappa, double q) {
        requireOverlap(q);
        GaussianRule r = GaussianRule.crossover(q, kappa, GaussianRule.FINE);
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        double e = 0;
        for (int i = 0; i < r.size(); i++) {
            e += r.w[i] * Gaussians.logUpperTail((kappa - sq * r.z[i]) / sd);
        }
        return 0.5 * Math.log(1 - q) + q / (2 * (1 - q)) + alpha * e;
    }

    /** Replicon eigenvalue lambda_AT(alpha, kappa) at the typical overlap; NaN outside the SAT phase. */
    public static double replicon(double alpha, double kappa) {
        double q = typicalOverlap(alpha, kappa);
        return Double.isNaN(q) ? Double.NaN : repliconAt(alpha, kappa, q);
    }

    /** lambda_AT = alpha E_z [G(k)(G(k) - k)]^2 at a given overlap q. */
    public static double repliconAt(double alpha, double kappa, double q) {
        requireOverlap(q);
        GaussianRule r = GaussianRule.crossover(q, kappa, GaussianRule.FINE);
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        double s = 0;
        for (int i = 0; i < r.size(); i++) {
            double k = (kappa - sq * r.z[i]) / sd;
            double g = Gaussians.hazard(k);
            double c = g * (g - k);
            s += r.w[i] * c * c;
        }
        return alpha * s;
    }

    /** A point of the de Almeida-Thouless line: lambda_AT(alpha, kappa) = 1 at overlap q. */
    public record AtPoint(double kappa, double alpha, double q) {}

    /**
     * The dAT line alpha_AT(kappa) with its overlap: the first root of lambda_AT = 1 in (0, alpha_c),
     * scanned on alpha_c times 0.05, 0.10, ..., 0.95, 0.99, 0.999, 0.9999 and refined by Brent. NaN for
     * kappa &gt;= 0, where lambda_AT &lt; 1 up to capacity (it reaches 1 only as alpha -&gt; 2 at kappa = 0).
     */
    public static AtPoint atLine(double kappa) {
        requireFinite(kappa, "kappa");
        if (kappa >= 0) {
            return new AtPoint(kappa, Double.NaN, Double.NaN);
        }
        double ac = capacity(kappa);
        double[] fractions = new double[22];
        for (int i = 0; i < 19; i++) {
            fractions[i] = 0.05 * (i + 1);
        }
        fractions[19] = 0.99;
        fractions[20] = 0.999;
        fractions[21] = 0.9999;
        double[] grid = new double[fractions.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = ac * fractions[i];
        }
        double alpha = RootFinding.firstRoot(a -> replicon(a, kappa) - 1, grid, 1e-10);
        return new AtPoint(kappa, alpha, Double.isNaN(alpha) ? Double.NaN : typicalOverlap(alpha, kappa));
    }

    /** Largest margin kappa_max(alpha): alpha_c(kappa_max) = alpha, by Brent on [-10, 10]. */
    public static double maxMargin(double alpha) {
        requirePositive(alpha, "alpha");
        double lo = -10;
        double hi = 10;
        if (!(capacity(lo) > alpha && capacity(hi) < alpha)) {
            throw new IllegalArgumentException("alpha = " + alpha + " outside the range of alpha_c on kappa in [-10, 10]");
        }
        return RootFinding.brent(k -> capacity(k) - alpha, lo, hi, 1e-13);
    }

    /** Density of a typical solution's training stabilities at Delta (0 below kappa). */
    public static double stabilityDensity(double alpha, double kappa, double delta) {
        double q = typicalOverlap(alpha, kappa);
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (delta < kappa) {
            return 0;
        }
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        GaussianRule r = GaussianRule.around(Math.min(6 * sd / sq, 3), GaussianRule.FINE, kappa / sq, delta / sq);
        double s = 0;
        for (int i = 0; i < r.size(); i++) {
            double k = (kappa - sq * r.z[i]) / sd;
            double x = (delta - sq * r.z[i]) / sd;
            s += r.w[i] * Tails.truncatedDensity(x, k) / sd;
        }
        return s;
    }

    /**
     * CDF of a typical solution's training stabilities, F(x) = E_z [1 - H((x - sqrt(q) z)/sqrt(1-q))/H(k(z))]
     * for x &gt;= kappa (0 below).
     */
    public static double stabilityCdf(double alpha, double kappa, double x) {
        double q = typicalOverlap(alpha, kappa);
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (x <= kappa) {
            return 0;
        }
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        // the bracket switches over where k(z) = 0 and where (x - sqrt(q) z) = 0
        GaussianRule r = GaussianRule.around(Math.min(6 * sd / sq, 3), GaussianRule.FINE, kappa / sq, x / sq);
        double s = 0;
        for (int i = 0; i < r.size(); i++) {
            double k = (kappa - sq * r.z[i]) / sd;
            double y = (x - sq * r.z[i]) / sd;
            s += r.w[i] * Tails.truncatedCdf(y, k);
        }
        return s;
    }

    static void requireFinite(double x, String name) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite, got " + x);
        }
    }

    static void requirePositive(double x, String name) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + x);
        }
    }

    static void requireOverlap(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("overlap q must lie in (0, 1), got " + q);
        }
    }
}
