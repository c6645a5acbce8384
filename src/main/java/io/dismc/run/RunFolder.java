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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's folder:
 * <pre>
 *   run.json       the sweep, its hash and shard, the dismc version, one entry per session
 *   units.jsonl    the journal: one checksummed record per finished unit (the source of truth)
 *   arrays/        one .npy per array observable and unit
 *   results.csv    one row per unit, sorted by (point, sample); rebuilt from the journal
 *   summary.csv    mean, standard error and count per point
 *   figure.png/.svg, heatmap-*.png/.svg   the experiment's standard figures
 * </pre>
 * Every file is written atomically; the journal is appended and fsync'd one record at a time.
 */
public final class RunFolder {
    public static final String ARRAYS = "arrays";

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
            throw UsageError.option("out", dir + " already holds files", "a path to a new or empty folder (or --resume "
                    + dir + " to continue a run there)");
        }
    }

    /** Creates the folder: the given one (new or empty), or runs/NAME-DATE-TIME. */
    public static Path create(String out, String name) {
        Path dir;
        if (out == null) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = Paths.get("runs", name + "-" + stamp);
            for (int k = 2; Files.exists(dir); k++) {
                dir = Paths.get("runs", name + "-" + stamp + "-" + k);
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

    /** Writes a unit's array observables; returns their folder-relative paths for the journal. */
    public static Map<String, String> writeArrays(Path dir, UnitResult r) throws IOException {
        if (r.arrays().isEmpty()) {
            return Map.of();
        }
        Files.createDirectories(dir.resolve(ARRAYS));
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, NdArray> a : r.arrays().entrySet()) {
            String rel = ARRAYS + "/" + a.getKey() + "-p" + r.unit().point().index() + "-s" + r.unit().sample() + ".npy";
            Npy.write(dir.resolve(rel), a.getValue());
            paths.put(a.getKey(), rel);
        }
        return paths;
    }

    /**
     * Rebuilds results.csv and summary.csv from the records, finishes run.json and draws the figures;
     * returns the terminal table.
     */
    public static String finish(Path dir, Sweep sweep, List<Point> points, List<UnitRecord> records, RunManifest manifest,
                                boolean plot) throws IOException {
        Experiment e = sweep.experiment();
        List<UnitRecord> sorted = new ArrayList<>(records);
        sorted.sort(UnitRecord.ORDER);
        List<PointSummary> summaries = PointSummary.of(points, sorted, e.observables());
        AtomicFiles.write(dir.resolve("results.csv"), Csv.results(e, points, sorted));
        AtomicFiles.write(dir.resolve("summary.csv"), Csv.summary(e, summaries));
        manifest.write(dir);
        if (plot && !summaries.isEmpty()) {
            FigurePlotter.plot(e.name(), e.figure(), sweep.swept(), summaries, e.theory(summaries, sweep.swept()), dir);
        }
        return Table.render(e, sweep.swept(), summaries, sweep.values());
    }

    static List<Double> seconds(List<UnitRecord> records) {
        List<UnitRecord> sorted = new ArrayList<>(records);
        sorted.sort(UnitRecord.ORDER);
        return sorted.stream().map(UnitRecord::seconds).toList();
    }
}
