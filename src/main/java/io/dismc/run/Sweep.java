package io.dismc.run;

import io.dismc.backend.Backend;
import io.dismc.cli.Param;
import io.dismc.cli.UsageError;
import io.dismc.cli.ValueList;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import io.dismc.experiment.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep: an experiment, a list of values for each of its parameters, a number of samples and a
 * seed. The command line builds one; tests and scripts can build one directly.
 */
public record Sweep(Experiment experiment, Map<String, List<Object>> values, int samples, long seed) {

    /** Parses option texts (parameter name to value text, e.g. "alpha" to "0.05:0.2:0.01"); defaults fill the rest. */
    public static Sweep of(Experiment e, Map<String, String> options, int samples, long seed) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Param p : e.params()) {
            values.put(p.name(), ValueList.parse(p, options.getOrDefault(p.name(), p.defaultValue())));
        }
        for (String k : options.keySet()) {
            if (!values.containsKey(k)) {
                throw new UsageError(e.name() + ": unknown parameter --" + k);
            }
        }
        return new Sweep(e, values, samples, seed);
    }

    public List<Point> points() {
        return Grid.points(experiment, values);
    }

    public List<Unit> units() {
        return Grid.units(points(), samples, seed);
    }

    public List<String> swept() {
        return Grid.sweptParams(experiment, values);
    }

    /** Runs every unit on the backend. */
    public List<UnitResult> run(Backend backend) {
        return Runner.run(experiment, units(), backend, r -> {});
    }

    public List<PointSummary> summarize(List<UnitResult> results) {
        return PointSummary.of(points(), results, experiment.observables());
    }
}
