package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;
import java.util.function.DoubleUnaryOperator;

/**
 * Replica-symmetric theory of the binary perceptron (w_i = +-1) storing P = alpha N random patterns
 * with margin kappa (Gardner and Derrida 1988; docs/models.md, section perceptron theory, binary RS):
 * <pre>
 *   s(alpha, kappa) = -qhat (1 - q)/2 + E_z ln 2cosh(sqrt(qhat) z) + alpha E_z ln H(k(z)),
 *   qhat = alpha/(1-q) E_z G(k(z))^2,   q = E_z tanh^2(sqrt(qhat) z),   k(z) = (kappa - sqrt(q) z)/sqrt(1-q).
 * </pre>
 * The saddle point is the first sign change of f(q) = E tanh^2(sqrt(qhat(q)) z) - q on a grid
 * (decades 1e-12 ... 1e-4, 34 points linear from 0.01 to 0.99, then 60 log-spaced points up to 1 - 1e-12;
 * the trivial root near q = 1 is ignored), refined by Brent. The capacity alpha_c(kappa) is the zero of the entropy s (Krauth and Mezard 1989: 0.833 at
 * kappa = 0), kappa_max(alpha) its zero in kappa; RS is locally stable up to capacity (replicon
 * alpha E[G(G-k)]^2/(1-q)^2 E(1 - tanh^2)^2 &lt; 1). Typical solutions are isolated (frozen 1RSB structure),
 * so these are not reachable by local sampling at N ~ 10^3.
 */
public final class BinaryGardnerDerrida {
    private static final double[] Q_GRID = qGrid();

    private BinaryGardnerDerrida() {}

    /** The RS saddle point at (alpha, kappa): overlap, conjugate, entropy, replicon. */
    public record SaddlePoint(double alpha, double kappa, double q, double qHat, double entropy, double replicon) {}

    /** The nontrivial saddle point, or null where it does not exist (past the spinodal). */
    public static SaddlePoint saddlePoint(double alpha, double kappa) {
        SphericalGardner.requirePositive(alpha, "alpha");
        SphericalGardner.requireFinite(kappa, "kappa");
        double q = RootFinding.firstRoot(x -> overlapMap(alpha, kappa, x) - x, Q_GRID, 1e-14);
        if (Double.isNaN(q)) {
            return null;
        }
        double qh = conjugate(alpha, kappa, q);
        return new SaddlePoint(alpha, kappa, q, qh, entropyAt(alpha, kappa, q, qh), repliconAt(alpha, kappa, q, qh));
    }

    /**
     * Typical overlap q(alpha, kappa) of two solutions; NaN outside the SAT phase (entropy &lt; 0, where
     * the saddle point describes no solutions) and where the saddle point does not exist.
     */
    public static double typicalOverlap(double alpha, double kappa) {
        SaddlePoint s = saddlePoint(alpha, kappa);
        return s == null || s.entropy() < 0 ? Double.NaN : s.q();
    }

    /** RS entropy s(alpha, kappa) (per weight, natural log); NaN past the spinodal. */
    public static double entropy(double alpha, double kappa) {
        SaddlePoint s = saddlePoint(alpha, kappa);
        return s == null ? Double.NaN : s.entropy();
    }

    /** qhat(q) = alpha/(1-q) E_z G(k(z))^2. */
    static double conjugate(double alpha, double kappa, double q) {
        return alpha / (1 - q) * SphericalGardner.meanSquaredHazard(kappa, q);
    }

    /** E_z tanh^2(sqrt(qhat(q)) z), whose fixed point is the overlap. */
    static double overlapMap(double alpha, double kappa, double q) {
        double sh = Math.sqrt(conjugate(alpha, kappa, q));
        GaussianRule r = fieldRule(sh);
        double s = 0;
        for (int i = 0; i < r.size(); i++) {
            double t = Math.tanh(sh * r.z[i]);
            s += r.w[i] * t * t;
        }
        return s;
    }

    /** The rule for integrands of the cavity field sqrt(qhat) z: they switch over at z = 0 within 1/sqrt(qhat). */
    private static GaussianRule fieldRule(double sh) {
        return GaussianRule.around(0, Math.min(3, 4 / sh), GaussianRule.FINE);
    }

