package io.dismc.dynamics;

import io.dismc.rng.RandomStream;

/**
 * Where a sweep's random numbers live in a replica's stream, so that the CPU and the CUDA kernel
 * draw the same ones. Sweep t (from 0) owns words [4Nt, 4Nt + 4N):
 * <ul>
 *   <li>words 4Nt + q, q = 0..N-2: the Fisher-Yates shuffle of the identity, step q swapping
 *       position N-1-q with position below(word, N-q);</li>
 *   <li>words 4Nt + 2N + 2 pos and +1 (lo, hi): the double uniform that decides the update at
 *       position pos (T &gt; 0 only; at T = 0 these words are never computed).</li>
 * </ul>
 */
public final class SweepSchedule {
    private SweepSchedule() {}

    public static long firstWord(int n, int sweep) {
        return 4L * n * sweep;
    }

    /** Fills order[0..n-1] with sweep t's permutation; words must hold at least n-1 entries. */
    public static void permutation(int[] order, int n, int[] words) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int q = 0; q < n - 1; q++) {
            int i = n - 1 - q;
            int jj = RandomStream.below(words[q], i + 1);
            int t = order[i];
            order[i] = order[jj];
            order[jj] = t;
        }
    }

    /** The double uniform in [0,1) for position pos, from the acceptance words. */
    public static double acceptanceUniform(int[] acceptWords, int pos) {
        long u = ((long) acceptWords[2 * pos + 1] << 32) | (acceptWords[2 * pos] & 0xffffffffL);
        return (u >>> 11) * 0x1.0p-53;
    }
}
