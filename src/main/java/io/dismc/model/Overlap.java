package io.dismc.model;

/** Mattis overlap m = (1/N) sum_i a_i b_i of two +-1 configurations. */
public final class Overlap {
    private Overlap() {}

    public static double of(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("overlap of configurations of different sizes " + a.length + " and " + b.length);
        }
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return (double) s / a.length;
    }
}