    static double entropyAt(double alpha, double kappa, double q, double qh) {
        double sh = Math.sqrt(qh);
        GaussianRule f = fieldRule(sh);
        double logCosh = 0;
        for (int i = 0; i < f.size(); i++) {
            double x = Math.abs(sh * f.z[i]);
            logCosh += f.w[i] * (x + Math.log1p(Math.exp(-2 * x))); // ln 2cosh
        }
        GaussianRule r = GaussianRule.crossover(q, kappa, GaussianRule.FINE);
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        double energetic = 0;
        for (int i = 0; i < r.size(); i++) {
            energetic += r.w[i] * Gaussians.logUpperTail((kappa - sq * r.z[i]) / sd);
        }
        return -qh * (1 - q) / 2 + logCosh + alpha * energetic;
    }

    static double repliconAt(double alpha, double kappa, double q, double qh) {
        double sh = Math.sqrt(qh);
        GaussianRule f = fieldRule(sh);
        double entropic = 0;
        for (int i = 0; i < f.size(); i++) {
            double t = Math.tanh(sh * f.z[i]);
            double c = 1 - t * t;
            entropic += f.w[i] * c * c;
        }
        return SphericalGardner.repliconAt(alpha, kappa, q) / ((1 - q) * (1 - q)) * entropic;
    }

    /**
     * Capacity alpha_c(kappa): s = 0, scanning alpha upward from a0 = alpha_c^spherical(kappa)/20 (the
     * binary capacity lies below the spherical one) in steps starting at a0 and growing by 1.25
     * (halved where the saddle point disappears before s turns negative), then Brent.
     */
    public static double capacity(double kappa) {
        SphericalGardner.requireFinite(kappa, "kappa");
        double a0 = 0.05 * SphericalGardner.capacity(kappa);
        return zeroOfEntropy(a -> entropy(a, kappa), a0, a0, 1e-10 * a0);
    }

    /**
     * Largest margin kappa_max(alpha): s = 0 in kappa, scanning upward in steps from 0.05 (growing by 1.25) from the first of
     * kappa = 0, -0.5, -1, ... (down to -10) where s &gt; 0.
     */
    public static double maxMargin(double alpha) {
        SphericalGardner.requirePositive(alpha, "alpha");
        double start = 0;
        while (!(entropy(alpha, start) > 0)) {
            start -= 0.5;
            if (start < -10) {
                throw new IllegalArgumentException("alpha = " + alpha + ": binary RS entropy not positive for any kappa >= -10");
            }
        }
        return zeroOfEntropy(k -> entropy(alpha, k), start, 0.05, 1e-10);
    }

    /** First zero of a decreasing entropy s(x) that may stop existing (NaN) shortly after it turns negative. */
    private static double zeroOfEntropy(DoubleUnaryOperator s, double start, double step, double accuracy) {
        double x = start;
        double sx = s.applyAsDouble(x);
        if (!(sx > 0)) {
            throw new IllegalArgumentException("binary RS entropy not positive at the scan start " + start);
        }
        double h = step;
        for (int iter = 0; iter < 10_000; iter++) {
            double y = x + h;
            double sy = s.applyAsDouble(y);
            if (Double.isNaN(sy)) {
                h /= 2; // past the spinodal: the zero (if any) lies closer
                if (h < accuracy) {
                    return Double.NaN;
                }
                continue;
            }
            if (sy <= 0) {
                return RootFinding.brent(s, x, y, accuracy);
            }
            x = y;
            h *= 1.25;
        }
        return Double.NaN;
    }

    private static double[] qGrid() {
        int tiny = 5;
        int lin = 34;
        int logs = 60;
        double[] g = new double[tiny + lin + logs];
        // small alpha puts the root at q ~ alpha G(kappa)^2: decades from 1e-12 first
        for (int i = 0; i < tiny; i++) {
            g[i] = Math.pow(10, -12 + 2 * i);
        }
        for (int i = 0; i < lin; i++) {
            g[tiny + i] = 0.01 + (0.99 - 0.01) * i / (lin - 1);
        }
        // 1 - q from 1e-2 (exclusive) down to 1e-12, log-spaced
        for (int i = 1; i <= logs; i++) {
            g[tiny + lin + i - 1] = 1 - Math.pow(10, -2 - 10.0 * i / logs);
        }
        return g;
    }
}
