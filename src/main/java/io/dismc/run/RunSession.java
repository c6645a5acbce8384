package io.dismc.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dismc.backend.Backend;
import io.dismc.backend.Backends;
import io.dismc.cli.GlobalOptions;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import io.dismc.experiment.Unit;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a sweep (or its shard) into a folder, fresh or resumed: units already in the journal are
 * skipped, each newly finished unit is journaled at once, and the outputs are rebuilt from the
 * journal at the end. Because a unit's numbers depend only on its coordinates, a resumed run ends
 * with exactly the results of an uninterrupted one.
 */
public final class RunSession {
    private RunSession() {}

    /** A new run; returns the exit code. */
    public static int fresh(Sweep sweep, Shard shard, GlobalOptions g, String[] args, PrintStream out, PrintStream err)
            throws IOException {
        List<Point> points = sweep.points();
        List<Unit> mine = shard.select(sweep.experiment(), Grid.units(points, sweep.samples(), sweep.seed()));
        RunFolder.checkUsable(g.out());
        try (Backend backend = Backends.open(g.backend(), g.threads(), g.rng(), g.device(), err)) {
            String name = sweep.experiment().name() + (shard.count() > 1 ? "-shard" + shard.index() + "of" + shard.count() : "");
            Path dir = RunFolder.create(g.out(), name);
            RunManifest m = RunManifest.create(sweep, shard, mine.size());
            m.write(dir);
            return execute(dir, sweep, points, mine, List.of(), m, backend, g, args, out);
        }
    }

    /** Continues the run in dir; returns the exit code. */
    public static int resume(Path dir, GlobalOptions g, String[] args, PrintStream out, PrintStream err) throws IOException {
        RunManifest m = RunManifest.read(dir, "resume");
        m.checkSameEngine("resume", dir);
        Sweep sweep = m.sweep("resume", dir);
        List<Point> points = sweep.points();
        List<Unit> mine = m.shard().select(sweep.experiment(), Grid.units(points, sweep.samples(), sweep.seed()));
        Journal.Loaded loaded = Journal.load(dir, sweep.experiment(), points, sweep.samples());
        for (String problem : loaded.problems()) {
            err.println("resume: " + problem);
        }
        if (!loaded.problems().isEmpty()) {
            Journal.rewrite(dir, loaded.records());
        }
        try (Backend backend = Backends.open(g.backend(), g.threads(), g.rng(), g.device(), err)) {
            return execute(dir, sweep, points, mine, loaded.records(), m, backend, g, args, out);
        }
    }

    private static int execute(Path dir, Sweep sweep, List<Point> points, List<Unit> mine, List<UnitRecord> done,
                               RunManifest m, Backend backend, GlobalOptions g, String[] args, PrintStream out)
            throws IOException {
        Experiment e = sweep.experiment();
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
        m.write(dir);
        List<UnitRecord> records = new ArrayList<>(done);
        long t0 = System.nanoTime();
        try (Journal journal = Journal.open(dir);
             Progress progress = Progress.start(e.name(), mine.size(), done.size(), g.quiet())) {
            Runner.run(e, todo, backend, r -> {
                try {
                    UnitRecord rec = UnitRecord.of(r, RunFolder.writeArrays(dir, r));
                    journal.append(rec);
                    records.add(rec);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot record a finished unit in " + dir + ": " + ex.getMessage(), ex);
                }
                progress.step();
            });
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        m.finish(session, records.size(), mine.size(), RunFolder.seconds(records), wall, todo.size());
        String table = RunFolder.finish(dir, sweep, points, records, m, g.plot());
        out.print(table);
        out.printf("%d units (%d computed now, %d from before) in %.1f s on %s; wrote %s%n", records.size(), todo.size(),
                done.size(), wall, backend.description(), dir);
        return 0;
    }
}
