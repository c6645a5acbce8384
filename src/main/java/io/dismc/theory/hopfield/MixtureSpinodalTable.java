package io.dismc.theory.hopfield;

import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code theory rfhm-unseen}: the n-mixture spinodals alpha_n(alpha_D), n = 1, 3, 5, 7: the loads beyond
 * which unseen n-feature examples become attractors (Kalaj et al. 2024; docs/models.md 1.4).
 */
public final class MixtureSpinodalTable extends TheoryTable {
    static final Param<Double> ALPHA_D = Param.real("alpha-d", "0.005,0.01,0.02", 0, false, 100, true, "feature density alpha_D = D/N");

    public MixtureSpinodalTable() {
        super("rfhm-unseen", "RFHM mixture-state spinodals: where unseen L-feature examples become attractors", List.of(ALPHA_D),
                List.of("alpha_d", "n", "alpha_mixture"));
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        for (MixtureSpinodals.MixtureSpinodal m : MixtureSpinodals.table(v.get(ALPHA_D))) {
            out.add(List.of(m.alphaD(), m.n(), m.alphaMixture()));
        }
        return out;
    }
}
