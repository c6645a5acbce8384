package io.dismc.theory.hopfield;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.numbers.gamma.Erf;

/**
 * Replica-symmetric retrieval in the standard Hopfield model, Amit, Gutfreund and Sompolinsky (PRL 55,
 * 1530 (1985); Ann. Phys. 173, 30 (1987)); docs/models.md, section Hopfield theory. Couplings
 * J = (1/N) sum_mu xi^mu xi^mu^T with zero diagonal, alpha = P/N.
 *
 * <p>At T = 0 the saddle point m = erf(m / sqrt(2 alpha r)), C = sqrt(2/(pi alpha r)) exp(-m^2/(2 alpha r)),
 * r = 1/(1 - C)^2 has an exact parametric form in the signal-to-noise ratio x = m / sqrt(alpha r):
 * m = erf(x/sqrt2), C = sqrt(2/pi) x exp(-x^2/2) / m, sqrt(alpha) = [erf(x/sqrt2) - sqrt(2/pi) x exp(-x^2/2)] / x.
 * The retrieval branch is x &gt; x_c, where alpha(x) has its maximum alpha_c = 0.137906. Above alpha_c
 * there is no retrieval solution: {@link #retrieval(double)} is then empty and {@link #overlap} is 0.
 * At T &gt; 0 the equations are solved by {@link AgsFiniteTemperature}.
 */
public final class AgsTheory {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    /** Loads within this relative distance of a fold are the fold (its load is only known to rounding). */
    static final double FOLD_ROUNDING = 1e-12;
    private static final AgsState CAPACITY = computeCapacity();

    private AgsTheory() {}

    /** The T = 0 state at signal-to-noise ratio x &gt; 0 (on either side of the fold). */
    public static AgsState atSignalToNoise(double x) {
        ScalarSearch.requirePositive(x, "signal-to-noise ratio x");
        double m = Erf.value(x / SQRT2);
        double c = SQRT_2_OVER_PI * x * Math.exp(-0.5 * x * x) / m;
        double sqrtAlpha = sqrtAlpha(x);
        return new AgsState(sqrtAlpha * sqrtAlpha, 0, m, 1, c, 1 / ((1 - c) * (1 - c)), x);
    }

    /** The T = 0 spinodal: alpha_c = max_x alpha(x), with m, C, r and x_c there. */
    public static AgsState capacity() {
        return CAPACITY;
    }

    /** The T = 0 retrieval state at load alpha; empty above alpha_c. */
    public static Optional<AgsState> retrieval(double alpha) {
        ScalarSearch.requireNonNegative(alpha, "load alpha");
        if (alpha == 0) {
            return Optional.of(new AgsState(0, 0, 1, 1, 0, 1, Double.POSITIVE_INFINITY));
        }
        if (alpha > CAPACITY.alpha()) {
            return Optional.empty();
        }
        if (alpha >= CAPACITY.alpha() * (1 - FOLD_ROUNDING)) {
            return Optional.of(CAPACITY); // the fold itself, within rounding
        }
        double target = Math.sqrt(alpha);
        double xc = CAPACITY.signalToNoise();
        // sqrt(alpha(x)) < 1/x, so alpha(x) < alpha beyond x = 1/sqrt(alpha)
        double hi = Math.max(xc, 1 / target) + 1;
        double x = ScalarSearch.root(y -> sqrtAlpha(y) - target, xc, hi, 1e-14, "AGS retrieval at alpha = " + alpha);
        return Optional.of(atSignalToNoise(x));
    }

    /** The retrieval state at (alpha, T); empty where no retrieval solution exists. */
    public static Optional<AgsState> retrieval(double alpha, double temperature) {
        ScalarSearch.requireNonNegative(temperature, "temperature");
        return temperature == 0 ? retrieval(alpha) : new AgsFiniteTemperature(temperature).retrieval(alpha);
    }

    /** The retrieval overlap m at (alpha, T), 0 where no retrieval solution exists. */
    public static double overlap(double alpha, double temperature) {
        return retrieval(alpha, temperature).map(AgsState::m).orElse(0.0);
    }

    /** The overlap table of {@code dismc theory hopfield}: every alpha at every temperature, alpha varying fastest. */
    public static List<RetrievalOverlap> overlapTable(List<Double> alphas, List<Double> temperatures) {
        List<RetrievalOverlap> rows = new ArrayList<>();
        for (double t : temperatures) {
            AgsFiniteTemperature solver = t > 0 ? new AgsFiniteTemperature(t) : null;
            for (double a : alphas) {
                Optional<AgsState> s = solver == null ? retrieval(a) : solver.retrieval(a);
                rows.add(new RetrievalOverlap(a, t, s.map(AgsState::m).orElse(0.0)));
            }
        }
        return rows;
    }

    /** Ground-state energy per spin of a T = 0 RS state (zero diagonal): E = -m^2/2 - (alpha/2)(r - 1). */
    public static double energy(AgsState s) {
        if (s.temperature() != 0) {
            throw new IllegalArgumentException("energy(): a T = 0 state is required, got T = " + s.temperature());
        }
        return -0.5 * s.m() * s.m() - 0.5 * s.alpha() * (s.r() - 1);
    }

    /**
     * Energy per spin of the T = 0 spin-glass state (m = 0, C = a/(1+a), a = sqrt(2/(pi alpha))):
     * -sqrt(2 alpha/pi) - 1/pi.
     */
    public static double spinGlassEnergy(double alpha) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        return -Math.sqrt(2 * alpha / Math.PI) - 1 / Math.PI;
    }

    /** The load where the retrieval state and the spin-glass state have equal T = 0 energy (0.05185). */
    public static double energyCrossingLoad() {
        return ScalarSearch.root(a -> energy(retrieval(a).orElseThrow()) - spinGlassEnergy(a), 0.01, CAPACITY.alpha(),
                1e-13, "AGS retrieval/spin-glass energy crossing");
    }

    /**
     * RS statistics of the stability h_i xi_i^1 at the configuration s = xi^1 (no dynamics): the state at
     * m = 1 with zero response (C = 0, r = 1) has signal 1 and noise variance alpha r = alpha, so a fraction
     * Phi(-1/sqrt(alpha)) of the spins is unstable there.
     */
    public static LocalFieldStatistics fieldAtPattern(double alpha) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        AgsState frozen = new AgsState(alpha, 0, 1, 1, 0, 1, Double.POSITIVE_INFINITY);
        return new LocalFieldStatistics(frozen.m(), frozen.alpha() * frozen.r());
    }

    /** sqrt(alpha(x)) = [erf(x/sqrt2) - sqrt(2/pi) x exp(-x^2/2)] / x. */
    static double sqrtAlpha(double x) {
        return (Erf.value(x / SQRT2) - SQRT_2_OVER_PI * x * Math.exp(-0.5 * x * x)) / x;
    }

    private static AgsState computeCapacity() {
        // d sqrt(alpha)/dx = 0  <=>  sqrt(2/pi) x^3 exp(-x^2/2) = erf(x/sqrt2) - sqrt(2/pi) x exp(-x^2/2)
        double xc = ScalarSearch.root(x -> SQRT_2_OVER_PI * x * x * x * Math.exp(-0.5 * x * x) - sqrtAlpha(x) * x,
                1.5, 3, 1e-14, "AGS capacity");
        return atSignalToNoise(xc);
    }
}
