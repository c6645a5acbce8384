package io.dismc.theory.hopfield;

import java.util.Optional;

/**
 * The AGS retrieval line (docs/models.md, section Hopfield theory): the spinodal alpha_M(T), the largest load
 * at which the replica-symmetric retrieval state exists at temperature T, and its inverse T_M(alpha).
 * alpha_M(0) = alpha_c = 0.137906; alpha_M = 0 for T &gt;= 1; near T = 1, T_M ~ 1 - 1.95 sqrt(alpha).
 *
 * <p>RS re-entrance: alpha_M(T) first rises with T (0.13818 at T = 0.02) before it falls, so for
 * alpha_c(0) &lt; alpha &lt; max_T alpha_M(T) retrieval exists only in a window T_low &lt; T &lt; T_M. This is
 * an artefact of replica symmetry (one step of RSB removes it), kept here because it is what the RS
 * equations give.
 */
public final class RetrievalLine {
    /** Beyond this temperature alpha_M(T) is decreasing: the re-entrant maximum lies below it. */
    private static final double MONOTONE_ABOVE = 0.1;
    private static volatile AgsState reentrantPeak;

    private RetrievalLine() {}

    /** A temperature window [low, high] of existence of the retrieval state at fixed alpha. */
    public record TemperatureWindow(double low, double high) {}

    /** The retrieval spinodal at temperature T: the state at alpha_M(T). Empty for T &gt;= 1. */
    public static Optional<AgsState> spinodal(double temperature) {
        ScalarSearch.requireNonNegative(temperature, "temperature");
        if (temperature == 0) {
            return Optional.of(AgsTheory.capacity());
        }
        if (temperature >= 1) {
            return Optional.empty();
        }
        return new AgsFiniteTemperature(temperature).spinodal();
    }

    /** alpha_M(T); 0 for T &gt;= 1, where no retrieval state exists at any load. */
    public static double load(double temperature) {
        return spinodal(temperature).map(AgsState::alpha).orElse(0.0);
    }

    /** The re-entrant maximum of alpha_M(T) over T (computed once, on first use). */
    public static AgsState reentrantPeak() {
        AgsState p = reentrantPeak;
        if (p == null) {
            ScalarSearch.Extremum e = ScalarSearch.maximum(RetrievalLine::load, 0.002, MONOTONE_ABOVE, 12,
                    "AGS re-entrant maximum of alpha_M(T)");
            p = spinodal(e.argument()).orElseThrow();
            reentrantPeak = p;
        }
        return p;
    }

    /**
     * T_M(alpha): the highest temperature at which the retrieval state exists at load alpha. NaN where it
     * exists at no temperature (alpha above the re-entrant maximum of alpha_M).
     */
    public static double temperature(double alpha) {
        return window(alpha).map(TemperatureWindow::high).orElse(Double.NaN);
    }

    /**
     * The temperatures at which the retrieval state exists at load alpha: [0, T_M] for alpha &lt;= alpha_c,
     * the re-entrant window [T_low, T_M] above it, empty above the re-entrant maximum.
     */
    public static Optional<TemperatureWindow> window(double alpha) {
        ScalarSearch.requireNonNegative(alpha, "load alpha");
        if (alpha == 0) {
            return Optional.of(new TemperatureWindow(0, 1));
        }
        double lo;
        double hi = 1 - 1e-9;
        if (alpha <= load(MONOTONE_ABOVE)) {
            lo = MONOTONE_ABOVE;
        } else {
            AgsState peak = reentrantPeak();
            if (alpha > peak.alpha()) {
                return Optional.empty();
            }
            lo = peak.temperature();
            hi = MONOTONE_ABOVE;
        }
        double high = ScalarSearch.root(t -> load(t) - alpha, lo, hi, 1e-9, "T_M(alpha = " + alpha + ")");
        double low = 0;
        if (alpha > AgsTheory.capacity().alpha()) {
            low = ScalarSearch.root(t -> load(t) - alpha, 0, reentrantPeak().temperature(), 1e-9,
                    "re-entrant T_low(alpha = " + alpha + ")");
        }
        return Optional.of(new TemperatureWindow(low, high));
    }
}
