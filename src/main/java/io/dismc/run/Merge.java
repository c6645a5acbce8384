package io.dismc.run;

import io.dismc.params.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import io.dismc.experiment.Unit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines shard folders of one sweep into one run folder (itself resumable: {@code --resume} on it
 * computes whatever is missing). Folders of other sweeps, seeds or dismc versions are refused.
 */
public final class Merge {
    private Merge() {}

    public static int merge(List<Path> dirs, String outOption, boolean plot, PrintStream out, PrintStream err) throws IOException {
        if (dirs.isEmpty()) {
            throw new UsageError("merge: name the run folders to merge, e.g. ./dismc merge runs/rfhm-shard* --out runs/rfhm-all");
        }
        RunManifest first = RunManifest.read(dirs.get(0), "merge");
        first.checkSameEngine("merge", dirs.get(0));
        Sweep sweep = first.sweep("merge", dirs.get(0));
        Experiment<?> e = sweep.experiment();
        for (Path d : dirs.subList(1, dirs.size())) {
            RunManifest m = RunManifest.read(d, "merge");
            if (!m.experiment().name().equals(e.name())) {
                throw new UsageError("merge: " + d + " holds a run of " + m.experiment().name() + ", " + dirs.get(0) + " one of " + e.name());
            }
            m.checkSameEngine("merge", d);
            if (!m.specHash().equals(first.specHash())) {
                Sweep other = m.sweep("merge", d);
                throw new UsageError("merge: " + d + " holds a different sweep than " + dirs.get(0) + " ("
                        + difference(sweep, other) + "); only shards of one sweep merge");
            }
        }
        List<Point> points = sweep.points();
        Map<Long, UnitRecord> union = new LinkedHashMap<>();
        Map<Long, Path> origin = new LinkedHashMap<>();
        for (Path d : dirs) {
            Journal.Loaded loaded = Journal.load(d, sweep, points);
            for (String p : loaded.problems()) {
                err.println("merge: " + d + ": " + p);
            }
            for (UnitRecord r : loaded.records()) {
                long id = (long) r.point() * sweep.samples() + r.sample();
                UnitRecord before = union.putIfAbsent(id, r);
                if (before == null) {
                    origin.put(id, d);
                } else if (!before.values().equals(r.values())) {
                    throw new UsageError("merge: point " + r.point() + " sample " + r.sample() + " differs between "
                            + origin.get(id) + " and " + d + ": these folders were not made by one sweep");
                }
            }
        }
        RunFolder.checkUsable(outOption);
        Path dir = RunFolder.create(outOption, e.name() + "-merged");
        List<UnitRecord> records = new ArrayList<>(union.values());
        List<Unit> all = Grid.units(points, sweep.samples(), sweep.seed());
        try (RunLock lock = RunLock.acquire(dir, "out")) {
            RunFolder.checkEmptyBesidesLock(dir);
            for (UnitRecord r : records) {
                long id = (long) r.point() * sweep.samples() + r.sample();
                for (String rel : r.arrays().values()) {
                    Path target = dir.resolve(rel);
                    try {
                        Files.createDirectories(target.getParent());
                        Files.copy(origin.get(id).resolve(rel), target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException ex) {
                        throw new StorageFailure(target, ex, "The shard folders are unchanged; free space, then merge again into a new --out");
                    }
                }
            }
            records.sort(UnitRecord.ORDER);
            try {
                Journal.rewrite(dir, records);
            } catch (IOException ex) {
                throw new StorageFailure(dir.resolve(Journal.FILE), ex, "The shard folders are unchanged; free space, then merge again into a new --out");
            }
            RunManifest m = RunManifest.create(sweep, Shard.WHOLE, all.size());
            m.setSources(dirs.stream().map(Path::toString).toList());
            m.finish(null, records.size(), all.size(), RunFolder.seconds(records), 0, 0);
            RunFolder.Finished f = RunFolder.finish(dir, sweep, points, records, m, plot);
            out.print(f.table());
            out.printf("merged %d folders: %d of %d units%n", dirs.size(), records.size(), all.size());
            out.println("wrote " + dir.toAbsolutePath() + ": " + String.join(", ", f.files()));
            for (String problem : f.problems()) {
                err.println("dismc: " + problem);
            }
        }
        if (records.size() < all.size()) {
            err.println("merge: " + (all.size() - records.size()) + " of " + all.size() + " units are missing: "
                    + missing(sweep, points, union) + "; compute them with ./dismc run --resume " + dir);
            return 1;
        }
        return 0;
    }

    /** "alpha=0.1 alpha-d=0.01 samples 0-3; ..." for the first few points with missing samples. */
    static String missing(Sweep sweep, List<Point> points, Map<Long, UnitRecord> have) {
        Map<Integer, List<Integer>> byPoint = new TreeMap<>();
        for (Point p : points) {
            for (int s = 0; s < sweep.samples(); s++) {
                if (!have.containsKey((long) p.index() * sweep.samples() + s)) {
                    byPoint.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        List<String> swept = sweep.swept();
        for (Map.Entry<Integer, List<Integer>> en : byPoint.entrySet()) {
            if (parts.size() == 8) {
                parts.add("... (" + (byPoint.size() - 8) + " more points)");
                break;
            }
            StringBuilder sb = new StringBuilder();
            Point p = points.get(en.getKey());
            for (String name : swept.isEmpty() ? List.of(sweep.experiment().params().get(0).name()) : swept) {
                sb.append(name).append('=').append(Point.canonical(p.values().get(name))).append(' ');
            }
            sb.append("samples ").append(ranges(en.getValue()));
            parts.add(sb.toString());
        }
        return String.join("; ", parts);
    }

    static String ranges(List<Integer> v) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < v.size()) {
            int j = k;
            while (j + 1 < v.size() && v.get(j + 1) == v.get(j) + 1) {
                j++;
            }
            out.add(j == k ? Integer.toString(v.get(k)) : v.get(k) + "-" + v.get(j));
            k = j + 1;
        }
        return String.join(",", out);
    }

    static String difference(Sweep a, Sweep b) {
        if (a.seed() != b.seed()) {
            return "seed " + a.seed() + " vs " + b.seed();
        }
        if (a.samples() != b.samples()) {
            return "samples " + a.samples() + " vs " + b.samples();
        }
        for (String k : a.values().keySet()) {
            if (!a.values().get(k).equals(b.values().get(k))) {
                return k + " " + a.values().get(k) + " vs " + b.values().get(k);
            }
        }
        return "different spec";
    }
}
