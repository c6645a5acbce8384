package io.dismc.run;

import io.dismc.backend.Backend;
import io.dismc.parallel.Parallel;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Unit;
import io.dismc.experiment.UnitOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RecursiveTask;
import java.util.function.Consumer;

/**
 * Runs units in parallel on the backend's pool. Each unit depends only on its coordinates, so the
 * order and the thread count change nothing but the wall time.
 */
public final class Runner {
    private Runner() {}

    /** Results in the order of {@code units}; onDone is called (serialized) as each unit finishes. */
    public static List<UnitResult> run(Experiment experiment, List<Unit> units, Backend backend, Consumer<UnitResult> onDone) {
        List<RecursiveTask<UnitResult>> tasks = new ArrayList<>(units.size());
        for (Unit u : units) {
            tasks.add(new RecursiveTask<>() {
                @Override
                protected UnitResult compute() {
                    long t0 = System.nanoTime();
                    UnitOutput out = experiment.run(u, backend);
                    for (String name : experiment.observables()) {
                        if (!out.values().containsKey(name)) {
                            throw new IllegalStateException(experiment.name() + " did not produce observable " + name);
                        }
                    }
                    UnitResult r = new UnitResult(u, out.values(), out.arrays(), (System.nanoTime() - t0) * 1e-9);
                    synchronized (onDone) {
                        onDone.accept(r);
                    }
                    return r;
                }
            });
        }
        Parallel.invokeAll(backend.pool(), tasks);
        List<UnitResult> out = new ArrayList<>(tasks.size());
        for (RecursiveTask<UnitResult> t : tasks) {
            out.add(t.join());
        }
        return out;
    }
}
