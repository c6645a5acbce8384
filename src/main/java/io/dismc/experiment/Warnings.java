package io.dismc.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Combinations that run but are almost certainly not what was meant, for any experiment that has the
 * parameters concerned: an annealing schedule that heats, a gradient step far beyond stability.
 */
final class Warnings {
    /** Gradient descent on these losses (curvature O(1) in the engine's normalizations) is unstable far below this. */
    static final double ETA_BEYOND_STABILITY = 100;

    private Warnings() {}

    static List<String> of(Point p) {
        List<String> out = new ArrayList<>();
        if (p.has(PerceptronParams.BETA0) && p.has(PerceptronParams.BETA1) && usesAnnealing(p)
                && p.get(PerceptronParams.BETA0) > p.get(PerceptronParams.BETA1)) {
            out.add("--beta0 " + p.get(PerceptronParams.BETA0) + " > --beta1 " + p.get(PerceptronParams.BETA1)
                    + ": the annealing schedule heats instead of cooling (beta rises from beta0 to beta1)");
        }
        if (p.has(PerceptronParams.ETA) && p.get(PerceptronParams.ETA) > ETA_BEYOND_STABILITY) {
            out.add("--eta " + p.get(PerceptronParams.ETA) + " is far beyond the step at which gradient descent on this"
                    + " loss stays stable (about 2 / the loss's curvature, O(1) here): expect the run to diverge (NaN)");
        }
        return out;
    }

    /** SA is used by binary-weight solvers (auto), by --solver sa, and by experiments without a solver choice. */
    private static boolean usesAnnealing(Point p) {
        if (!p.has(PerceptronParams.SOLVER)) {
            return true;
        }
        String s = p.get(PerceptronParams.SOLVER);
        return s.equals("sa") || (s.equals("auto") && p.has(PerceptronParams.WEIGHTS) && PerceptronParams.binary(p));
    }
}
