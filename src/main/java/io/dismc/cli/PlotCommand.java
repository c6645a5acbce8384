package io.dismc.cli;

import io.dismc.params.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.plot.FigurePlotter;
import io.dismc.run.IoMessages;
import io.dismc.experiment.PointSummary;
import io.dismc.run.RunManifest;
import io.dismc.run.SummaryCsv;
import io.dismc.run.Sweep;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code dismc plot DIR [--out DIR]}: redraws a run's standard figures (PNG and SVG) from its files alone. */
public final class PlotCommand {
    private PlotCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path dir = null;
        Path target = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                if (i + 1 >= args.length) {
                    throw new UsageError("--out: missing value (a folder for the figures)");
                }
                target = Path.of(args[++i]);
            } else if (args[i].startsWith("--")) {
                throw new UsageError("plot: unknown option " + args[i] + " (accepted: --out DIR)");
            } else if (dir == null) {
                dir = Path.of(args[i]);
            } else {
                throw new UsageError("plot: one run folder at a time (got " + dir + " and " + args[i] + ")");
            }
        }
        if (dir == null) {
            throw new UsageError("plot: name a run folder, e.g. ./dismc plot runs/rfhm-20261128-120000");
        }
        RunManifest m = RunManifest.read(dir, "plot");
        Sweep sweep = m.sweep("plot", dir);
        Experiment<?> e = sweep.experiment();
        List<PointSummary> summaries = SummaryCsv.read(dir.resolve("summary.csv"), e);
        if (summaries.isEmpty()) {
            throw new UsageError("plot: " + dir + "/summary.csv has no rows yet");
        }
        Path to = target == null ? dir : target;
        String option = target == null ? "plot" : "out";
        List<String> written;
        try {
            Files.createDirectories(to);
            written = FigurePlotter.plot(e.name(), e.figure(), sweep.swept(), summaries, e.theory(summaries, sweep.swept()), to);
        } catch (IOException ex) {
            throw UsageError.about(option, "cannot write the figures in " + to.toAbsolutePath() + " (" + IoMessages.reason(ex) + ")",
                    "a writable folder");
        }
        out.println("wrote " + to.toAbsolutePath() + ": " + String.join(", ", written));
        return 0;
    }
}
