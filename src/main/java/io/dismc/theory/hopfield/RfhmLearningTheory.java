package io.dismc.theory.hopfield;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The T = 0 learning (feature-retrieval) branch of the RFHM and its fold, the learning line alpha_L(alpha_D)
 * (Negri, Lauditi, Perugini, Lucibello, Malatesta 2023; authors' code ArtLabBocconi/random_feature_hopfield,
 * saddle_point/factor; docs/models.md, section RFHM theory).
 *
 * <p>Method: the branch is parametrized by the signal-to-noise ratio x = mh / sqrt(alpha qh). At fixed x,
 * {@link RfhmLearningEquations} closes every equation but one, which is a root in the noise a = sqrt(alpha qh)
 * (written as s = 1 - den1 in (0, 1), where the residual is monotone); alpha(x) follows. The branch exists
 * for x in the interval where the alpha -&gt; infinity limit (a Hopfield model of the D features at load
 * alpha_D) allows it, alpha(x) tends to infinity at both ends, and alpha_L = min_x alpha(x) is the fold:
 * learning states exist for alpha &gt;= alpha_L, on the side x &gt; x_L. alpha_L tends to infinity as
 * alpha_D tends to 0.1379 (the AGS capacity): there is no learning phase for alpha_D &gt;= 0.1379. These are
 * spinodals (existence limits); free energies are not compared.
 *
 * <p>Non-existence is reported as an empty Optional (or NaN / 0 where a number is returned);
 * {@link ConvergenceFailure} only signals a numerical failure.
 */
public final class RfhmLearningTheory {
    private static final double X_MAX = 30; // 2 phi(30) ~ 1e-196: larger x would underflow the response
    private static final int FOLD_GRID = 64;
    private final RfhmVariant variant;
    private final MixtureField field;
    private final ScalarSearch.Extremum hopfieldPeak;

    /** The learning branch of one feature. */
    public RfhmLearningTheory(RfhmVariant variant) {
        this(variant, 1);
    }

    /** The branch of a symmetric mixture of n features (n = 1: learning). */
    RfhmLearningTheory(RfhmVariant variant, int n) {
        this.variant = java.util.Objects.requireNonNull(variant, "variant");
        this.field = new MixtureField(n);
        this.hopfieldPeak = ScalarSearch.maximum(field::hopfieldLimit, 0.05, 6, 120,
                "Hopfield limit of the " + n + "-mixture");
    }

    public RfhmVariant variant() {
        return variant;
    }

    /** The fold of the learning branch at alpha_D: the state at alpha_L. Empty where there is no learning phase. */
    public Optional<RfhmLearningState> fold(double alphaD) {
        ScalarSearch.requirePositive(alphaD, "alpha_D");
        double[] range = branchRange(alphaD);
        if (range == null) {
            return Optional.empty();
        }
        double lo = range[0];
        double hi = range[1];
        double pad = 1e-7 * (hi - lo);
        ScalarSearch.Extremum e = ScalarSearch.minimum(x -> loadAt(x, alphaD), lo + pad, hi - pad, FOLD_GRID,
                "RFHM " + label() + " fold at alpha_D = " + alphaD);
        if (e == null) {
            throw new ConvergenceFailure("RFHM " + label() + " branch at alpha_D = " + alphaD
                    + ": no solution on the grid although the Hopfield limit allows one");
        }
        return branch(e.argument(), alphaD);
    }

    /** alpha_L(alpha_D), NaN where there is no learning phase. */
    public double learningLoad(double alphaD) {
        return fold(alphaD).map(RfhmLearningState::alpha).orElse(Double.NaN);
    }

    /** The state on the branch at signal-to-noise ratio x (either side of the fold); empty outside the branch. */
    public Optional<RfhmLearningState> branch(double x, double alphaD) {
        ScalarSearch.requirePositive(x, "signal-to-noise ratio x");
        ScalarSearch.requirePositive(alphaD, "alpha_D");
        double m = field.overlap(x);
        double g = field.noiseResponse(x);
        int n = field.n();
        int e = variant.exponent();
        double den2 = 1 - x * g / m;
        if (!(den2 > 0) || !(g > 0)) {
            return Optional.empty();
        }
        double aMin = g * (GaussianEquivalence.K1 / den2 + GaussianEquivalence.KSTAR); // den1 = 1 - aMin / a
        java.util.function.DoubleFunction<RfhmLearningEquations.Evaluation> at = logS -> {
            double a = aMin / Math.exp(logS);
            return RfhmLearningEquations.close(x, a, m, 1, g / a, alphaD, n, e, 0);
        };
        // start where alpha_T = den1 x a / (k1s m) is at least 1e12: beyond any root (s = 1 is den1 = 0)
        double logS0 = Math.min(Math.log(1e-14), Math.log(aMin * x / (GaussianEquivalence.K1 * m)) - Math.log(1e12));
        double logS = ScalarSearch.firstSignChange(u -> at.apply(u).residual(), logS0, 0,
                Math.max(Math.log(2), -logS0 / 60), "RFHM " + label() + " qh equation at x = " + x);
        return Double.isNaN(logS) ? Optional.empty() : Optional.ofNullable(at.apply(logS).state());
    }

