package io.dismc.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dismc.Version;
import io.dismc.cli.GlobalOptions;
import io.dismc.experiment.Experiment;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything needed to reproduce a run, written as run.json. */
public record RunInfo(Experiment experiment, Map<String, List<Object>> values, GlobalOptions options, String backend,
                      String backendDescription, int points, int units, Instant started, double wallSeconds,
                      String[] args) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment.name());
        m.put("title", experiment.title());
        m.put("dismc_version", Version.version());
        m.put("git_commit", Version.commit());
        m.put("seed", options.seed());
        m.put("samples", options.samples());
        m.put("parameters", values);
        m.put("observables", experiment.observables());
        m.put("backend", backend);
        m.put("backend_requested", options.backend());
        m.put("backend_description", backendDescription);
        m.put("threads", options.threads());
        m.put("rng", options.rng());
        // cuRAND draws are not addressed like dismc's Philox streams: such a run has no CPU twin
        m.put("cross_backend_reproducible", options.rng().equals("philox"));
        m.put("points", points);
        m.put("units", units);
        m.put("started", started.toString());
        m.put("wall_seconds", wallSeconds);
        m.put("host", host());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("command", "./dismc run " + String.join(" ", args));
        return m;
    }

    public String toJson() throws java.io.IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toMap()) + "\n";
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
