package io.dismc.backend.cpu;

import io.dismc.backend.Counters;
import io.dismc.backend.GaussianMatrices;

import io.dismc.rng.RandomStream;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Sensing matrices generated once from each instance's Philox stream and kept in memory (8 M N bytes per
 * instance), in tiles of rows; products parallel over instances and row tiles or column blocks with the
 * summation orders of {@link MatrixEntries} (docs/models.md 4.6).
 */
public final class StoredMatrices implements GaussianMatrices {
    private final int m;
    private final int n;
    /** tiles[b][k]: rows k*ROW_TILE .. of instance b, row-major. */
    private final double[][][] tiles;
    private final ForkJoinPool pool;
    private final Counters counters;

    /**
     * seed and one stream id per instance (the lead derives them with io.dismc.rng.StreamIds); pool: where
     * the generation and the products run (null: in the calling thread).
     */
    public StoredMatrices(long seed, long[] streams, int m, int n, ForkJoinPool pool) {
        this(seed, streams, m, n, pool, null);
    }

    /** The same, counting each product as a launch (counters may be null). */
    public StoredMatrices(long seed, long[] streams, int m, int n, ForkJoinPool pool, Counters counters) {
        MatrixEntries.checkSize(m, n);
        if ((long) MatrixEntries.ROW_TILE * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("N = " + n + " is too large for a tile of " + MatrixEntries.ROW_TILE + " rows");
        }
        this.m = m;
        this.n = n;
        this.pool = pool;
        this.counters = counters;
        int tileCount = MatrixEntries.tiles(m);
        this.tiles = new double[streams.length][tileCount][];
        double scale = MatrixEntries.scale(n);
        boolean[] all = new boolean[streams.length];
        Arrays.fill(all, true);
        MatrixEntries.forEachTask(pool, all, tileCount, (b, k) -> {
            RandomStream stream = new RandomStream(seed, streams[b]);
            int first = k * MatrixEntries.ROW_TILE;
            int rows = Math.min(MatrixEntries.ROW_TILE, m - first);
            double[] tile = new double[rows * n];
            for (int r = 0; r < rows; r++) {
                MatrixEntries.entries(stream, n, scale, first + r, 0, n, tile, r * n);
            }
            tiles[b][k] = tile;
        });
    }

    /** The memory the matrices of a batch take: 8 B M N bytes. */
    public static long bytes(int batch, int m, int n) {
        return 8L * batch * m * n;
    }

    @Override
    public int batch() {
        return tiles.length;
    }

    @Override
    public int rows() {
        return m;
    }

    @Override
    public int columns() {
        return n;
    }

    /** F_{mu i} of instance b (for tests and diagnostics). */
    public double entry(int b, int mu, int i) {
        return tiles[b][mu / MatrixEntries.ROW_TILE][(mu % MatrixEntries.ROW_TILE) * n + i];
    }

    @Override
    public void multiply(double[][] x, double[][] out, boolean[] active, boolean squared) {
        MatrixEntries.launch(counters);
        MatrixEntries.checkShape(x, batch(), n, "F x input");
        MatrixEntries.checkShape(out, batch(), m, "F x output");
        int tileCount = MatrixEntries.tiles(m);
        MatrixEntries.forEachTask(pool, active, MatrixEntries.rowTasks(m), (b, task) -> {
            double[] scratch = squared ? new double[MatrixEntries.ROW_TILE * n] : null;
            double[] dots = new double[MatrixEntries.ROW_TILE];
            int k1 = Math.min(tileCount, (task + 1) * MatrixEntries.TILES_PER_TASK);
            for (int k = task * MatrixEntries.TILES_PER_TASK; k < k1; k++) {
                int first = k * MatrixEntries.ROW_TILE;
                int rows = Math.min(MatrixEntries.ROW_TILE, m - first);
                MatrixEntries.rowDots(x[b], n, tiles[b][k], rows, squared, scratch, dots, out[b], first);
            }
        });
    }

    @Override
    public void multiplyTransposed(double[][] y, double[][] out, boolean[] active, boolean squared) {
        MatrixEntries.launch(counters);
        MatrixEntries.checkShape(y, batch(), m, "F^T y input");
        MatrixEntries.checkShape(out, batch(), n, "F^T y output");
        MatrixEntries.forEachTask(pool, active, MatrixEntries.columnTasks(n), (b, task) -> {
            int i0 = task * MatrixEntries.COLUMN_BLOCK;
            int len = Math.min(MatrixEntries.COLUMN_BLOCK, n - i0);
            double[] o = out[b];
            Arrays.fill(o, i0, i0 + len, 0.0);
            double[] yb = y[b];
            for (int mu = 0; mu < m; mu++) {
                double[] tile = tiles[b][mu / MatrixEntries.ROW_TILE];
                MatrixEntries.accumulate(tile, (mu % MatrixEntries.ROW_TILE) * n + i0, len, yb[mu], squared, o, i0);
            }
        });
    }
}
