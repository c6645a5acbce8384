package io.dismc.backend.cpu;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

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
}
