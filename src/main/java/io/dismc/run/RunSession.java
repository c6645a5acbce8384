package io.dismc.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dismc.backend.Backend;
import io.dismc.backend.Backends;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import io.dismc.experiment.Unit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs a sweep (or its shard) into a folder, fresh or resumed: units already in the journal are
 * skipped, each newly finished unit is journaled at once, and the outputs are rebuilt from the
 * journal at the end. Because a unit's numbers depend only on its coordinates, a resumed run ends
 * with exactly the results of an uninterrupted one. The folder is locked for the whole session (one
 * writer); SIGINT / SIGTERM record the units done and exit 130 / 143; a file that cannot be written
 * stops the run with what was kept and how to go on.
 */
public final class RunSession {
    private RunSession() {}

    /** A new run; returns the exit code. */
    public static int fresh(Sweep sweep, Shard shard, RunOptions g, String[] args, PrintStream out, PrintStream err)
            throws IOException {
        List<Point> points = sweep.points();
        List<Unit> mine = shard.select(sweep.experiment(), Grid.units(points, sweep.samples(), sweep.seed()));
        RunFolder.checkUsable(g.out());
        MemoryBudget.check(sweep.experiment(), points, Math.min(g.threads(), mine.size()), Runtime.getRuntime().maxMemory());
        warn(sweep.experiment(), points, err);
        try (Backend backend = Backends.open(g.backend(), g.threads(), g.rng(), g.device(), err)) {
            String name = sweep.experiment().name() + (shard.count() > 1 ? "-shard" + shard.index() + "of" + shard.count() : "");
            Path dir = RunFolder.create(g.out(), name);
            try (RunLock lock = RunLock.acquire(dir, "out")) {
                RunFolder.checkEmptyBesidesLock(dir);
                RunManifest m = RunManifest.create(sweep, shard, mine.size());
                writeManifest(m, dir, 0);
                return execute(dir, sweep, points, mine, List.of(), m, backend, g, args, out, err);
            }
        }
    }

    /** Continues the run in dir; returns the exit code. */
    public static int resume(Path dir, RunOptions g, String[] args, PrintStream out, PrintStream err) throws IOException {
        try (RunLock lock = RunLock.acquire(dir, "resume")) {
            RunManifest m = RunManifest.read(dir, "resume");
            m.checkSameEngine("resume", dir);
            Sweep sweep = m.sweep("resume", dir);
            List<Point> points = sweep.points();
            List<Unit> mine = m.shard().select(sweep.experiment(), Grid.units(points, sweep.samples(), sweep.seed()));
            Journal.Loaded loaded = Journal.load(dir, sweep, points);
            for (String problem : loaded.problems()) {
                err.println("resume: " + problem);
            }
            MemoryBudget.check(sweep.experiment(), points, Math.min(g.threads(), mine.size() - loaded.records().size()),
                    Runtime.getRuntime().maxMemory());
            if (!loaded.problems().isEmpty()) {
                try {
                    Journal.rewrite(dir, loaded.records());
                } catch (IOException e) {
                    throw new StorageFailure(dir.resolve(Journal.FILE), e, "The journal was left as it was; free space, then run "
                            + resumeCommand(dir) + " again");
                }
            }
            try (Backend backend = Backends.open(g.backend(), g.threads(), g.rng(), g.device(), err)) {
                return execute(dir, sweep, points, mine, loaded.records(), m, backend, g, args, out, err);
            }
        }
    }

