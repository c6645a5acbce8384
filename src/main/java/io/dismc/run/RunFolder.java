package io.dismc.run;

import io.dismc.cli.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import io.dismc.plot.FigurePlotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A run's folder: results.csv (one row per unit), summary.csv (mean and standard error per point),
 * run.json (how to reproduce it) and the standard figure(s) as PNG. Every file is written atomically.
 */
public final class RunFolder {
    private RunFolder() {}

    /** Fails early (before any work) when the requested folder cannot hold a new run. */
    public static void checkUsable(String out) {
        if (out == null) {
            return;
        }
        Path dir = Paths.get(out);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw UsageError.option("out", dir + " exists and is not a folder", "a path to a new or empty folder");
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw UsageError.option("out", dir + " already holds files", "a path to a new or empty folder");
        }
    }

    /** Creates the folder: the given one (new or empty), or runs/EXPERIMENT-DATE-TIME. */
    public static Path create(String out, String experiment) {
        Path dir;
        if (out == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = Paths.get("runs", experiment + "-" + stamp);
            for (int k = 2; Files.exists(dir); k++) {
                dir = Paths.get("runs", experiment + "-" + stamp + "-" + k);
            }
        } else {
            checkUsable(out);
            dir = Paths.get(out);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw UsageError.option("out", "cannot create " + dir + " (" + e.getMessage() + ")", "a writable path");
        }
        return dir;
    }

    private static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes every file; returns the terminal table. */
    public static String write(Path dir, Experiment e, List<Point> points, Map<String, List<Object>> values,
                               List<UnitResult> results, RunInfo info, boolean plot) throws IOException {
        List<PointSummary> summaries = PointSummary.of(points, results, e.observables());
        List<String> swept = Grid.sweptParams(e, values);
        AtomicFiles.write(dir.resolve("results.csv"), Csv.results(e, results));
        AtomicFiles.write(dir.resolve("summary.csv"), Csv.summary(e, summaries));
        AtomicFiles.write(dir.resolve("run.json"), info.toJson());
        if (plot) {
            FigurePlotter.plot(e.name(), e.figure(), swept, summaries, dir);
        }
        return Table.render(e, swept, summaries, values);
    }
}
