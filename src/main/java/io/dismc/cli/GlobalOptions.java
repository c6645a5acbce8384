package io.dismc.cli;

import io.dismc.params.UsageError;
import io.dismc.backend.Backends;
import io.dismc.run.RunOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options common to every experiment: parsed into a {@link RunOptions} (threads, backend, generator, device, folder, output). */
final class GlobalOptions {
    public static final int MAX_THREADS = 4096;

    private GlobalOptions() {}

    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt("samples").hasArg().argName("INT")
                .desc("disorder samples per parameter point (default: the experiment's)").get());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("INT")
                .desc("64-bit master seed; every draw is addressed from it (default 1)").get());
        options.addOption(Option.builder().longOpt("spec").hasArg().argName("FILE")
                .desc("read the sweep (parameters, samples, seed) from a key = value file").get());
        options.addOption(Option.builder().longOpt("shard").hasArg().argName("i/n")
                .desc("run only slice i of n of the units (clusters: one slice per job)").get());
        options.addOption(Option.builder().longOpt("resume").hasArg().argName("DIR")
                .desc("continue the run in DIR: skip finished units, compute the rest").get());
        options.addOption(Option.builder().longOpt("threads").hasArg().argName("INT")
                .desc("worker threads (default: all cores)").get());
        options.addOption(Option.builder().longOpt("backend").hasArg().argName("NAME")
                .desc("auto, cpu or cuda (default auto: cuda when usable, else cpu)").get());
        options.addOption(Option.builder().longOpt("device").hasArg().argName("INT")
                .desc("GPU to use with the CUDA backend (default 0; one shard per GPU on multi-GPU nodes)").get());
        options.addOption(Option.builder().longOpt("rng").hasArg().argName("NAME")
                .desc("bulk disorder generator: philox (default; identical on every backend) or curand (CUDA only, not comparable across backends)").get());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("run folder (default runs/EXPERIMENT-DATE-TIME)").get());
        options.addOption(Option.builder().longOpt("quiet").desc("no progress line").get());
        options.addOption(Option.builder().longOpt("no-plot").desc("skip the figures").get());
        options.addOption(Option.builder().longOpt("help").desc("show the options of this experiment").get());
    }

    static RunOptions from(CommandLine cmd) {
        int threads = parseInt("threads", OptionParsing.single(cmd, "threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())), 1, MAX_THREADS);
        String backend = OptionParsing.single(cmd, "backend", "auto");
        if (!Backends.CHOICES.contains(backend)) {
            throw UsageError.option("backend", "unknown backend '" + backend + "'", String.join(", ", Backends.CHOICES));
        }
        String rng = OptionParsing.single(cmd, "rng", "philox");
        if (!Backends.RNGS.contains(rng)) {
            throw UsageError.option("rng", "unknown generator '" + rng + "'", String.join(", ", Backends.RNGS));
        }
        int device = parseInt("device", OptionParsing.single(cmd, "device", "0"), 0, 1023);
        String out = OptionParsing.single(cmd, "out", null);
        if (out != null && out.isBlank()) {
            throw UsageError.option("out", "empty folder name", "a path to a new or empty folder");
        }
        return new RunOptions(threads, backend, rng, device, out, cmd.hasOption("quiet"), !cmd.hasOption("no-plot"));
    }

    static final String SEED_RANGE = "integers in [0, 18446744073709551615] (any 64-bit pattern; negative values"
            + " from -9223372036854775808 are accepted as their two's complement)";

    /** A 64-bit seed: unsigned up to 2^64 - 1, or signed down to -2^63 (the same bits). */
    static long parseSeed(String name, String text) {
        String t = text.trim();
        try {
            return t.startsWith("-") ? Long.parseLong(t) : Long.parseUnsignedLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            boolean digits = t.matches("[+-]?[0-9]+");
            throw UsageError.option(name, "'" + text + "' is " + (digits ? "out of range" : "not an integer"), SEED_RANGE);
        }
    }

    static int parseInt(String name, String text, int min, int max) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw UsageError.option(name, "'" + text + "' is not an integer", "integers in [" + min + ", " + max + "]");
        }
        if (v < min || v > max) {
            throw UsageError.option(name, v + " is out of range", "integers in [" + min + ", " + max + "]");
        }
        return (int) v;
    }
}