    private static int execute(Path dir, Sweep sweep, List<Point> points, List<Unit> mine, List<UnitRecord> done,
                               RunManifest m, Backend backend, RunOptions g, String[] args, PrintStream out, PrintStream err)
            throws IOException {
        Experiment<?> e = sweep.experiment();
        String hash = sweep.hash();
        Set<Long> finished = new HashSet<>();
        for (UnitRecord r : done) {
            finished.add((long) r.point() * sweep.samples() + r.sample());
        }
        List<Unit> todo = new ArrayList<>();
        for (Unit u : mine) {
            if (!finished.contains((long) u.point().index() * sweep.samples() + u.sample())) {
                todo.add(u);
            }
        }
        ObjectNode session = m.beginSession(backend.name(), backend.description(), backend.threads(), g.rng(), args);
        writeManifest(m, dir, done.size());
        List<UnitRecord> records = new ArrayList<>(done);
        io.dismc.backend.DeviceCounters before = backend.counters().snapshot();
        long t0 = System.nanoTime();
        Object recording = new Object();
        try (Journal journal = openJournal(dir, done.size());
             Progress progress = Progress.start(e.name(), mine.size(), done.size(), g.quiet());
             Interrupts.Registration signals = Interrupts.onSignal((signal, code) -> {
                 // the lock keeps the workers from journaling while the record of the stop is written
                 synchronized (recording) {
                     progress.close();
                     m.interrupt(session, records.size(), records.size() - done.size(),
                             (System.nanoTime() - t0) * 1e-9);
                     m.setCounters(session, backend.counters().snapshot().since(before));
                     String kept;
                     try {
                         m.write(dir);
                         kept = "run.json says interrupted";
                     } catch (IOException ex) {
                         kept = "run.json could not be updated (" + IoMessages.reason(ex) + ")";
                     }
                     err.printf(Locale.ROOT, "%sdismc: %s: stopped after %d of %d units (all %d kept in the journal; %s);"
                             + " continue with: %s%n", Progress.stderrIsTerminal() ? "\n" : "", signal, records.size(),
                             mine.size(), records.size(), kept, resumeCommand(dir));
                     err.flush();
                     Runtime.getRuntime().halt(code);
                 }
             })) {
            Runner.run(e, todo, backend, r -> {
                synchronized (recording) {
                    UnitRecord rec;
                    try {
                        rec = UnitRecord.of(hash, r, RunFolder.writeArrays(dir, r));
                        journal.append(rec);
                    } catch (IOException ex) {
                        throw new StorageFailure(ex instanceof RunFolder.ArrayWriteFailure a ? a.file() : dir.resolve(Journal.FILE),
                                ex, "The " + records.size() + " units finished before are kept in the journal; free space, then"
                                        + " continue with: " + resumeCommand(dir));
                    }
                    records.add(rec);
                }
                progress.step();
            });
        } catch (IOException ex) {
            throw new StorageFailure(dir.resolve(Journal.FILE), ex, "The " + records.size() + " units finished are kept in the"
                    + " journal; free space, then continue with: " + resumeCommand(dir));
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        m.finish(session, records.size(), mine.size(), RunFolder.seconds(records), wall, todo.size());
        m.setCounters(session, backend.counters().snapshot().since(before));
        long peak = MemoryBudget.peakHeapUsed();
        m.setMemory(session, MemoryBudget.largestUnit(e, points), peak, Runtime.getRuntime().maxMemory());
        RunFolder.Finished f = RunFolder.finish(dir, sweep, points, records, m, g.plot());
        out.print(f.table());
        out.printf(Locale.ROOT, "%d units (%d computed now, %d from before) in %.1f s on %s; peak heap %s%n", records.size(),
                todo.size(), done.size(), wall, backend.description(), MemoryBudget.gib(peak));
        out.println("wrote " + dir.toAbsolutePath() + ": " + String.join(", ", f.files()));
        for (String problem : f.problems()) {
            err.println("dismc: " + problem);
        }
        return 0;
    }

    private static Journal openJournal(Path dir, int kept) {
        try {
            return Journal.open(dir);
        } catch (IOException e) {
            throw new StorageFailure(dir.resolve(Journal.FILE), e, kept + " units were kept before; free space, then continue with: "
                    + resumeCommand(dir));
        }
    }

    private static void writeManifest(RunManifest m, Path dir, int kept) {
        try {
            m.write(dir);
        } catch (IOException e) {
            throw new StorageFailure(dir.resolve(RunManifest.FILE), e, (kept == 0 ? "Nothing was computed yet"
                    : "The " + kept + " units in the journal are kept") + "; free space, then run again"
                    + (kept == 0 ? " (with a new --out, or --resume " + dir.toAbsolutePath() + ")" : ": " + resumeCommand(dir)));
        }
    }

    /** Prints each distinct warning of the sweep's points once. */
    static void warn(Experiment<?> e, List<Point> points, PrintStream err) {
        Set<String> lines = new LinkedHashSet<>();
        for (Point p : points) {
            lines.addAll(e.warnings(p));
        }
        for (String l : lines) {
            err.println("dismc: warning: " + l);
        }
    }

    public static String resumeCommand(Path dir) {
        return "./dismc run --resume " + dir.toAbsolutePath();
    }
}
