package io.dismc.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Counter addressing, conversions and independence of streams. */
class RandomStreamTest {
    private final RandomStream s = new RandomStream(42, 1001);

    @Test
    void everyDrawIsAddressedByItsIndexAlone() {
        int[] bulk = new int[103];
        s.words(5, bulk, 0, bulk.length);
        for (int j = 0; j < bulk.length; j++) {
            assertEquals(s.word(5 + j), bulk[j], "word " + (5 + j));
        }
        double[] g = new double[51];
        s.gaussians(3, g, 0, g.length);
        for (int j = 0; j < g.length; j++) {
            assertEquals(s.gaussian(3 + j), g[j], 0.0, "gaussian " + (3 + j));
        }
        byte[] spins = new byte[300];
        s.spins(17, spins, 0, spins.length);
        byte[] one = new byte[1];
        for (int j = 0; j < spins.length; j++) {
            s.spins(17 + j, one, 0, 1);
            assertEquals(one[0], spins[j]);
        }
    }

    @Test
    void conversionsFollowTheDocumentedFormulas() {
        int[] w = new int[4];
        s.block(10, w, 0);
        assertEquals((w[0] >>> 8) * 0x1.0p-24f, s.uniformFloat(40L), 0f);
        long u = ((long) w[3] << 32) | (w[2] & 0xffffffffL);
        assertEquals((u >>> 11) * 0x1.0p-53, s.uniform(21L), 0.0);
        long u1 = ((long) w[1] << 32) | (w[0] & 0xffffffffL);
        double r = Math.sqrt(-2 * Math.log(((u1 >>> 11) + 1) * 0x1.0p-53));
        double theta = 2 * Math.PI * (u >>> 11) * 0x1.0p-53;
        assertEquals(r * Math.cos(theta), s.gaussian(20L), 0.0);
        assertEquals(r * Math.sin(theta), s.gaussian(21L), 0.0);
        int word = s.word(7);
        byte[] spin = new byte[1];
        for (int b = 0; b < 32; b++) {
            s.spins(7 * 32 + b, spin, 0, 1);
            assertEquals(((word >>> b) & 1) == 1 ? 1 : -1, spin[0]);
        }
        assertEquals(0, RandomStream.below(0, 10));
        assertEquals(9, RandomStream.below(-1, 10));
    }

    @Test
    void uniformsAndGaussiansHaveTheRightMoments() {
        int n = 200_000;
        double[] g = new double[n];
        s.gaussians(0, g, 0, n);
        double mean = 0;
        double var = 0;
        for (double v : g) {
            mean += v;
            var += v * v;
        }
        mean /= n;
        var = var / n - mean * mean;
        assertEquals(0, mean, 5 / Math.sqrt(n));
        assertEquals(1, var, 5 * Math.sqrt(2.0 / n));
        double um = 0;
        for (int j = 0; j < n; j++) {
            double u = s.uniform(j);
            assertTrue(u >= 0 && u < 1);
            um += u;
        }
        assertEquals(0.5, um / n, 5 * Math.sqrt(1.0 / 12 / n));
    }

    @Test
    void streamsAndSeedsAreIndependent() {
        int n = 4096;
        int[] a = new int[n];
        int[] b = new int[n];
        int[] c = new int[n];
        new RandomStream(42, 1).words(0, a, 0, n);
        new RandomStream(42, 2).words(0, b, 0, n);
        new RandomStream(43, 1).words(0, c, 0, n);
        // correlation of the sign bits between streams is ~ 1/sqrt(n)
        assertTrue(Math.abs(signCorrelation(a, b)) < 5 / Math.sqrt(n));
        assertTrue(Math.abs(signCorrelation(a, c)) < 5 / Math.sqrt(n));
        assertNotEquals(a[0], b[0]);
    }

    @Test
    void streamIdsSeparateEveryCoordinate() {
        long base = StreamIds.of(5, 0, StreamIds.Purpose.PATTERNS, 0);
        assertNotEquals(base, StreamIds.of(6, 0, StreamIds.Purpose.PATTERNS, 0));
        assertNotEquals(base, StreamIds.of(5, 1, StreamIds.Purpose.PATTERNS, 0));
        assertNotEquals(base, StreamIds.of(5, 0, StreamIds.Purpose.DYNAMICS, 0));
        assertNotEquals(base, StreamIds.of(5, 0, StreamIds.Purpose.PATTERNS, 1));
        assertEquals(base, StreamIds.of(5, 0, StreamIds.Purpose.PATTERNS, 0));
        int[] first = new int[8];
        int[] again = new int[8];
        new RandomStream(1, base).words(0, first, 0, 8);
        new RandomStream(1, base).words(0, again, 0, 8);
        assertArrayEquals(first, again);
    }

    private static double signCorrelation(int[] a, int[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += ((a[i] >>> 31) * 2 - 1) * ((b[i] >>> 31) * 2 - 1);
        }
        return s / a.length;
    }
}
