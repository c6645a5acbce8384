package io.dismc.theory.hopfield;

import java.util.Optional;

/**
 * The AGS replica-symmetric equations at temperature T &gt; 0 (docs/models.md, section Hopfield theory):
 * m = E tanh beta(m + sqrt(alpha r) z), q = E tanh^2 beta(m + sqrt(alpha r) z), r = q / (1 - C)^2 with
 * C = beta (1 - q) = beta E sech^2 beta(m + sqrt(alpha r) z).
 *
 * <p>The branch is parametrized by the noise sigma = sqrt(alpha r): at fixed sigma, m = E tanh beta(m + sigma z)
 * has at most one positive root (the right-hand side is concave for m &gt; 0), found by Newton's method from
 * m = 1; then alpha = sigma^2 (1 - C)^2 / q follows without iteration. alpha(sigma) vanishes at sigma = 0 and
 * where the positive root disappears; its maximum is the retrieval spinodal alpha_M(T), and the retrieval
 * state at alpha &lt; alpha_M is the root on the small-sigma side of the maximum.
 */
public final class AgsFiniteTemperature {
    private static final int NEWTON_CAP = 200;
    private final double temperature;
    private final double beta;

    public AgsFiniteTemperature(double temperature) {
        this.temperature = ScalarSearch.requirePositive(temperature, "temperature");
        this.beta = 1 / temperature;
    }

    public double temperature() {
        return temperature;
    }

    /** The positive-overlap state at field noise sigma = sqrt(alpha r); empty where there is none. */
    public Optional<AgsState> branch(double sigma) {
        ScalarSearch.requireNonNegative(sigma, "field noise sigma");
        if (ThermalAverages.of(0, sigma, beta).response() <= 1) {
            return Optional.empty(); // m = 0 is the only solution at this noise
        }
        double m = 1;
        for (int it = 0; ; it++) {
            if (it == NEWTON_CAP) {
                throw new ConvergenceFailure("AGS overlap at T = " + temperature + ", sigma = " + sigma
                        + ": Newton's method did not converge in " + NEWTON_CAP + " steps");
            }
            ThermalAverages.Averages av = ThermalAverages.of(m, sigma, beta);
            double g = av.m() - m;
            double slope = av.response() - 1;
            double next = m - g / slope;
            // concave right-hand side: from m = 1 the iterates decrease monotonically to the root
            if (!(next > 0)) {
                return Optional.empty();
            }
            if (next >= m) {
                break; // no further decrease: rounding at the root
            }
            boolean done = m - next < 1e-15 * m;
            m = next;
            if (done) {
                break;
            }
        }
        ThermalAverages.Averages av = ThermalAverages.of(m, sigma, beta);
        double q = av.q();
        double c = av.response();
        if (!(c < 1)) {
            return Optional.empty();
        }
        double r = q / ((1 - c) * (1 - c));
        return Optional.of(new AgsState(sigma * sigma / r, temperature, m, q, c, r, m / sigma));
    }

    /** The retrieval spinodal: the state of largest alpha on the m &gt; 0 branch. Empty for T &gt;= 1. */
    public Optional<AgsState> spinodal() {
        if (beta <= 1) {
            return Optional.empty();
        }
        // the positive root exists while beta E sech^2(beta sigma z) > 1; that slope is below sqrt(2/pi)/sigma
        double sigmaMax = ScalarSearch.root(s -> ThermalAverages.of(0, s, beta).response() - 1, 0, 1, 1e-14,
                "AGS branch end at T = " + temperature);
        ScalarSearch.Extremum e = ScalarSearch.maximum(this::loadAt, 1e-3 * sigmaMax, sigmaMax * (1 - 1e-9), 17,
                "AGS retrieval spinodal at T = " + temperature);
        if (e == null) {
            return Optional.empty();
        }
        return branch(e.argument());
    }

    /** The retrieval state at load alpha (continued from alpha = 0); empty above alpha_M(T). */
    public Optional<AgsState> retrieval(double alpha) {
        ScalarSearch.requireNonNegative(alpha, "load alpha");
        if (alpha == 0) {
            return branch(0);
        }
        Optional<AgsState> top = spinodal();
        if (top.isEmpty() || alpha > top.get().alpha()) {
            return Optional.empty();
        }
        if (alpha >= top.get().alpha() * (1 - AgsTheory.FOLD_ROUNDING)) {
            return top;
        }
        double sigmaTop = top.get().fieldNoise();
        double lo = sigmaTop / 2;
        for (int k = 0; loadAt(lo) >= alpha; k++) {
            if (k == 60) {
                throw new ConvergenceFailure("AGS retrieval at alpha = " + alpha + ", T = " + temperature
                        + ": no bracket below the spinodal");
            }
            lo /= 4;
        }
        double sigma = ScalarSearch.root(s -> loadAt(s) - alpha, lo, sigmaTop, 1e-15,
                "AGS retrieval at alpha = " + alpha + ", T = " + temperature);
        return branch(sigma);
    }

    private double loadAt(double sigma) {
        return branch(sigma).map(AgsState::alpha).orElse(Double.NaN);
    }
}
