package io.dismc.backend.cpu;

import io.dismc.data.SpinMatrix;
import io.dismc.parallel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The Hebbian numerators N J_ij = sum_mu xi_i^mu xi_j^mu by bit-packed XOR/popcount: with each site's
 * P pattern bits packed into longs (bit set for +1), N J_ij = P - 2 popcount(b_i XOR b_j). Exact
 * integer arithmetic; about 64 multiply-adds per popcount instruction. Diagonal zero. The CPU twin of
 * kernels/hebbian.cu (its driver: cuda.HebbianDriver).
 */
public final class HebbianProduct {
    private static final int TILE = 32;

    private HebbianProduct() {}

    public static HebbianCouplings of(SpinMatrix patterns, ForkJoinPool pool) {
        int n = patterns.rows();
        int p = patterns.cols();
        if (p > HebbianCouplings.MAX_P) {
            throw new IllegalArgumentException("J form needs P <= " + HebbianCouplings.MAX_P + ", got " + p);
        }
        int words = (p + 63) >>> 6;
        long[] bits = pack(patterns, words);
        short[] j = new short[n * n];
        List<RecursiveAction> tasks = new ArrayList<>();
        for (int i0 = 0; i0 < n; i0 += TILE) {
            for (int j0 = i0; j0 < n; j0 += TILE) {
                int bi = i0;
                int bj = j0;
                tasks.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        tile(bits, words, p, n, bi, bj, j);
                    }
                });
            }
        }
        Parallel.invokeAll(pool, tasks);
        return new HebbianCouplings(n, p, j);
    }

    static long[] pack(SpinMatrix patterns, int words) {
        int n = patterns.rows();
        int p = patterns.cols();
        byte[] xi = patterns.data();
        long[] bits = new long[n * words];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < p; mu++) {
                if (xi[i * p + mu] > 0) {
                    bits[i * words + (mu >>> 6)] |= 1L << (mu & 63);
                }
            }
        }
        return bits;
    }

    /** Pairs (i, j) with i in [i0, i0+TILE), j in [j0, j0+TILE), i &lt; j; writes J_ij and J_ji. */
    private static void tile(long[] bits, int words, int p, int n, int i0, int j0, short[] out) {
        int iEnd = Math.min(n, i0 + TILE);
        int jEnd = Math.min(n, j0 + TILE);
        for (int i = i0; i < iEnd; i++) {
            int ai = i * words;
            int jStart = Math.max(j0, i + 1);
            int jj = jStart;
            // two columns at a time: each load of row i's words serves two popcounts
            for (; jj + 1 < jEnd; jj += 2) {
                int b0 = jj * words;
                int b1 = b0 + words;
                int c0 = 0;
                int c1 = 0;
                for (int w = 0; w < words; w++) {
                    long a = bits[ai + w];
                    c0 += Long.bitCount(a ^ bits[b0 + w]);
                    c1 += Long.bitCount(a ^ bits[b1 + w]);
                }
                short v0 = (short) (p - 2 * c0);
                short v1 = (short) (p - 2 * c1);
                out[i * n + jj] = v0;
                out[jj * n + i] = v0;
                out[i * n + jj + 1] = v1;
                out[(jj + 1) * n + i] = v1;
            }
            for (; jj < jEnd; jj++) {
                int b0 = jj * words;
                int c0 = 0;
                for (int w = 0; w < words; w++) {
                    c0 += Long.bitCount(bits[ai + w] ^ bits[b0 + w]);
                }
                short v0 = (short) (p - 2 * c0);
                out[i * n + jj] = v0;
                out[jj * n + i] = v0;
            }
        }
    }
}
