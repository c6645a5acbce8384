package io.dismc.theory.hopfield;

import java.util.Optional;

/**
 * The RFHM learning branch at temperature T &gt; 0 (authors' saddle_point/factor/hopfield_RF_features.jl,
 * re-derived from the RS free entropy; docs/models.md, section RFHM theory). In the variables
 * dq = beta(1-q), dp = beta(pd - p), dph = pdh - ph, dpdh = ph/beta the equations are those of
 * {@link RfhmLearningEquations} with q = E tanh^2, m = E tanh, dq = beta E sech^2 of the field
 * beta(mh + sqrt(alpha qh) z) and the O(T) terms listed there. As T -&gt; 0 they become the T = 0
 * equations with the square in dpdh ({@link RfhmVariant#CONSISTENT}): at beta = 50, alpha_L(0.01) = 0.09786,
 * not the published 0.09291.
 *
 * <p>Method: as at T = 0, the branch is parametrized by x = mh / sqrt(alpha qh) and the qh equation solved as
 * a root in the noise a, started from the T = 0 solution at the same x: this continuation from the ground
 * state is what it is validated for (beta &gt;= 20). The fold is searched within +-0.4 in x of the T = 0
 * fold.
 */
public final class RfhmFiniteTemperature {
    private static final double FOLD_WINDOW = 0.4;
    private final double temperature;
    private final double beta;
    private final RfhmLearningTheory groundState = new RfhmLearningTheory(RfhmVariant.CONSISTENT);

    public RfhmFiniteTemperature(double temperature) {
        this.temperature = ScalarSearch.requirePositive(temperature, "temperature");
        if (temperature >= 1) {
            throw new IllegalArgumentException("the RFHM learning branch is continued from T = 0 for 0 < T < 1, got T = "
                    + temperature);
        }
        this.beta = 1 / temperature;
    }

    public double temperature() {
        return temperature;
    }

    /** The state at signal-to-noise ratio x; empty where the T = 0 branch or the continuation has none. */
    public Optional<RfhmLearningState> branch(double x, double alphaD) {
        Optional<RfhmLearningState> zero = groundState.branch(x, alphaD);
        if (zero.isEmpty()) {
            return Optional.empty();
        }
        java.util.function.DoubleFunction<RfhmLearningEquations.Evaluation> at = u -> {
            double a = Math.exp(-u);
            ThermalAverages.Averages av = ThermalAverages.of(x * a, a, beta);
            return RfhmLearningEquations.close(x, a, av.m(), av.q(), av.response(), alphaD, 1, 2, temperature);
        };
        java.util.function.DoubleUnaryOperator residual = u -> at.apply(u).residual();
        // u = -log a: the residual grows with u; start on the large-noise side of the T = 0 root
        double u0 = -Math.log(zero.get().mh() / x) - 0.25;
        for (int k = 0; !(residual.applyAsDouble(u0) < 0); k++) {
            if (k == 40) {
                return Optional.empty();
            }
            u0 -= 0.25;
        }
        double u = ScalarSearch.firstSignChange(residual, u0, Double.POSITIVE_INFINITY, 0.05,
                "RFHM learning qh equation at T = " + temperature + ", x = " + x);
        return Double.isNaN(u) ? Optional.empty() : Optional.ofNullable(at.apply(u).state());
    }

    /** The fold of the learning branch at alpha_D: the state at alpha_L(alpha_D, T); empty if none. */
    public Optional<RfhmLearningState> fold(double alphaD) {
        Optional<RfhmLearningState> zero = groundState.fold(alphaD);
        if (zero.isEmpty()) {
            return Optional.empty();
        }
        double[] range = groundState.branchRange(alphaD);
        double x0 = zero.get().signalToNoise();
        double lo = Math.max(range[0], x0 - FOLD_WINDOW);
        double hi = Math.min(range[1], x0 + FOLD_WINDOW);
        double pad = 1e-6 * (hi - lo);
        ScalarSearch.Extremum e = ScalarSearch.minimum(x -> loadAt(x, alphaD), lo + pad, hi - pad, 17,
                "RFHM learning fold at T = " + temperature + ", alpha_D = " + alphaD);
        return e == null ? Optional.empty() : branch(e.argument(), alphaD);
    }

    /** alpha_L(alpha_D) at this temperature, NaN where there is no learning phase. */
    public double learningLoad(double alphaD) {
        return fold(alphaD).map(RfhmLearningState::alpha).orElse(Double.NaN);
    }

    /** The learning state at (alpha, alpha_D), on the side of the fold continued from large alpha. */
    public Optional<RfhmLearningState> state(double alpha, double alphaD) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        Optional<RfhmLearningState> fold = fold(alphaD);
        if (fold.isEmpty() || alpha < fold.get().alpha()) {
            return Optional.empty();
        }
        if (alpha <= fold.get().alpha() * (1 + AgsTheory.FOLD_ROUNDING)) {
            return fold;
        }
        double lo = fold.get().signalToNoise();
        double hi = lo;
        double end = groundState.branchRange(alphaD)[1];
        for (int k = 0; ; k++) {
            if (k == 60) {
                throw new ConvergenceFailure("RFHM learning state at T = " + temperature + ", alpha = " + alpha
                        + ": no bracket below x = " + end);
            }
            hi = hi + 0.5 * (end - hi);
            double a = loadAt(hi, alphaD);
            if (a >= alpha) {
                break;
            }
            if (!Double.isNaN(a)) {
                lo = hi;
            }
        }
        double x = ScalarSearch.root(y -> loadAt(y, alphaD) - alpha, lo, hi, 1e-13,
                "RFHM learning state at T = " + temperature + ", alpha = " + alpha);
        return branch(x, alphaD);
    }

    private double loadAt(double x, double alphaD) {
        return branch(x, alphaD).map(RfhmLearningState::alpha).orElse(Double.NaN);
    }
}
