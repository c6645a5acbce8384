package io.dismc.run;

import io.dismc.backend.Backend;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Unit;
import io.dismc.experiment.UnitOutput;
import io.dismc.parallel.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs units in batches on the backend's pool: units whose points share the experiment's batch key
 * go to one batch (so a GPU relaxes all their replicas in one launch), split so that a batch fits in
 * the memory the backend offers and never exceeds {@link #MAX_UNITS_PER_BATCH}. Each unit depends only
 * on its coordinates, so batching, order and thread count change nothing but the wall time. Finished
 * units are reported one by one as each batch completes; after a failure no further batch starts.
 */
public final class Runner {
    /** Bounds the work a kill can lose and the wait before the first unit is journaled. */
    public static final int MAX_UNITS_PER_BATCH = 64;

    private Runner() {}

    /** The batches the units form, in order of first appearance of each batch key. */
    public static List<List<Unit>> batches(Experiment<?> e, List<Unit> units, long memoryBytes) {
        Map<Object, List<Unit>> byKey = new LinkedHashMap<>();
        for (Unit u : units) {
            byKey.computeIfAbsent(e.batchKey(u.point()), k -> new ArrayList<>()).add(u);
        }
        List<List<Unit>> out = new ArrayList<>();
        for (List<Unit> group : byKey.values()) {
            long perUnit = Math.max(1, group.stream().mapToLong(u -> e.memoryBytes(u.point())).max().orElse(1));
            int size = (int) Math.max(1, Math.min(MAX_UNITS_PER_BATCH, memoryBytes / perUnit));
            for (int from = 0; from < group.size(); from += size) {
                out.add(List.copyOf(group.subList(from, Math.min(group.size(), from + size))));
            }
        }
        return out;
    }

    /** Results in the order of {@code units}; onDone is called (serialized) for each unit as its batch finishes. */
    public static List<UnitResult> run(Experiment<?> experiment, List<Unit> units, Backend backend, Consumer<UnitResult> onDone) {
        List<List<Unit>> batches = batches(experiment, units, backend.batchMemoryBytes());
        Map<Unit, UnitResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<RecursiveAction> tasks = new ArrayList<>(batches.size());
        for (List<Unit> batch : batches) {
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    if (failure.get() != null) {
                        return;
                    }
                    try {
                        for (UnitResult r : runBatch(experiment, batch, backend)) {
                            synchronized (onDone) {
                                if (failure.get() == null) {
                                    onDone.accept(r);
                                }
                            }
                            results.put(r.unit(), r);
                        }
                    } catch (RuntimeException ex) {
                        failure.compareAndSet(null, ex);
                    }
                }
            });
        }
        Parallel.invokeAll(backend.pool(), tasks);
        if (failure.get() != null) {
            throw failure.get();
        }
        List<UnitResult> out = new ArrayList<>(units.size());
        for (Unit u : units) {
            out.add(results.get(u));
        }
        return out;
    }

    private static List<UnitResult> runBatch(Experiment<?> e, List<Unit> batch, Backend backend) {
        long t0 = System.nanoTime();
        List<?> rs = e.run(batch, backend);
        if (rs.size() != batch.size()) {
            throw new IllegalStateException(e.name() + " returned " + rs.size() + " results for a batch of " + batch.size());
        }
        double seconds = (System.nanoTime() - t0) * 1e-9 / batch.size();
        backend.countUnits(batch.size());
        List<UnitResult> out = new ArrayList<>(batch.size());
        for (int k = 0; k < batch.size(); k++) {
            UnitOutput o = e.outputOf(rs.get(k));
            out.add(new UnitResult(batch.get(k), o.values(), o.arrays(), seconds));
        }
        return out;
    }
}
