package io.dismc.run;

import io.dismc.experiment.PointSummary;
import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.params.ValueList;
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
public record Sweep(Experiment<?> experiment, Map<String, List<Object>> values, int samples, long seed) {

    /** Parses option texts (parameter name to value text, e.g. "alpha" to "0.05:0.2:0.01"); defaults fill the rest. */
    public static Sweep of(Experiment<?> e, Map<String, String> options, int samples, long seed) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        Map<String, String> defaults = e.defaults(options);
        for (Param<?> p : e.params()) {
            values.put(p.name(), ValueList.parse(p, options.getOrDefault(p.name(), defaults.getOrDefault(p.name(), p.defaultValue()))));
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
        String hash = hash();
        List<UnitRecord> records = results.stream().map(r -> UnitRecord.of(hash, r, Map.of())).toList();
        return Summaries.of(points(), records, experiment.observables());
    }

    /**
     * Canonical text of the sweep (experiment, every parameter's values, samples, seed): its SHA-256
     * identifies the result set in run.json, so resume and merge refuse folders of other sweeps.
     */
    public String canonical() {
        StringBuilder sb = new StringBuilder("experiment=").append(experiment.name()).append('\n');
        for (Param<?> p : experiment.params()) {
            sb.append(p.name()).append('=');
            List<Object> v = values.get(p.name());
            for (int k = 0; k < v.size(); k++) {
                sb.append(k == 0 ? "" : ",").append(Point.canonical(v.get(k)));
            }
            sb.append('\n');
        }
        return sb.append("samples=").append(samples).append("\nseed=").append(seed).append('\n').toString();
    }

    public String hash() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
