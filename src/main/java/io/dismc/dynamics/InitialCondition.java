package io.dismc.dynamics;

import io.dismc.rng.RandomStream;

/**
 * Starting configurations at a given distance from a target (docs/models.md 1.1.4): flip exactly
 * {@code count} distinct random spins, chosen by a partial Fisher-Yates shuffle with words 0..count-1
 * of the stream. count = round(f N) for a flip fraction f (overlap q = 1 - 2f).
 */
public final class InitialCondition {
    private InitialCondition() {}

    public static byte[] flipped(byte[] target, int count, RandomStream stream) {
        byte[] s = target.clone();
        for (int i : flipSites(target.length, count, stream)) {
            s[i] = (byte) -s[i];
        }
        return s;
    }

    /** The count distinct sites of N to flip, in the order the shuffle picks them: all a backend needs to build the start. */
    public static int[] flipSites(int n, int count, RandomStream stream) {
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("cannot flip " + count + " of " + n + " spins");
        }
        int[] sites = new int[count];
        if (count == 0) {
            return sites;
        }
        int[] words = new int[count];
        stream.words(0, words, 0, count);
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = i;
        }
        for (int q = 0; q < count; q++) {
            int j = q + RandomStream.below(words[q], n - q);
            int t = slots[q];
            slots[q] = slots[j];
            slots[j] = t;
            sites[q] = slots[q];
        }
        return sites;
    }

    public static int flipCount(double fraction, int n) {
        return (int) Math.round(fraction * n);
    }
}
