package io.dismc.experiment;

import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.dynamics.DynamicsSpec;
import io.dismc.dynamics.UpdateRule;
import io.dismc.model.FieldForm;
import io.dismc.model.HebbianCouplings;
import java.util.List;
import java.util.Locale;

/** Parameters shared by the Hopfield-family experiments, defined once. */
final class CommonParams {
    private CommonParams() {}

    static Param n(String def) {
        return Param.integer("n", def, 2, 1_000_000, "number of spins N");
    }

    static Param alpha(String def) {
        return Param.real("alpha", def, 0, false, 1000, true, "load alpha = P/N (P stored patterns)");
    }

    static final Param TEMPERATURE = Param.real("temperature", "0", 0, true, 1e6, true,
            "temperature T (0: sign dynamics)");
    static final Param RULE = Param.choice("rule", "glauber", List.of("glauber", "metropolis"),
            "T > 0 update rule");
    static final Param FLIP_FRACTION = Param.real("flip-fraction", "0", 0, true, 0.5, true,
            "fraction of spins flipped in the initial state (overlap q = 1 - 2f)");
    static final Param FORM = Param.choice("form", "auto", List.of("auto", "pattern", "j"),
            "local-field form: pattern (O(P)/update), j (O(N)/flip, N x N couplings), auto: pattern if P < N");

    static Param maxSweeps(String def) {
        return Param.integer("max-sweeps", def, 1, 1_000_000, "sweep budget per run");
    }

    static DynamicsSpec dynamics(Point pt) {
        UpdateRule rule = UpdateRule.valueOf(pt.choice("rule").toUpperCase(Locale.ROOT));
        return new DynamicsSpec(pt.real("temperature"), rule, pt.integer("max-sweeps"), true);
    }

    static FieldForm form(Point pt) {
        return FieldForm.valueOf(pt.choice("form").toUpperCase(Locale.ROOT));
    }

    /** P = round(alpha N), which must be at least 1 (and fit the J form if that is forced). */
    static int patternCount(Point pt) {
        int n = pt.integer("n");
        double alpha = pt.real("alpha");
        long p = Math.round(alpha * n);
        if (p < 1) {
            throw new UsageError("--alpha: alpha = " + alpha + " gives no pattern at N = " + n
                    + " (accepted: alpha >= " + 0.5 / n + " so that round(alpha N) >= 1)");
        }
        if (p > Integer.MAX_VALUE / Math.max(1, n) || (long) n * p > 2_000_000_000L) {
            throw new UsageError("--alpha: N x P = " + n + " x " + p + " is too large (accepted: N P <= 2e9)");
        }
        FieldForm form = form(pt).resolve(n, (int) p);
        if (form == FieldForm.J) {
            if (p > HebbianCouplings.MAX_P) {
                throw new UsageError("--form: the J form needs P <= " + HebbianCouplings.MAX_P + " (P = " + p
                        + "); accepted: --form pattern");
            }
            if ((long) n * n > Integer.MAX_VALUE - 8) {
                throw new UsageError("--n: the J form needs N <= 46340 (N x N couplings in one array); accepted: --form pattern");
            }
        }
        return (int) p;
    }
}
