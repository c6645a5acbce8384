package io.dismc.cli;

import io.dismc.backend.Backend;
import io.dismc.backend.Backends;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Experiments;
import io.dismc.experiment.Point;
import io.dismc.experiment.Unit;
import io.dismc.run.Grid;
import io.dismc.run.Progress;
import io.dismc.run.RunFolder;
import io.dismc.run.RunInfo;
import io.dismc.run.Runner;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code dismc run EXPERIMENT [options]}: expand the sweep, run its units, write the run folder. */
public final class RunCommand {
    private RunCommand() {}

    public static Options options(Experiment e) {
        Options options = new Options();
        for (Param p : e.params()) {
            options.addOption(Option.builder().longOpt(p.name()).hasArg().argName("LIST")
                    .desc(p.help() + " (default " + p.defaultValue() + "; " + p.accepted() + ")").get());
        }
        GlobalOptions.addTo(options);
        return options;
    }

    /** The sweep the command line asks for (defaults for parameters it does not name). */
    public static Sweep sweep(Experiment e, CommandLine cmd, GlobalOptions g) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Param p : e.params()) {
            String v = Options2.single(cmd, p.name(), null);
            if (v != null) {
                given.put(p.name(), v);
            }
        }
        return Sweep.of(e, given, g.samples(), g.seed());
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new UsageError("run: name an experiment first, e.g. ./dismc run rfhm (known: "
                    + String.join(", ", Experiments.all().stream().map(Experiment::name).toList()) + ")");
        }
        Experiment e = Experiments.byName(args[0]);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Options options = options(e);
        CommandLine cmd = Options2.parse(options, rest, "run " + e.name());
        if (cmd.hasOption("help")) {
            printHelp(e, options, out);
            return 0;
        }
        GlobalOptions g = GlobalOptions.from(cmd, e.defaultSamples());
        Sweep sweep = sweep(e, cmd, g);
        Map<String, List<Object>> values = sweep.values();
        List<Point> points = sweep.points();
        List<Unit> units = Grid.units(points, g.samples(), g.seed());
        RunFolder.checkUsable(g.out());

        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try (Backend backend = Backends.open(g.backend(), g.threads(), g.rng(), err);
             Progress progress = Progress.start(e.name(), units.size(), 0, g.quiet())) {
            Path dir = RunFolder.create(g.out(), e.name());
            List<UnitResult> results = Runner.run(e, units, backend, r -> progress.step());
            progress.close();
            double wall = (System.nanoTime() - t0) * 1e-9;
            RunInfo info = new RunInfo(e, values, g, backend.name(), backend.description(), points.size(), units.size(),
                    started, wall, args);
            String table = RunFolder.write(dir, e, points, values, results, info, g.plot());
            out.print(table);
            out.printf("%d units in %.1f s on %s; wrote %s%n", units.size(), wall, backend.description(), dir);
        }
        return 0;
    }

    static void printHelp(Experiment e, Options options, PrintStream out) {
        out.println(e.name() + ": " + e.title());
        out.println("default samples: " + e.defaultSamples());
        java.io.PrintWriter pw = new java.io.PrintWriter(out);
        new HelpFormatterCompat().print(pw, "./dismc run " + e.name() + " [options]", options);
        pw.flush();
    }
}
