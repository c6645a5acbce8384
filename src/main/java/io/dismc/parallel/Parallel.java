package io.dismc.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/** Runs tasks on the backend's pool, whether or not the caller is already one of its workers. */
public final class Parallel {
    private Parallel() {}

    public static <T extends ForkJoinTask<?>> void invokeAll(ForkJoinPool pool, List<T> tasks) {
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            pool.submit(() -> ForkJoinTask.invokeAll(tasks)).join();
        }
    }

    /** body(0) .. body(count - 1) as independent tasks on the pool (one per replica, row block, ...). */
    public static void forEach(ForkJoinPool pool, int count, IntConsumer body) {
        List<RecursiveAction> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.accept(index);
                }
            });
        }
        invokeAll(pool, tasks);
    }
}
