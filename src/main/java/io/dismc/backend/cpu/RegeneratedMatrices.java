package io.dismc.backend.cpu;

import io.dismc.backend.Counters;
import io.dismc.backend.GaussianMatrices;

import io.dismc.rng.RandomStream;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Matrix-free sensing matrices: F is never stored; every product regenerates the entries it needs from
 * the instance's Philox stream, addressed by (instance stream, row, column), and sums them in the orders
 * of {@link MatrixEntries}, so a run equals the stored-matrix run bit for bit (docs/models.md 4.6). Costs 2 M N Gaussian draws per product pair instead of 8 M N bytes per instance.
 */
public final class RegeneratedMatrices implements GaussianMatrices {
    private final long seed;
    private final long[] streams;
    private final int m;
    private final int n;
    private final double scale;
    private final ForkJoinPool pool;
    private final Counters counters;

    public RegeneratedMatrices(long seed, long[] streams, int m, int n, ForkJoinPool pool) {
        this(seed, streams, m, n, pool, null);
    }

    /** The same, counting each product as a launch (counters may be null). */
    public RegeneratedMatrices(long seed, long[] streams, int m, int n, ForkJoinPool pool, Counters counters) {
        MatrixEntries.checkSize(m, n);
        this.seed = seed;
        this.streams = streams.clone();
        this.m = m;
        this.n = n;
        this.counters = counters;
        this.scale = MatrixEntries.scale(n);
        this.pool = pool;
    }

    /** Scratch per concurrent task: a row tile (twice with squaring) plus a column segment. */
    public static long bytesPerTask(int n) {
        return 8L * (2L * MatrixEntries.ROW_TILE * n + MatrixEntries.COLUMN_BLOCK + MatrixEntries.ROW_TILE);
    }

    @Override
    public int batch() {
        return streams.length;
    }

    @Override
    public int rows() {
        return m;
    }

    @Override
    public int columns() {
        return n;
    }

    @Override
    public void multiply(double[][] x, double[][] out, boolean[] active, boolean squared) {
        MatrixEntries.launch(counters);
        MatrixEntries.checkShape(x, batch(), n, "F x input");
        MatrixEntries.checkShape(out, batch(), m, "F x output");
        int tileCount = MatrixEntries.tiles(m);
        MatrixEntries.forEachTask(pool, active, MatrixEntries.rowTasks(m), (b, task) -> {
            RandomStream stream = new RandomStream(seed, streams[b]);
            double[] tile = new double[MatrixEntries.ROW_TILE * n];
            double[] scratch = squared ? new double[MatrixEntries.ROW_TILE * n] : null;
            double[] dots = new double[MatrixEntries.ROW_TILE];
            int k1 = Math.min(tileCount, (task + 1) * MatrixEntries.TILES_PER_TASK);
            for (int k = task * MatrixEntries.TILES_PER_TASK; k < k1; k++) {
                int first = k * MatrixEntries.ROW_TILE;
                int rows = Math.min(MatrixEntries.ROW_TILE, m - first);
                for (int r = 0; r < rows; r++) {
                    MatrixEntries.entries(stream, n, scale, first + r, 0, n, tile, r * n);
                }
                MatrixEntries.rowDots(x[b], n, tile, rows, squared, scratch, dots, out[b], first);
            }
        });
    }

    @Override
    public void multiplyTransposed(double[][] y, double[][] out, boolean[] active, boolean squared) {
        MatrixEntries.launch(counters);
        MatrixEntries.checkShape(y, batch(), m, "F^T y input");
        MatrixEntries.checkShape(out, batch(), n, "F^T y output");
        MatrixEntries.forEachTask(pool, active, MatrixEntries.columnTasks(n), (b, task) -> {
            RandomStream stream = new RandomStream(seed, streams[b]);
            int i0 = task * MatrixEntries.COLUMN_BLOCK;
            int len = Math.min(MatrixEntries.COLUMN_BLOCK, n - i0);
            double[] segment = new double[len];
            double[] o = out[b];
            Arrays.fill(o, i0, i0 + len, 0.0);
            double[] yb = y[b];
            for (int mu = 0; mu < m; mu++) {
                MatrixEntries.entries(stream, n, scale, mu, i0, len, segment, 0);
                MatrixEntries.accumulate(segment, 0, len, yb[mu], squared, o, i0);
            }
        });
    }
}
