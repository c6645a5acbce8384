package io.dismc.rng;

/**
 * Philox4x32-10, exactly as Random123 defines it (Salmon, Moraes, Dror, Shaw, SC11 2011): a keyed
 * bijection of a 128-bit counter. The same function lives in {@code kernels/philox.cuh}; both are
 * checked against the Random123 known-answer vectors in {@code test-data/philox4x32-10.kat}.
 *
 * <p>Words are Java ints holding unsigned 32-bit values.
 */
public final class Philox4x32 {
    static final long M0 = 0xD2511F53L;
    static final long M1 = 0xCD9E8D57L;
    static final int W0 = 0x9E3779B9;
    static final int W1 = 0xBB67AE85;
    static final int ROUNDS = 10;

    private Philox4x32() {}

    /** Encrypts counter (c0..c3, c0 least significant) under key (k0, k1); writes 4 words to out[off..off+3]. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out, int off) {
        // round 1, then 9 x (bump key, round): the loop has a constant trip count, which C2 unrolls
        long p0 = M0 * (c0 & 0xffffffffL);
        long p1 = M1 * (c2 & 0xffffffffL);
        int x0 = (int) (p1 >>> 32) ^ c1 ^ k0;
        int x1 = (int) p1;
        int x2 = (int) (p0 >>> 32) ^ c3 ^ k1;
        int x3 = (int) p0;
        for (int r = 1; r < ROUNDS; r++) {
            k0 += W0;
            k1 += W1;
            p0 = M0 * (x0 & 0xffffffffL);
            p1 = M1 * (x2 & 0xffffffffL);
            x0 = (int) (p1 >>> 32) ^ x1 ^ k0;
            x1 = (int) p1;
            x2 = (int) (p0 >>> 32) ^ x3 ^ k1;
            x3 = (int) p0;
        }
        out[off] = x0;
        out[off + 1] = x1;
        out[off + 2] = x2;
        out[off + 3] = x3;
    }
}
