package io.dismc.rng;

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

    /**
     * A replica's draws for one sweep at a time, reused across sweeps: the visiting order and, when
     * needed, the acceptance uniforms. Every single-site sweep in the engine (Hopfield dynamics,
     * perceptron and committee annealing) takes its randomness from here.
     */
    public static final class Draws {
        private final int sites;
        private final RandomStream stream;
        private final int[] order;
        private final int[] permWords;
        private final int[] acceptWords;

        public Draws(int sites, RandomStream stream, boolean acceptance) {
            this.sites = sites;
            this.stream = stream;
            this.order = new int[sites];
            this.permWords = new int[Math.max(sites - 1, 1)];
            this.acceptWords = acceptance ? new int[2 * sites] : null;
        }

        /** Draws sweep t's permutation (and acceptance words). */
        public void begin(int sweep) {
            long base = firstWord(sites, sweep);
            stream.words(base, permWords, 0, sites - 1);
            permutation(order, sites, permWords);
            if (acceptWords != null) {
                stream.words(base + 2L * sites, acceptWords, 0, 2 * sites);
            }
        }

        /** The site visited at position pos of the current sweep. */
        public int site(int pos) {
            return order[pos];
        }

        /** The acceptance uniform of position pos (only when built with acceptance). */
        public double uniform(int pos) {
            return acceptanceUniform(acceptWords, pos);
        }
    }
}
