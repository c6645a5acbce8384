package io.dismc.rng;

/**
 * A counter-addressed random stream: Philox4x32-10 keyed by the run's 64-bit seed, with the 64-bit
 * stream id in the high counter words and the block index in the low ones:
 * <pre>
 *   key     = (seed lo, seed hi)
 *   counter = (block lo, block hi, stream lo, stream hi)
 * </pre>
 * Each block yields four 32-bit words. Every draw has a fixed address, so a value depends only on
 * (seed, stream, index), never on which thread or backend asks for it. The conversions below are the
 * engine's only definitions of uniforms, Gaussians and spins; {@code kernels/philox.cuh} mirrors them:
 * <ul>
 *   <li>word j: word (j mod 4) of block j/4;</li>
 *   <li>float uniform j in [0,1): (word j &gt;&gt;&gt; 8) * 2^-24;</li>
 *   <li>double uniform j in [0,1): block j/2, words w = 2(j mod 2), w+1 form u64 = word[w+1]&lt;&lt;32 | word[w];
 *       value (u64 &gt;&gt;&gt; 11) * 2^-53;</li>
 *   <li>Gaussian j (Box-Muller): block j/2; u1 = ((words 0,1 as u64) &gt;&gt;&gt; 11) + 1) * 2^-53 in (0,1],
 *       u2 = ((words 2,3 as u64) &gt;&gt;&gt; 11) * 2^-53; r = sqrt(-2 ln u1), theta = 2 pi u2;
 *       j even gives r cos(theta), j odd gives r sin(theta). Computed in double; the CUDA math library
 *       may differ from Java's in the last ulp of log/sin/cos, so Gaussians agree to about 1e-16
 *       relative, not always bit for bit;</li>
 *   <li>spin j: +1 if bit (j mod 32) of word j/32 is set, else -1 (32 spins per word);</li>
 *   <li>integer below n from a word w: (w as unsigned * n) &gt;&gt;&gt; 32 (multiply-shift, bias below n/2^32).</li>
 * </ul>
 */
public final class RandomStream {
    private static final double TWO_POW_M53 = 0x1.0p-53;
    private static final float TWO_POW_M24 = 0x1.0p-24f;

    private final long seed;
    private final long streamId;
    private final int k0;
    private final int k1;
    private final int s0;
    private final int s1;

    public RandomStream(long seed, long streamId) {
        this.seed = seed;
        this.streamId = streamId;
        this.k0 = (int) seed;
        this.k1 = (int) (seed >>> 32);
        this.s0 = (int) streamId;
        this.s1 = (int) (streamId >>> 32);
    }

    public long seed() {
        return seed;
    }

    public long streamId() {
        return streamId;
    }

    /** The four words of block b. */
    public void block(long b, int[] out, int off) {
        Philox4x32.block((int) b, (int) (b >>> 32), s0, s1, k0, k1, out, off);
    }

    /** 32-bit word j (unsigned, in an int). */
    public int word(long j) {
        int[] w = new int[4];
        block(j >>> 2, w, 0);
        return w[(int) (j & 3)];
    }

    /** Words first .. first+count-1 into out[off..]. Computes each block once. */
    public void words(long first, int[] out, int off, int count) {
        int[] w = new int[4];
        long j = first;
        int i = 0;
        // a partial block at either end goes through w; whole blocks are written in place
        while (i < count && ((j & 3) != 0 || count - i < 4)) {
            block(j >>> 2, w, 0);
            for (int q = (int) (j & 3); q < 4 && i < count; q++, i++, j++) {
                out[off + i] = w[q];
            }
        }
        for (; count - i >= 4; i += 4, j += 4) {
            long b = j >>> 2;
            Philox4x32.block((int) b, (int) (b >>> 32), s0, s1, k0, k1, out, off + i);
        }
        while (i < count) {
            block(j >>> 2, w, 0);
            for (int q = 0; q < 4 && i < count; q++, i++, j++) {
                out[off + i] = w[q];
            }
        }
    }

    /** Float uniform in [0,1) from one word (conversion only; the draw is {@link #uniformFloat(long)}). */
    public static float wordToFloat(int word) {
        return (word >>> 8) * TWO_POW_M24;
    }

    /** Float uniform j in [0,1). */
    public float uniformFloat(long j) {
        return wordToFloat(word(j));
    }

    public double uniform(long j) {
        int[] w = new int[4];
        block(j >>> 1, w, 0);
        int q = (int) (j & 1) * 2;
        return toUnitInterval(w[q], w[q + 1]);
    }

    /** (u64 &gt;&gt;&gt; 11) * 2^-53 with u64 = hi &lt;&lt; 32 | lo. */
    static double toUnitInterval(int lo, int hi) {
        long u = ((long) hi << 32) | (lo & 0xffffffffL);
        return (u >>> 11) * TWO_POW_M53;
    }

    public double gaussian(long j) {
        double[] out = new double[1];
        gaussians(j, out, 0, 1);
        return out[0];
    }

    /** Gaussians first .. first+count-1; each pair shares a block (Box-Muller cos / sin). */
    public void gaussians(long first, double[] out, int off, int count) {
        int[] w = new int[4];
        long j = first;
        int i = 0;
        while (i < count) {
            block(j >>> 1, w, 0);
            double u1 = (((((long) w[1] << 32) | (w[0] & 0xffffffffL)) >>> 11) + 1) * TWO_POW_M53;
            double u2 = toUnitInterval(w[2], w[3]);
            double r = Math.sqrt(-2.0 * Math.log(u1));
            double theta = 2.0 * Math.PI * u2;
            if ((j & 1) == 0) {
                out[off + i++] = r * Math.cos(theta);
                j++;
                if (i == count) {
                    break;
                }
            }
            out[off + i++] = r * Math.sin(theta);
            j++;
        }
    }

    /** Spins (+1/-1 bytes) first .. first+count-1; 32 spins per word. */
    public void spins(long first, byte[] out, int off, int count) {
        int[] w = new int[4];
        long j = first;
        int i = 0;
        long cachedBlock = -1;
        while (i < count) {
            long wordIndex = j >>> 5;
            long b = wordIndex >>> 2;
            if (b != cachedBlock) {
                block(b, w, 0);
                cachedBlock = b;
            }
            int word = w[(int) (wordIndex & 3)];
            out[off + i++] = (byte) (((word >>> (int) (j & 31)) & 1) == 1 ? 1 : -1);
            j++;
        }
    }

    /** Streams that differ only in a trailing index (replica, move, ...): the family's own id mixed with it. */
    public record Family(long seed, long baseId) {
        public RandomStream stream(long index) {
            return new RandomStream(seed, StreamIds.mix(baseId + 0x9E3779B97F4A7C15L * (index + 1)));
        }
    }

    public Family family() {
        return new Family(seed, streamId);
    }

    /** Integer in [0, n) from one word: multiply-shift. */
    public static int below(int word, int n) {
        return (int) (((word & 0xffffffffL) * n) >>> 32);
    }
}
