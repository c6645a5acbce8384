package io.dismc.theory.hopfield;

import static io.dismc.theory.hopfield.GaussianEquivalence.K1;
import static io.dismc.theory.hopfield.GaussianEquivalence.KSTAR;

import io.dismc.theory.Gaussians;
import java.util.Optional;
import org.apache.commons.numbers.gamma.Erf;

/**
 * The published T = 0 storage (pattern-retrieval) line of the RFHM, alpha_c(alpha_D), and its states
 * (Negri et al. 2023, authors' code ArtLabBocconi/random_feature_hopfield, saddle_point/pattern;
 * docs/models.md, section RFHM theory).
 *
 * <p><b>Caveat: this line is the authors' replica-symmetric result, not validated by simulation.</b>
 * Finite-N zero-temperature dynamics started on a pattern do <i>not</i> follow it for alpha_D &lt;~ 0.2:
 * at alpha_D = 0.01 and 0.05 retrieval is lost already at 0.2-0.5 alpha_c. The measured field noise at the
 * pattern is O(alpha/alpha_D), the theory's alpha qh = alpha + (2/pi)^2 alpha^2/alpha_D is O(alpha^2/alpha_D)
 * (docs/models.md, section RFHM theory, the storage caveat). Use it as a simulation target only at
 * alpha_D &gt;~ 1, where it roughly agrees (as AGS does); alpha_c tends to the AGS 0.1379 as alpha_D grows.
 *
 * <p>Equations (the learning ones with the field m in place of mh, no m^2/alpha_D term in pd, dphd squared):
 * <pre>
 * dq = 2 phi(m/a)/a, m = erf(m/(sqrt2 a)), a = sqrt(alpha qh)
 * qh = kss (k1s pd + kss)/den1^2 + (dphd + alpha_T dph^2)/den2^2,  den1 = 1 - k1s dp - kss dq, den2 = 1 - alpha_T dq dph
 * dp = dq/den2, dph = k1s/den1, pd = (1 + alpha_T dq^2 dphd)/den2^2, dphd = k1s (k1s pd + kss)/den1^2
 * </pre>
 * Method: at signal-to-noise ratio x = m/a, m, a and dq are explicit; with w = alpha_T dph the rest is
 * explicit too, and the qh equation is a root in w. alpha(x) vanishes as x -&gt; infinity; alpha_c = max_x alpha(x)
 * and the storage states at alpha &lt; alpha_c lie on the side x &gt; x_c.
 */
public final class RfhmStorageTheory {
    private static final double SQRT2 = Math.sqrt(2);
    /** 2 phi(37) ~ 1e-297: beyond, the state is m = 1, dq = 0 to double precision. */
    private static final double X_MAX = 37;

    private RfhmStorageTheory() {}

    /** The state at alpha_c(alpha_D), the largest load of the pattern-retrieval branch. */
    public static RfhmStorageState fold(double alphaD) {
        ScalarSearch.requirePositive(alphaD, "alpha_D");
        ScalarSearch.Extremum e = ScalarSearch.maximum(x -> loadAt(x, alphaD), 1.2, 12, 109,
                "RFHM storage fold at alpha_D = " + alphaD);
        if (e == null) {
            throw new ConvergenceFailure("RFHM storage branch at alpha_D = " + alphaD + ": no solution on the grid");
        }
        return branch(e.argument(), alphaD).orElseThrow();
    }

    /** alpha_c(alpha_D), the published RS storage line (see the caveat above). */
    public static double storageLoad(double alphaD) {
        return fold(alphaD).alpha();
    }

