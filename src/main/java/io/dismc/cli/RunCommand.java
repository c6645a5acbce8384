package io.dismc.cli;

import io.dismc.run.RunOptions;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Experiments;
import io.dismc.run.RunSession;
import io.dismc.run.Shard;
import io.dismc.run.Sweep;
import io.dismc.run.SweepSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code dismc run EXPERIMENT [options]} (a new run, or a shard of one) and
 * {@code dismc run [EXPERIMENT] --resume DIR} (continue a run).
 */
public final class RunCommand {
    /** Options that define the result set: a resume takes them from the folder, never from the command line. */
    static final List<String> SWEEP_GLOBALS = List.of("samples", "seed", "spec", "shard", "out");

    private RunCommand() {}

    public static Options options(Experiment<?> e) {
        Options options = new Options();
        if (e != null) {
            for (Param<?> p : e.params()) {
                options.addOption(Option.builder().longOpt(p.name()).hasArg().argName("LIST")
                        .desc(p.help() + " (default " + p.defaultValue() + "; " + p.accepted() + ")").get());
            }
        }
        GlobalOptions.addTo(options);
        return options;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean named = args.length > 0 && !args[0].startsWith("-");
        if (!named && !Arrays.asList(args).contains("--resume")) {
            throw new UsageError("run: name an experiment first, e.g. ./dismc run rfhm (known: "
                    + String.join(", ", Experiments.all().stream().map(Experiment::name).toList()) + ")");
        }
        Experiment<?> e = named ? Experiments.byName(args[0]) : resumedExperiment(args);
        String[] rest = named ? Arrays.copyOfRange(args, 1, args.length) : args;
        Options options = options(e);
        CommandLine cmd = OptionParsing.parse(options, rest, "run" + (e == null ? "" : " " + e.name()));
        if (cmd.hasOption("help") && e != null) {
            printHelp(e, options, out);
            return 0;
        }
        RunOptions g = GlobalOptions.from(cmd);
        String resume = OptionParsing.single(cmd, "resume", null);
        if (resume != null) {
            return resume(Path.of(resume), e, cmd, g, args, out, err);
        }
        Sweep sweep = sweep(e, cmd);
        Shard shard = Shard.parse(OptionParsing.single(cmd, "shard", "0/1"));
        return RunSession.fresh(sweep, shard, g, runArgs(args), out, err);
    }

    /** With --resume DIR and no experiment named, the one recorded in DIR (so its options are recognized). */
    private static Experiment resumedExperiment(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--resume")) {
                return io.dismc.run.RunManifest.read(Path.of(args[i + 1]), "resume").experiment();
            }
        }
        return null;
    }

    private static int resume(Path dir, Experiment<?> e, CommandLine cmd, RunOptions g, String[] args, PrintStream out,
                              PrintStream err) throws Exception {
        for (Option o : cmd.getOptions()) {
            boolean param = e != null && e.params().stream().anyMatch(p -> p.name().equals(o.getLongOpt()));
            if (param || SWEEP_GLOBALS.contains(o.getLongOpt())) {
                throw new UsageError("--resume: --" + o.getLongOpt() + " cannot be given; the sweep is the one recorded in "
                        + dir + "/run.json (accepted with --resume: --threads, --backend, --device, --rng, --quiet, --no-plot)");
            }
        }
        if (e != null) {
            String recorded = io.dismc.run.RunManifest.read(dir, "resume").experiment().name();
            if (!recorded.equals(e.name())) {
                throw UsageError.option("resume", dir + " holds a run of " + recorded + ", not of " + e.name(),
                        "./dismc run --resume " + dir);
            }
        }
        return RunSession.resume(dir, g, runArgs(args), out, err);
    }

    /**
     * The sweep from --spec and the command line. A key given in both is an error, so a spec file
     * and the equivalent options always mean the same sweep.
     */
    public static Sweep sweep(Experiment<?> e, CommandLine cmd) {
        Map<String, String> given = new LinkedHashMap<>();
        String samples = OptionParsing.single(cmd, "samples", null);
        String seed = OptionParsing.single(cmd, "seed", null);
        String specFile = OptionParsing.single(cmd, "spec", null);
        if (specFile != null) {
            Path file = Path.of(specFile);
            SweepSpec spec = SweepSpec.read(file);
            spec.checkKeys(e, file);
            for (Map.Entry<String, String> kv : spec.options().entrySet()) {
                if (cmd.hasOption(kv.getKey())) {
                    throw new UsageError("--" + kv.getKey() + ": given both on the command line and in " + file
                            + " (accepted: one of the two)");
                }
                given.put(kv.getKey(), kv.getValue());
            }
            samples = merge("samples", samples, spec.samples(), file);
            seed = merge("seed", seed, spec.seed(), file);
        }
        for (Param<?> p : e.params()) {
            String v = OptionParsing.single(cmd, p.name(), null);
            if (v != null) {
                given.put(p.name(), v);
            }
        }
        int s = GlobalOptions.parseInt("samples", samples == null ? Integer.toString(e.defaultSamples()) : samples, 1, 1_000_000);
        long sd = GlobalOptions.parseSeed("seed", seed == null ? "1" : seed);
        return Sweep.of(e, given, s, sd);
    }

    private static String merge(String key, String cli, String spec, Path file) {
        if (cli != null && spec != null) {
            throw new UsageError("--" + key + ": given both on the command line and in " + file + " (accepted: one of the two)");
        }
        return cli != null ? cli : spec;
    }

    private static String[] runArgs(String[] args) {
        String[] a = new String[args.length + 1];
        a[0] = "run";
        System.arraycopy(args, 0, a, 1, args.length);
        return a;
    }

    static void printHelp(Experiment<?> e, Options options, PrintStream out) {
        out.println(e.name() + ": " + e.title());
        out.println("default samples: " + e.defaultSamples());
        java.io.PrintWriter pw = new java.io.PrintWriter(out);
        new OptionHelp().print(pw, "./dismc run " + e.name() + " [options]", options);
        pw.flush();
    }
}