    /** The learning state at (alpha, alpha_D): on the branch continued from large alpha; empty below alpha_L. */
    public Optional<RfhmLearningState> state(double alpha, double alphaD) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        Optional<RfhmLearningState> fold = fold(alphaD);
        if (fold.isEmpty() || alpha < fold.get().alpha()) {
            return Optional.empty();
        }
        if (alpha <= fold.get().alpha() * (1 + AgsTheory.FOLD_ROUNDING)) {
            return fold;
        }
        double xFold = fold.get().signalToNoise();
        double xEnd = Math.min(branchRange(alphaD)[1], X_MAX);
        double lo = xFold;
        for (int k = 1; k <= 60; k++) {
            double x = xEnd - (xEnd - xFold) * Math.pow(2, -k);
            double a = loadAt(x, alphaD);
            if (a >= alpha) {
                double root = ScalarSearch.root(y -> loadAt(y, alphaD) - alpha, lo, x, 1e-14,
                        "RFHM " + label() + " state at alpha = " + alpha + ", alpha_D = " + alphaD);
                return branch(root, alphaD);
            }
            if (!Double.isNaN(a)) {
                lo = x;
            }
        }
        throw new ConvergenceFailure("RFHM " + label() + " state at alpha = " + alpha + ", alpha_D = " + alphaD
                + ": alpha is beyond the branch resolved up to signal-to-noise x = " + xEnd);
    }

    /** m_feature on the learning branch at (alpha, alpha_D); 0 where no learning state exists (alpha &lt; alpha_L). */
    public double featureOverlap(double alpha, double alphaD) {
        return state(alpha, alphaD).map(RfhmLearningState::m).orElse(0.0);
    }

    /** The curve m_feature(alpha) at one alpha_D (0 below alpha_L), for the rfhm figure. */
    public List<FeatureOverlap> featureOverlapCurve(double alphaD, List<Double> alphas) {
        List<FeatureOverlap> out = new ArrayList<>();
        for (double a : alphas) {
            out.add(new FeatureOverlap(a, alphaD, featureOverlap(a, alphaD)));
        }
        return out;
    }

    /** One point of the m_feature(alpha) curve. */
    public record FeatureOverlap(double alpha, double alphaD, double m) {}

    /**
     * RS statistics of the stability h_i f_i^1 at the configuration s = f^1 (no dynamics): the equations at
     * m = 1, dq = 0 give mean mh = (2/pi) alpha/alpha_D and variance
     * alpha qh = alpha + (2/pi) alpha/alpha_D + (2/pi)^2 alpha^2/alpha_D (docs/models.md, section RFHM theory).
     */
    public static LocalFieldStatistics fieldAtFeature(double alpha, double alphaD) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        ScalarSearch.requirePositive(alphaD, "alpha_D");
        RfhmLearningState s = RfhmLearningEquations.frozen(alpha, alphaD, 1);
        return new LocalFieldStatistics(s.mh(), s.noiseVariance());
    }

    /** alpha(x) on the branch, NaN outside it. */
    double loadAt(double x, double alphaD) {
        return branch(x, alphaD).map(RfhmLearningState::alpha).orElse(Double.NaN);
    }

    /**
     * The open x-interval of the branch: where the Hopfield limit sqrt of the load exceeds sqrt(alpha_D);
     * null where it never does.
     */
    double[] branchRange(double alphaD) {
        double target = Math.sqrt(alphaD);
        double xPeak = hopfieldPeak.argument();
        if (!(hopfieldPeak.value() > target)) {
            return null;
        }
        double lo = ScalarSearch.root(x -> field.hopfieldLimit(x) - target, 1e-6, xPeak, 1e-14,
                "lower end of the RFHM branch");
        double hi = ScalarSearch.root(x -> field.hopfieldLimit(x) - target, xPeak, 1 / target + 1, 1e-14,
                "upper end of the RFHM branch");
        return new double[] {lo, Math.min(hi, X_MAX)};
    }

    private String label() {
        return field.n() == 1 ? "learning (" + variant.label() + ")" : field.n() + "-mixture";
    }
}