    /** The pattern-retrieval state at (alpha, alpha_D), continued from alpha = 0; empty above alpha_c. */
    public static Optional<RfhmStorageState> state(double alpha, double alphaD) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        RfhmStorageState top = fold(alphaD);
        if (alpha > top.alpha()) {
            return Optional.empty();
        }
        if (alpha >= top.alpha() * (1 - AgsTheory.FOLD_ROUNDING)) {
            return Optional.of(top);
        }
        double xc = top.signalToNoise();
        double hi = xc;
        while (true) {
            hi = Math.min(1.5 * hi, X_MAX);
            double a = loadAt(hi, alphaD);
            if (a <= alpha) {
                break;
            }
            if (hi == X_MAX) {
                return Optional.of(frozen(alpha, alphaD));
            }
        }
        double x = ScalarSearch.root(y -> loadAt(y, alphaD) - alpha, xc, hi, 1e-14,
                "RFHM storage state at alpha = " + alpha + ", alpha_D = " + alphaD);
        return branch(x, alphaD);
    }

    /** m_pattern on the storage branch, 0 where it does not exist (see the caveat above). */
    public static double patternOverlap(double alpha, double alphaD) {
        return state(alpha, alphaD).map(RfhmStorageState::m).orElse(0.0);
    }

    /** The state at signal-to-noise ratio x = m / sqrt(alpha qh) on either side of the fold. */
    public static Optional<RfhmStorageState> branch(double x, double alphaD) {
        ScalarSearch.requirePositive(x, "signal-to-noise ratio x");
        ScalarSearch.requirePositive(alphaD, "alpha_D");
        double m = Erf.value(x / SQRT2);
        double a = m / x;
        double dq = 2 * Gaussians.density(x) / a;
        // u = log w, w = alpha_T dph, from alpha ~ 1e-14 upwards: the residual is -1 at w = 0 and grows with w
        java.util.function.DoubleFunction<RfhmStorageState> at = u -> closeAt(Math.exp(u), m, dq, alphaD);
        double u0 = Math.log(1e-14 * K1 / Math.max(1, alphaD));
        double u = ScalarSearch.firstSignChange(v -> {
            RfhmStorageState s = at.apply(v);
            return s == null ? Double.NaN : s.alpha() * s.qh() / (a * a) - 1;
        }, u0, Double.POSITIVE_INFINITY, Math.log(2), "RFHM storage qh equation at x = " + x);
        if (Double.isNaN(u)) {
            throw new ConvergenceFailure("RFHM storage at x = " + x + ": the qh residual is not negative at alpha ~ 0");
        }
        return Optional.ofNullable(at.apply(u));
    }

    /** The state at m = 1, dq = 0 (x beyond double precision): alpha qh = alpha + (2/pi)^2 alpha^2 / alpha_D. */
    static RfhmStorageState frozen(double alpha, double alphaD) {
        return close(alpha / alphaD, 1, 1, 1, 0, alphaD);
    }

    static double loadAt(double x, double alphaD) {
        return branch(x, alphaD).map(RfhmStorageState::alpha).orElse(Double.NaN);
    }

    /** The state at w = alpha_T dph, or null outside the physical domain. */
    private static RfhmStorageState closeAt(double w, double m, double dq, double alphaD) {
        double den2 = 1 - w * dq;
        if (!(den2 > 0)) {
            return null;
        }
        double den1 = 1 - K1 * dq / den2 - KSTAR * dq;
        if (!(den1 > 0)) {
            return null;
        }
        return close(w * den1 / K1, den1, den2, m, dq, alphaD);
    }

    private static RfhmStorageState close(double alphaT, double den1, double den2, double m, double dq, double alphaD) {
        double dph = K1 / den1;
        double den1sq = den1 * den1;
        double den2sq = den2 * den2;
        // dphd = A pd + B, pd = 1/den2^2 + c1 dphd
        double slopeA = K1 * K1 / den1sq;
        double offsetB = K1 * KSTAR / den1sq;
        double c1 = alphaT * dq * dq / den2sq;
        double det = 1 - c1 * slopeA;
        if (!(det > 0)) {
            return null;
        }
        double pd = (1 / den2sq + c1 * offsetB) / det;
        double dphd = slopeA * pd + offsetB;
        double qh = KSTAR * (K1 * pd + KSTAR) / den1sq + (dphd + alphaT * dph * dph) / den2sq;
        return new RfhmStorageState(alphaD * alphaT, alphaD, dq, qh, dq / den2, dph, pd, dphd, m);
    }
}
