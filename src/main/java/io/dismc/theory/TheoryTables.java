package io.dismc.theory;

import io.dismc.params.UsageError;
import io.dismc.theory.amp.PerceptronStateEvolutionTable;
import io.dismc.theory.amp.StateEvolutionTable;
import io.dismc.theory.hopfield.HopfieldRetrievalTable;
import io.dismc.theory.hopfield.RfhmLinesTable;
import io.dismc.theory.hopfield.MixtureSpinodalTable;
import io.dismc.theory.perceptron.CapacityTable;
import io.dismc.theory.perceptron.GeodesicTable;
import io.dismc.theory.perceptron.LocalEnergyTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of theory tables, in the order {@code ./dismc theory} lists them. */
public final class TheoryTables {
    private static final Map<String, TheoryTable> ALL = new LinkedHashMap<>();

    static {
        for (TheoryTable t : List.of(new HopfieldRetrievalTable(), new RfhmLinesTable(), new MixtureSpinodalTable(), new CapacityTable(),
                new GeodesicTable(), new LocalEnergyTable(), new StateEvolutionTable(),
                new PerceptronStateEvolutionTable())) {
            ALL.put(t.name(), t);
        }
    }

    private TheoryTables() {}

    public static List<TheoryTable> all() {
        return List.copyOf(ALL.values());
    }

    public static TheoryTable byName(String name) {
        TheoryTable t = ALL.get(name);
        if (t == null) {
            throw new UsageError("theory: unknown table '" + name + "' (known: " + String.join(", ", ALL.keySet()) + ")");
        }
        return t;
    }
}
