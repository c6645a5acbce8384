package io.dismc.theory.perceptron;

import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;

/** {@code theory local-energy}: the local energy delta_E(d) of typical binary solutions of margin kappa (RS; docs/models.md 2.9). */
public final class LocalEnergyTable extends TheoryTable {
    static final Param<Double> ALPHA = Param.real("alpha", "0.4", 0, false, 100, true, "constraint density alpha = P/N");
    static final Param<Double> KAPPA = Param.real("kappa", "0", -10, true, 10, true, "margin kappa");
    static final Param<Double> DISTANCE = Param.real("distance", "0.005,0.01,0.02,0.05,0.1,0.2", 0, true, 0.5, true,
            "fraction d of weights flipped");

    public LocalEnergyTable() {
        super("local-energy", "local energy after random flips around typical binary solutions (RS)", List.of(ALPHA, KAPPA, DISTANCE),
                TheoryTables.LocalEnergyRow.COLUMNS);
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        for (TheoryTables.LocalEnergyRow r : TheoryTables.localEnergy(v.reals(ALPHA), v.reals(KAPPA), v.reals(DISTANCE))) {
            out.add(List.of(r.alpha(), r.kappa(), r.distance(), r.deltaE()));
        }
        return out;
    }
}
