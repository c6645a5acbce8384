package io.dismc.amp;

/**
 * AMP's initial condition (docs/models.md 4.3; pitfall P3): uninformed, a_i = E_P0[x] and
 * v_i = Var_P0[x] of the teacher's prior (what state evolution from E_0 describes), or informed,
 * a_i = x0_i + perturbation * xi_i and v_i = variance, which reveals the hard phase. Both start with g = 0.
 */
public record Start(boolean informed, double perturbation, double variance) {
    public Start {
        if (informed) {
            Checks.nonNegative("perturbation", perturbation);
            Checks.positive("informed variance", variance);
        }
    }

    public static Start uninformed() {
        return new Start(false, 0, 0);
    }

    /** The informed start of the spec's hard-phase check: perturbation 1e-3, variance 1e-6. */
    public static Start informed(double perturbation, double variance) {
        return new Start(true, perturbation, variance);
    }
}
