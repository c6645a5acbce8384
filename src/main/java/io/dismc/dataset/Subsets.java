package io.dismc.dataset;

import io.dismc.rng.RandomStream;

/**
 * Random subsets addressed by the counter-based stream: a partial Fisher-Yates shuffle whose step i swaps
 * position i with i + below(word i, n - i). The chosen examples depend only on (seed, stream, n, m),
 * never on threads or on the order anything else was drawn in.
 */
public final class Subsets {
    private Subsets() {}

    /** m distinct indices of 0..n-1, in the order drawn (a uniformly random ordered subset). */
    public static int[] choose(int n, int m, RandomStream stream) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("cannot choose " + m + " of " + n);
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] words = new int[m];
        stream.words(0, words, 0, m);
        for (int i = 0; i < m; i++) {
            int j = i + RandomStream.below(words[i], n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, m);
    }

    /** A random permutation of 0..n-1. */
    public static int[] permutation(int n, RandomStream stream) {
        return choose(n, n, stream);
    }
}
