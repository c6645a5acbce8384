package io.dismc.backend.cpu;

import io.dismc.backend.Counters;
import io.dismc.backend.GaussianMatrices;
import io.dismc.backend.LinearOps;
import java.util.concurrent.ForkJoinPool;

/**
 * The CPU backend's linear operations: {@link StoredMatrices} and {@link RegeneratedMatrices} on the
 * backend's pool, summed in the orders of {@link MatrixEntries} (the reference of kernels/linear.cu).
 * Each product counts as one launch.
 */
public final class CpuLinear implements LinearOps {
    private final ForkJoinPool pool;
    private final Counters counters;

    /** pool: where generation and products run (null: in the calling thread); counters may be null. */
    public CpuLinear(ForkJoinPool pool, Counters counters) {
        this.pool = pool;
        this.counters = counters;
    }

    @Override
    public GaussianMatrices gaussianMatrices(long seed, long[] streams, int rows, int columns, boolean stored) {
        if (counters != null && stored) {
            counters.launch();
        }
        return stored ? new StoredMatrices(seed, streams, rows, columns, pool, counters)
                : new RegeneratedMatrices(seed, streams, rows, columns, pool, counters);
    }

    @Override
    public long bytes(int batch, int rows, int columns, boolean stored) {
        int workers = pool == null ? 1 : pool.getParallelism();
        return stored ? StoredMatrices.bytes(batch, rows, columns) : workers * RegeneratedMatrices.bytesPerTask(columns);
    }
}
