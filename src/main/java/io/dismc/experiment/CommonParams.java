package io.dismc.experiment;

import io.dismc.backend.CouplingStack;
import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.UpdateRule;
import io.dismc.model.FieldForm;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import java.util.List;

/** Parameters shared by the Hopfield-family experiments, defined once. */
final class CommonParams {
    private CommonParams() {}

    static final Param<Integer> N = Param.integer("n", "1000", 2, 1_000_000, "number of spins N");
    static final Param<Double> ALPHA = alpha("0.04:0.2:0.02");
    static final Param<Double> TEMPERATURE = Param.real("temperature", "0", 0, true, 1e6, true,
            "temperature T (0: sign dynamics)");
    static final Param<UpdateRule> RULE = Param.choice("rule", "glauber", UpdateRule.class, "T > 0 update rule");
    static final Param<Double> FLIP_FRACTION = Param.real("flip-fraction", "0", 0, true, 0.5, true,
            "fraction of spins flipped in the initial state (overlap q = 1 - 2f)");
    static final Param<FieldForm> FORM = Param.choice("form", "auto", FieldForm.class,
            "local-field form: pattern (O(P)/update), j (O(N)/flip, N x N couplings), auto: pattern if P < N");
    static final Param<Integer> MAX_SWEEPS = maxSweeps("200");

    /** N with another default (same name, range and meaning). */
    static Param<Integer> n(String def) {
        return Param.integer("n", def, 2, 1_000_000, "number of spins N");
    }

    static Param<Double> alpha(String def) {
        return Param.real("alpha", def, 0, false, 1000, true, "load alpha = P/N (P stored patterns)");
    }

    static Param<Integer> maxSweeps(String def) {
        return Param.integer("max-sweeps", def, 1, 1_000_000, "sweep budget per run");
    }

    static DynamicsSpec dynamics(Point pt) {
        return new DynamicsSpec(pt.get(TEMPERATURE), pt.get(RULE), pt.get(MAX_SWEEPS), true);
    }

    /** P = round(alpha N), which must be at least 1 (and fit the J form if that is forced). */
    static int patternCount(Point pt) {
        int n = pt.get(N);
        double alpha = pt.get(ALPHA);
        long p = Math.round(alpha * n);
        if (p < 1) {
            throw new UsageError("--alpha: alpha = " + alpha + " gives no pattern at N = " + n
                    + " (accepted: alpha >= " + 0.5 / n + " so that round(alpha N) >= 1)");
        }
        if (p > Integer.MAX_VALUE / Math.max(1, n) || (long) n * p > 2_000_000_000L) {
            throw new UsageError("--alpha: N x P = " + n + " x " + p + " is too large (accepted: N P <= 2e9)");
        }
        FieldForm form = pt.get(FORM).resolve(n, (int) p);
        if (form == FieldForm.J) {
            if (p > CouplingStack.MAX_P) {
                throw new UsageError("--form: the J form needs P <= " + CouplingStack.MAX_P + " (P = " + p
                        + "); accepted: --form pattern");
            }
            if ((long) n * n > Integer.MAX_VALUE - 8) {
                throw new UsageError("--n: the J form needs N <= 46340 (N x N couplings in one array); accepted: --form pattern");
            }
        }
        return (int) p;
    }

    /** Every value of the point but the initial distance: what units must share to relax in one launch. */
    static Object dynamicsKey(Point pt) {
        java.util.Map<String, Object> key = new java.util.TreeMap<>(pt.values());
        key.remove(FLIP_FRACTION.name());
        return key;
    }

    /** The Hopfield-family parameters every network experiment ends with. */
    static List<Param<?>> dynamicsParams(Param<Integer> maxSweeps) {
        return List.of(TEMPERATURE, RULE, FLIP_FRACTION, maxSweeps, FORM);
    }
}
