package io.dismc.theory.hopfield;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Retrieval branches sampled for drawing (docs/models.md 1.4): the states of a branch ordered by load,
 * sampled along the branch's own parameter rather than by solving at each load, so a curve costs one
 * equation solve per point and the square-root shape at a fold is resolved. No state is made up: every
 * point is a solution of the RS equations, and a branch that does not reach into the requested load range
 * is an empty list.
 */
public final class BranchCurves {
    private BranchCurves() {}

    /**
     * The AGS retrieval branch at temperature T over loads [alphaLo, alphaHi], ascending in alpha; it stops
     * at the spinodal alpha_M(T) (alpha_c at T = 0), which is then its last point.
     *
     * @param points samples along the branch (at least 2)
     */
    public static List<AgsState> ags(double temperature, double alphaLo, double alphaHi, int points) {
        checkRange(alphaLo, alphaHi, points);
        ScalarSearch.requireNonNegative(temperature, "temperature");
        List<AgsState> out = new ArrayList<>();
        if (temperature == 0) {
            AgsState top = AgsTheory.capacity();
            double hi = Math.min(alphaHi, top.alpha());
            if (alphaLo > hi) {
                return out;
            }
            // the T = 0 branch is explicit in x; sampling x uniformly crowds the points at the fold
            double xHi = alphaLo == 0 ? Double.POSITIVE_INFINITY : AgsTheory.retrieval(alphaLo).orElseThrow().signalToNoise();
            double xLo = hi == top.alpha() ? top.signalToNoise() : AgsTheory.retrieval(hi).orElseThrow().signalToNoise();
            if (Double.isInfinite(xHi)) {
                out.add(AgsTheory.retrieval(0).orElseThrow());
                xHi = AgsTheory.retrieval(Math.min(1e-4, hi)).orElseThrow().signalToNoise();
            }
            for (int k = 0; k < points; k++) {
                double x = xHi + (xLo - xHi) * k / (points - 1.0);
                out.add(k == points - 1 && hi == top.alpha() ? top : AgsTheory.atSignalToNoise(x));
            }
            return out;
        }
        AgsFiniteTemperature solver = new AgsFiniteTemperature(temperature);
        Optional<AgsState> top = solver.spinodal();
        if (top.isEmpty() || alphaLo > top.get().alpha()) {
            return out;
        }
        // the branch runs in the noise sigma = sqrt(alpha r) from 0 (alpha = 0) to the spinodal; alpha ~ sigma^2
        double sigmaLo = alphaLo == 0 ? 0 : solver.retrieval(alphaLo).orElseThrow().fieldNoise();
        boolean toTop = alphaHi >= top.get().alpha();
        double sigmaHi = toTop ? top.get().fieldNoise() : solver.retrieval(alphaHi).orElseThrow().fieldNoise();
        for (int k = 0; k < points; k++) {
            double f = k / (points - 1.0);
            double sigma = Math.sqrt(sigmaLo * sigmaLo + (sigmaHi * sigmaHi - sigmaLo * sigmaLo) * f);
            Optional<AgsState> s = k == points - 1 && toTop ? top : solver.branch(sigma);
            s.ifPresent(out::add);
        }
        return out;
    }

    /**
     * The RFHM T = 0 learning branch at alpha_D over loads [alpha_L, alphaHi], ascending in alpha, starting
     * at the fold alpha_L (its first point); empty where there is no learning phase or alpha_L &gt; alphaHi.
     * Where alphaHi lies beyond the branch the solver resolves (alpha/alpha_D of order 10^4 and more, m = 1
     * to double precision), the curve ends at the branch's last resolved state.
     */
    public static List<RfhmLearningState> learning(RfhmVariant variant, double alphaD, double alphaHi, int points) {
        return mixture(new RfhmLearningTheory(variant), alphaD, alphaHi, points);
    }

    static List<RfhmLearningState> mixture(RfhmLearningTheory theory, double alphaD, double alphaHi, int points) {
        checkRange(0, alphaHi, points);
        List<RfhmLearningState> out = new ArrayList<>();
        Optional<RfhmLearningState> fold = theory.fold(alphaD);
        if (fold.isEmpty() || fold.get().alpha() > alphaHi) {
            return out;
        }
        // from the fold, alpha grows with the signal-to-noise ratio x; uniform x resolves the fold's square root
        double xLo = fold.get().signalToNoise();
        double xHi;
        try {
            xHi = theory.state(alphaHi, alphaD).orElseThrow().signalToNoise();
        } catch (ConvergenceFailure beyond) {
            // alphaHi lies beyond the resolved branch (m = 1 to double precision there): draw up to its end
            double[] range = theory.branchRange(alphaD);
            xHi = range[1] - 1e-7 * (range[1] - range[0]);
        }
        out.add(fold.get());
        for (int k = 1; k < points; k++) {
            double x = xLo + (xHi - xLo) * k / (points - 1.0);
            theory.branch(x, alphaD).ifPresent(out::add);
        }
        return out;
    }

    private static void checkRange(double lo, double hi, int points) {
        ScalarSearch.requireNonNegative(lo, "lowest load");
        if (!(hi >= lo)) {
            throw new IllegalArgumentException("load range [" + lo + ", " + hi + "] is empty");
        }
        if (points < 2) {
            throw new IllegalArgumentException("a branch curve needs at least 2 points, got " + points);
        }
    }
}
