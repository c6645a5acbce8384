package io.dismc.rng;

/**
 * Derives 64-bit stream ids from a unit's coordinates: (point key, sample, purpose, replica). The
 * host computes ids and hands them to whichever backend draws, so ids need no CUDA mirror. A point
 * key is a hash of the point's parameter values, so a unit's numbers depend on what it is, not on
 * where it sits in a list or which thread runs it.
 */
public final class StreamIds {
    private StreamIds() {}

    /** What a stream is used for; each purpose gets a disjoint family of streams. */
    public enum Purpose {
        PATTERNS(1), FEATURES(2), LATENTS(3), TEST_EXAMPLES(4), INITIAL_STATE(5), DYNAMICS(6),
        TEACHER(7), INPUTS(8), TRAINING(9), PERTURBATION(10), BENCH(11), NOISE(12);

        final long code;

        Purpose(long code) {
            this.code = code;
        }
    }

    public static long of(long pointKey, long sample, Purpose purpose, long replica) {
        long h = mix(pointKey ^ (purpose.code * 0x9E3779B97F4A7C15L));
        h = mix(h + sample * 0xBF58476D1CE4E5B9L + 1);
        return mix(h + replica * 0x94D049BB133111EBL + 1);
    }

    /** SplitMix64's finalizer: a bijection that spreads every input bit over the output. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-8 bytes of a canonical text, then mixed: the key of a parameter point. */
    public static long hash(String canonical) {
        long h = 0xcbf29ce484222325L;
        for (byte b : canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
