package io.dismc.backend.cpu;

import io.dismc.linalg.MatrixProduct;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;

/**
 * The one definition of a sensing matrix's entries and of the products' summation orders, shared by the
 * stored and the regenerated matrices so that the two agree bit for bit (docs/models.md 4.6):
 * <ul>
 *   <li>F_{mu i} = gaussian(mu N + i) * (1/sqrt(N)) of the instance's stream (the factor 1/sqrt(N) is
 *       computed once, as a double);</li>
 *   <li>(F x)_mu: the dot product of row mu with x in the 8-partial fused order of
 *       {@link MatrixProduct#multiplyTransposed} (rows taken in tiles of {@link #ROW_TILE});</li>
 *   <li>(F^T y)_i: fused multiply-adds F_{mu i} y_mu in increasing mu, starting from 0, over column
 *       blocks of {@link #COLUMN_BLOCK};</li>
 *   <li>the squared products square each entry (f * f) first, then sum in the same order.</li>
 * </ul>
 */
public final class MatrixEntries {
    /** Rows per tile of a row product (an even count, so the paired vector kernel covers whole tiles). */
    public static final int ROW_TILE = 16;
    /** Tiles per task of a row product. */
    static final int TILES_PER_TASK = 4;
    /** Columns per task of a transposed product. */
    public static final int COLUMN_BLOCK = 512;

    private MatrixEntries() {}

    /** 1/sqrt(N), the entries' scale (the CUDA kernels receive this double). */
    public static double scale(int n) {
        return 1.0 / Math.sqrt(n);
    }

    /** Entries F_{row, from} .. F_{row, from+count-1} into out[off..]. */
    static void entries(RandomStream stream, int n, double scale, int row, int from, int count, double[] out, int off) {
        stream.gaussians((long) row * n + from, out, off, count);
        for (int i = off; i < off + count; i++) {
            out[i] *= scale;
        }
    }

    /** out[outOff + r] = dot(tile row r, x) for r &lt; rows (tile row-major, rows x n). */
    static void rowDots(double[] x, int n, double[] tile, int rows, boolean squared, double[] scratch, double[] dots,
                        double[] out, int outOff) {
        double[] b = tile;
        if (squared) {
            for (int k = 0; k < rows * n; k++) {
                scratch[k] = tile[k] * tile[k];
            }
            b = scratch;
        }
        MatrixProduct.multiplyTransposed(x, 1, n, b, rows, dots);
        System.arraycopy(dots, 0, out, outOff, rows);
    }

    /** out[off + i] += f[fOff + i] * coeff (or f^2 * coeff), fused, for i &lt; len. */
    static void accumulate(double[] f, int fOff, int len, double coeff, boolean squared, double[] out, int off) {
        if (squared) {
            for (int i = 0; i < len; i++) {
                double e = f[fOff + i];
                out[off + i] = Math.fma(e * e, coeff, out[off + i]);
            }
        } else {
            for (int i = 0; i < len; i++) {
                out[off + i] = Math.fma(f[fOff + i], coeff, out[off + i]);
            }
        }
    }

    static int tiles(int m) {
        return (m + ROW_TILE - 1) / ROW_TILE;
    }

    static int rowTasks(int m) {
        return (tiles(m) + TILES_PER_TASK - 1) / TILES_PER_TASK;
    }

    static int columnTasks(int n) {
        return (n + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
    }

    /** body(b, task) for every active instance b and task &lt; tasksPerInstance, on the pool (or inline). */
    static void forEachTask(ForkJoinPool pool, boolean[] active, int tasksPerInstance, TaskBody body) {
        int batch = active.length;
        int[] which = new int[batch];
        int count = 0;
        for (int b = 0; b < batch; b++) {
            if (active[b]) {
                which[count++] = b;
            }
        }
        int total = count * tasksPerInstance;
        IntConsumer run = k -> body.run(which[k / tasksPerInstance], k % tasksPerInstance);
        if (pool == null || total == 1) {
            for (int k = 0; k < total; k++) {
                run.accept(k);
            }
        } else {
            Parallel.forEach(pool, total, run);
        }
    }

    interface TaskBody {
        void run(int instance, int task);
    }

    static void checkSize(int m, int n) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("a Gaussian matrix needs M >= 1 and N >= 1, got " + m + " x " + n);
        }
    }

    static void launch(io.dismc.backend.Counters counters) {
        if (counters != null) {
            counters.launch();
        }
    }

    static void checkShape(double[][] v, int batch, int len, String what) {
        if (v.length != batch) {
            throw new IllegalArgumentException(what + ": " + v.length + " vectors for a batch of " + batch);
        }
        for (double[] x : v) {
            if (x != null && x.length < len) {
                throw new IllegalArgumentException(what + ": vector of length " + x.length + ", need " + len);
            }
        }
    }
}
