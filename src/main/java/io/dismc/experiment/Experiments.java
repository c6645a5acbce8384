package io.dismc.experiment;

import io.dismc.params.UsageError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of named experiments, in the order {@code ./dismc list} shows them. */
public final class Experiments {
    private static final Map<String, Experiment<?>> ALL = new LinkedHashMap<>();

    static {
        for (Experiment<?> e : List.of(new HopfieldExperiment(), new RfhmExperiment(), new RfhmUnseenExperiment(),
                new PerceptronCapacityExperiment(), new PerceptronTeacherExperiment(), new LocalEnergyExperiment(),
                new GeodesicExperiment(), new BinaryCommitteeExperiment(), new TeacherStudentExperiment(), new BayesKernelExperiment(),
                new TransferExperiment(), new SpectraExperiment(), new AmpCsExperiment(), new AmpPerceptronExperiment())) {
            ALL.put(e.name(), e);
        }
    }

    private Experiments() {}

    public static List<Experiment<?>> all() {
        return List.copyOf(ALL.values());
    }

    public static Experiment<?> byName(String name) {
        Experiment<?> e = ALL.get(name);
        if (e == null) {
            throw new UsageError("unknown experiment '" + name + "' (known: " + String.join(", ", ALL.keySet()) + ")");
        }
        return e;
    }
}
