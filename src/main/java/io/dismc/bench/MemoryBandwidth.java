package io.dismc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Main-memory read bandwidth, measured (not looked up): every thread sums its share of an array much
 * larger than the caches; best of a few passes. The memory side of the rooflines in the benchmark.
 */
final class MemoryBandwidth {
    private static final int DOUBLES = 1 << 25; // 256 MB

    private MemoryBandwidth() {}

    /** Bytes per second read by the pool's threads together. */
    static double measure(ForkJoinPool pool, int threads) {
        double[] data = new double[DOUBLES];
        java.util.Arrays.fill(data, 1.0);
        double[] sums = new double[threads];
        double best = 0;
        for (int pass = 0; pass < 4; pass++) {
            List<RecursiveAction> parts = new ArrayList<>();
            int share = DOUBLES / threads;
            for (int t = 0; t < threads; t++) {
                int id = t;
                parts.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                        int end = (id + 1) * share;
                        for (int i = id * share; i < end; i += 4) {
                            s0 += data[i];
                            s1 += data[i + 1];
                            s2 += data[i + 2];
                            s3 += data[i + 3];
                        }
                        sums[id] = s0 + s1 + s2 + s3;
                    }
                });
            }
            long t0 = System.nanoTime();
            io.dismc.parallel.Parallel.invokeAll(pool, parts);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, 8.0 * share * threads / seconds);
        }
        if (java.util.Arrays.stream(sums).sum() <= 0) {
            throw new IllegalStateException("bandwidth probe lost its data");
        }
        return best;
    }
}
