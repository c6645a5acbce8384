package io.dismc.run;

import io.dismc.params.Param;
import io.dismc.params.UsageError;
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

    /** A sweep file is a few lines; anything larger is not one (a device, a log, a binary). */
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_LINE = 10_000;

    public static SweepSpec read(Path file) {
        List<String> lines = lines(file);
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

    /** The file's lines, refusing what cannot be a sweep file before reading it whole. */
    static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            throw UsageError.option("spec", file + " does not exist", "a readable sweep file");
        }
        if (Files.isDirectory(file)) {
            throw UsageError.option("spec", file + " is a folder", "a readable sweep file");
        }
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw UsageError.option("spec", "cannot read " + file + " (" + IoMessages.reason(e) + ")", "a readable sweep file");
        }
        if (bytes.length > MAX_BYTES) {
            throw UsageError.option("spec", file + " is larger than " + (MAX_BYTES >> 20) + " MiB, so not a sweep file",
                    "a text file of key = value lines");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw UsageError.option("spec", file + " is not UTF-8 text", "a text file of key = value lines, UTF-8 encoded");
        }
        List<String> out = List.of(text.split("\\r?\\n", -1));
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k).length() > MAX_LINE || out.get(k).indexOf('\0') >= 0) {
                throw UsageError.option("spec", file.getFileName() + " line " + (k + 1) + (out.get(k).indexOf('\0') >= 0
                        ? " holds NUL bytes" : " is longer than " + MAX_LINE + " characters") + ", so not a sweep file",
                        "a text file of key = value lines");
            }
        }
        return out;
    }

    private static String stripComment(String v) {
        int hash = v.indexOf('#');
        return hash >= 0 ? v.substring(0, hash) : v;
    }

    /** Every key must be a parameter of the experiment (or a global key). */
    public void checkKeys(Experiment<?> e, Path file) {
        List<String> accepted = new ArrayList<>();
        for (Param<?> p : e.params()) {
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
