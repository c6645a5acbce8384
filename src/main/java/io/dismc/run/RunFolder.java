package io.dismc.run;

import io.dismc.experiment.PointSummary;
import io.dismc.data.NdArray;
import io.dismc.params.UsageError;
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
            if (Files.exists(dir.resolve(RunLock.FILE))) {
                // a run folder another run is writing says so, with its pid: RunLock.acquire throws that error
                RunLock.acquire(dir, "out").close();
            }
            throw UsageError.option("out", dir + " already holds files", "a path to a new or empty folder (or --resume "
                    + dir + " to continue a run there)");
        }
    }

    /**
     * After the lock is held: the folder must hold nothing but the lock (another process may have
     * filled it between {@link #checkUsable} and now).
     */
    public static void checkEmptyBesidesLock(Path dir) {
        try (var s = Files.list(dir)) {
            if (s.anyMatch(f -> !f.getFileName().toString().equals(RunLock.FILE))) {
                throw UsageError.option("out", dir + " already holds files", "a path to a new or empty folder (or --resume "
                        + dir + " to continue a run there)");
            }
        } catch (IOException e) {
            throw UsageError.option("out", "cannot list " + dir + " (" + IoMessages.reason(e) + ")", "a readable folder");
        }
    }

    /** A folder named by --resume, merge or plot: it must exist, be a folder and hold run.json. */
    public static void checkRunFolder(Path dir, String option) {
        if (!Files.exists(dir)) {
            throw UsageError.about(option, dir + " does not exist", "a run folder written by dismc");
        }
        if (!Files.isDirectory(dir)) {
            throw UsageError.about(option, dir + " is a file, not a folder", "a run folder written by dismc");
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
            throw UsageError.option("out", "cannot create " + dir.toAbsolutePath() + " (" + IoMessages.reason(e) + ")", "a writable path");
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

    /** A unit's array file that could not be written, with its path. */
    public static final class ArrayWriteFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;

        ArrayWriteFailure(Path file, IOException cause) {
            super(IoMessages.reason(cause), cause);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    /** Writes a unit's array observables; returns their folder-relative paths for the journal. */
    public static Map<String, String> writeArrays(Path dir, UnitResult r) throws IOException {
        if (r.arrays().isEmpty()) {
            return Map.of();
        }
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, NdArray> a : r.arrays().entrySet()) {
            String rel = ARRAYS + "/" + a.getKey() + "-p" + r.unit().point().index() + "-s" + r.unit().sample() + ".npy";
            try {
                Files.createDirectories(dir.resolve(ARRAYS));
                Npy.write(dir.resolve(rel), a.getValue());
            } catch (IOException e) {
                throw new ArrayWriteFailure(dir.resolve(rel), e);
            }
            paths.put(a.getKey(), rel);
        }
        return paths;
    }

    /** What finishing wrote: the terminal table, the files (folder-relative), and figures that failed. */
    public record Finished(String table, List<String> files, List<String> problems) {}

    /**
     * Rebuilds results.csv and summary.csv from the records, finishes run.json and draws the figures.
     * A table or record that cannot be written stops with a {@link StorageFailure} (the journal holds
     * every unit, so a resume rebuilds them); a figure that cannot be written is only reported, since
     * {@code ./dismc plot} redraws it from the files.
     */
    public static Finished finish(Path dir, Sweep sweep, List<Point> points, List<UnitRecord> records, RunManifest manifest,
                                  boolean plot) {
        Experiment<?> e = sweep.experiment();
        List<UnitRecord> sorted = new ArrayList<>(records);
        sorted.sort(UnitRecord.ORDER);
        List<PointSummary> summaries = Summaries.of(points, sorted, e.observables());
        String rebuild = "All " + records.size() + " finished units are in the journal; free space, then "
                + RunSession.resumeCommand(dir) + " rebuilds the outputs without computing them again";
        List<String> files = new ArrayList<>();
        write(dir, "results.csv", Csv.results(e, points, sorted), rebuild, files);
        write(dir, "summary.csv", Csv.summary(e, summaries), rebuild, files);
        try {
            manifest.write(dir);
            files.add(RunManifest.FILE);
        } catch (IOException ex) {
            throw new StorageFailure(dir.resolve(RunManifest.FILE), ex, rebuild);
        }
        files.add(Journal.FILE);
        long arrays = records.stream().mapToLong(r -> r.arrays().size()).sum();
        if (arrays > 0) {
            files.add(ARRAYS + "/ (" + arrays + " .npy)");
        }
        List<String> problems = new ArrayList<>();
        if (plot && !summaries.isEmpty()) {
            try {
                files.addAll(FigurePlotter.plot(e.name(), e.figure(), sweep.swept(), summaries, e.theory(summaries, sweep.swept()), dir));
            } catch (IOException ex) {
                problems.add("could not draw the figures in " + dir.toAbsolutePath() + " (" + IoMessages.reason(ex)
                        + "); the table and the files listed are complete; redraw with ./dismc plot " + dir.toAbsolutePath());
            }
        }
        return new Finished(Table.render(e, sweep.swept(), summaries, sweep.values()), files, problems);
    }

    private static void write(Path dir, String name, String content, String advice, List<String> files) {
        try {
            AtomicFiles.write(dir.resolve(name), content);
            files.add(name);
        } catch (IOException ex) {
            throw new StorageFailure(dir.resolve(name), ex, advice);
        }
    }

    static List<Double> seconds(List<UnitRecord> records) {
        List<UnitRecord> sorted = new ArrayList<>(records);
        sorted.sort(UnitRecord.ORDER);
        return sorted.stream().map(UnitRecord::seconds).toList();
    }
}
