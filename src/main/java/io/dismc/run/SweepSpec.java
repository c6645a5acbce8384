package io.dismc.run;

import io.dismc.cli.Param;
import io.dismc.cli.UsageError;
import io.dismc.experiment.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep written by hand: one {@code key = value} per line, keys being the experiment's option
 * names without the dashes, plus {@code samples}, {@code seed} and, optionally, {@code experiment};
 * values exactly as on the command line; {@code #} starts a comment. For example
 * <pre>
 *   # RFHM phase diagram
 *   experiment = rfhm
 *   n = 2000
 *   alpha = 0.02:0.5:0.02
 *   alpha-d = 0.005,0.01,0.02,0.05
 *   samples = 16
 *   seed = 7
 * </pre>
 * {@code ./dismc run rfhm --spec FILE} and the same options on the command line are the same sweep.
 */
public record SweepSpec(String experiment, Map<String, String> options, String samples, String seed) {

    public static final List<String> GLOBAL_KEYS = List.of("experiment", "samples", "seed");

    public static SweepSpec read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UsageError.option("spec", "cannot read " + file + " (" + e.getMessage() + ")", "a readable sweep file");
        }
        Map<String, String> options = new LinkedHashMap<>();
        String experiment = null;
        String samples = null;
        String seed = null;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String where = file.getFileName() + " line " + (k + 1);
            if (eq <= 0) {
                throw UsageError.option("spec", where + " is not 'key = value': '" + line + "'", "key = value lines");
            }
            String key = line.substring(0, eq).strip();
            String value = stripComment(line.substring(eq + 1)).strip();
            boolean seen = options.containsKey(key) || (key.equals("experiment") && experiment != null)
                    || (key.equals("samples") && samples != null) || (key.equals("seed") && seed != null);
            if (seen) {
                throw UsageError.option("spec", where + " sets '" + key + "' a second time", "each key once");
            }
            switch (key) {
                case "experiment" -> experiment = value;
                case "samples" -> samples = value;
                case "seed" -> seed = value;
                default -> options.put(key, value);
            }
        }
        return new SweepSpec(experiment, options, samples, seed);
    }

    private static String stripComment(String v) {
        int hash = v.indexOf('#');
        return hash >= 0 ? v.substring(0, hash) : v;
    }

    /** Every key must be a parameter of the experiment (or a global key). */
    public void checkKeys(Experiment e, Path file) {
        List<String> accepted = new ArrayList<>();
        for (Param p : e.params()) {
            accepted.add(p.name());
        }
        for (String k : options.keySet()) {
            if (!accepted.contains(k)) {
                accepted.addAll(GLOBAL_KEYS);
                throw UsageError.option("spec", file.getFileName() + ": unknown key '" + k + "' for " + e.name(),
                        String.join(", ", accepted));
            }
        }
        if (experiment != null && !experiment.equals(e.name())) {
            throw UsageError.option("spec", file.getFileName() + " is a sweep of '" + experiment + "', not of '" + e.name() + "'",
                    "./dismc run " + experiment + " --spec " + file);
        }
    }
}
