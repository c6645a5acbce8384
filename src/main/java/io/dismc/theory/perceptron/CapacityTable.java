package io.dismc.theory.perceptron;

import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;

/** {@code theory perceptron-capacity}: the RS capacity alpha_c(kappa), spherical (Gardner) or binary (Gardner-Derrida; docs/models.md 2.9). */
public final class CapacityTable extends TheoryTable {
    static final Param<Double> KAPPA = Param.real("kappa", "-1:1:0.25", -10, true, 10, true, "margin kappa");
    static final Param<String> WEIGHTS = Param.choice("weights", "spherical", List.of("spherical", "binary"), "weight space");

    public CapacityTable() {
        super("perceptron-capacity", "perceptron RS capacity alpha_c(kappa)", List.of(KAPPA, WEIGHTS), TheoryTables.CapacityRow.COLUMNS);
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        for (double kappa : v.get(KAPPA)) {
            for (String w : v.get(WEIGHTS)) {
                TheoryTables.CapacityRow r = TheoryTables.capacity(new double[] {kappa}, TheoryTables.Weights.parse(w)).get(0);
                out.add(List.of(r.kappa(), r.weights(), r.alphaC()));
            }
        }
        return out;
    }
}
