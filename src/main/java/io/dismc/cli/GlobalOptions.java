package io.dismc.cli;

import io.dismc.backend.Backends;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Options every run takes, besides the experiment's own parameters. */
public record GlobalOptions(long seed, int samples, int threads, String backend, String rng, String out, boolean quiet,
                            boolean plot) {
    public static final int MAX_THREADS = 4096;

    static void addTo(Options options) {
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("INT")
                .desc("64-bit master seed; every draw is addressed from it (default 1)").get());
        options.addOption(Option.builder().longOpt("samples").hasArg().argName("INT")
                .desc("disorder samples per parameter point (default: the experiment's)").get());
        options.addOption(Option.builder().longOpt("threads").hasArg().argName("INT")
                .desc("worker threads (default: all cores)").get());
        options.addOption(Option.builder().longOpt("backend").hasArg().argName("NAME")
                .desc("auto, cpu or cuda (default auto: cuda when usable, else cpu)").get());
        options.addOption(Option.builder().longOpt("rng").hasArg().argName("NAME")
                .desc("bulk disorder generator: philox (default; identical on every backend) or curand (CUDA only, not comparable across backends)").get());
        options.addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                .desc("run folder (default runs/EXPERIMENT-DATE-TIME)").get());
        options.addOption(Option.builder().longOpt("quiet").desc("no progress line").get());
        options.addOption(Option.builder().longOpt("no-plot").desc("skip the PNG figures").get());
        options.addOption(Option.builder().longOpt("help").desc("show the options of this experiment").get());
    }

    static GlobalOptions from(CommandLine cmd, int defaultSamples) {
        long seed = parseLong("seed", Options2.single(cmd, "seed", "1"));
        int samples = parseInt("samples", Options2.single(cmd, "samples", Integer.toString(defaultSamples)), 1, 1_000_000);
        int threads = parseInt("threads", Options2.single(cmd, "threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())), 1, MAX_THREADS);
        String backend = Options2.single(cmd, "backend", "auto");
        if (!Backends.CHOICES.contains(backend)) {
            throw UsageError.option("backend", "unknown backend '" + backend + "'", String.join(", ", Backends.CHOICES));
        }
        String rng = Options2.single(cmd, "rng", "philox");
        if (!Backends.RNGS.contains(rng)) {
            throw UsageError.option("rng", "unknown generator '" + rng + "'", String.join(", ", Backends.RNGS));
        }
        String out = Options2.single(cmd, "out", null);
        if (out != null && out.isBlank()) {
            throw UsageError.option("out", "empty folder name", "a path to a new or empty folder");
        }
        return new GlobalOptions(seed, samples, threads, backend, rng, out, cmd.hasOption("quiet"), !cmd.hasOption("no-plot"));
    }

    static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw UsageError.option(name, "'" + text + "' is not an integer", "a 64-bit integer");
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
