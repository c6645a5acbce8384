package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.cpu.StoredMatrices;
import io.dismc.rng.RandomStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The determinism contract of docs/models.md 4.6: the matrix-free run equals the
 * stored-matrix run bit for bit, a batch gives each instance the bits it gets alone, and neither
 * depends on the thread count. Sizes are odd so that tiles and column blocks end in partial pieces.
 */
class MatricesAndBatchingTest {
    private static final int N = 1037;
    private static final double ALPHA = 0.59;

    private static void assertSameRun(AmpResult x, AmpResult y) {
        AmpTrace a = x.trace();
        AmpTrace b = y.trace();
        assertArrayEquals(a.mse(), b.mse());
        assertArrayEquals(a.meanVariance(), b.meanVariance());
        assertArrayEquals(a.overlap(), b.overlap());
        assertArrayEquals(a.meanSigma(), b.meanSigma());
        assertArrayEquals(a.residual(), b.residual());
        assertArrayEquals(a.onsagerRatio(), b.onsagerRatio());
        assertArrayEquals(x.estimate(), y.estimate());
        assertEquals(x.stop(), y.stop());
    }

    @Test
    void entriesFollowTheirAddress() {
        long seed = 5;
        long stream = 77;
        StoredMatrices f = new StoredMatrices(seed, new long[] {stream}, 41, 29, AmpFixtures.POOL);
        RandomStream s = new RandomStream(seed, stream);
        for (int mu : new int[] {0, 15, 16, 40}) {
            for (int i : new int[] {0, 1, 28}) {
                assertEquals(s.gaussian((long) mu * 29 + i) * (1 / Math.sqrt(29)), f.entry(0, mu, i), 0);
            }
        }
        // F x and F^T y against plain sums (to rounding: the engine's order is fixed, not this one)
        double[] x = new double[29];
        double[] y = new double[41];
        Arrays.setAll(x, i -> Math.sin(i + 1));
        Arrays.setAll(y, k -> Math.cos(k + 1));
        double[][] fx = {new double[41]};
        double[][] fty = {new double[29]};
        boolean[] on = {true};
        f.multiply(new double[][] {x}, fx, on, false);
        f.multiplyTransposed(new double[][] {y}, fty, on, false);
        for (int mu = 0; mu < 41; mu++) {
            double sum = 0;
            for (int i = 0; i < 29; i++) {
                sum += f.entry(0, mu, i) * x[i];
            }
            assertEquals(sum, fx[0][mu], 1e-13);
        }
        for (int i = 0; i < 29; i++) {
            double sum = 0;
            for (int mu = 0; mu < 41; mu++) {
                sum += f.entry(0, mu, i) * f.entry(0, mu, i) * y[mu];
            }
            double[][] sq = {new double[29]};
            f.multiplyTransposed(new double[][] {y}, sq, on, true);
            assertEquals(sum, sq[0][i], 1e-13);
        }
    }

    @Test
    void regeneratedEqualsStoredBitForBit() {
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-4), N, ALPHA);
        List<InstanceStreams> streams = AmpFixtures.streams("bitwise", 0, 2);
        for (VarianceMode mode : VarianceMode.values()) {
            AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(6).withTolerance(0).withVarianceMode(mode);
            GampBatch amp = new GampBatch(p, s, AmpFixtures.POOL);
            List<AmpResult> stored = amp.run(AmpFixtures.LINEAR, true, AmpFixtures.SEED, streams);
            List<AmpResult> regenerated = amp.run(AmpFixtures.LINEAR, false, AmpFixtures.SEED, streams);
            for (int b = 0; b < streams.size(); b++) {
                assertSameRun(stored.get(b), regenerated.get(b));
            }
        }
    }

    @Test
    void exactVariancesGiveTheUniformResultOnGaussianMatrices() {
        // amp.md 3: on i.i.d. F the two versions reach the same final MSE
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-4), N, ALPHA);
        List<InstanceStreams> streams = AmpFixtures.streams("exact", 0, 1);
        AmpResult uniform = AmpFixtures.run(p, AmpSettings.bayesOptimal(p).withMaxIterations(60), streams).get(0);
        AmpResult exact = AmpFixtures.run(p, AmpSettings.bayesOptimal(p).withMaxIterations(60).withVarianceMode(VarianceMode.EXACT), streams).get(0);
        assertEquals(uniform.finalMse(), exact.finalMse(), 0.05 * uniform.finalMse());
        assertTrue(uniform.trace().mse()[1] != exact.trace().mse()[1], "the two versions are different computations");
    }

    @Test
    void batchEqualsOneInstanceAtATime() {
        AmpProblem p = AmpProblem.of(BinaryPrior.INSTANCE, SignChannel.INSTANCE, N, 1.3);
        AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(25).withTolerance(1e-8);
        List<InstanceStreams> streams = AmpFixtures.streams("batch", 0, 3);
        List<AmpResult> batch = new GampBatch(p, s, AmpFixtures.POOL).run(AmpFixtures.LINEAR, true, AmpFixtures.SEED, streams);
        for (int b = 0; b < streams.size(); b++) {
            List<AmpResult> alone = new GampBatch(p, s, null).run(AmpFixtures.INLINE, true, AmpFixtures.SEED, streams.subList(b, b + 1));
            assertSameRun(batch.get(b), alone.get(0));
        }
        // the instances differ (different streams) and stop on their own
        assertTrue(batch.get(0).trace().mse()[1] != batch.get(1).trace().mse()[1]);
    }

    @Test
    void memoryEstimate() {
        // a stored batch: 8 B M N bytes of matrices plus the vectors
        assertEquals(8L * 10 * 1000 * 2000, AmpFixtures.LINEAR.bytes(10, 1000, 2000, true));
        assertEquals(8L * 10 * (9 * 2000 + 7 * 1000), GampBatch.vectorBytes(10, 2000, 1000));
        // N = 1e5, alpha = 0.5: 40 GB stored, a few MB per worker regenerated
        long stored = GampBatch.vectorBytes(1, 100_000, 50_000) + AmpFixtures.LINEAR.bytes(1, 50_000, 100_000, true);
        long regenerated = GampBatch.vectorBytes(1, 100_000, 50_000) + AmpFixtures.LINEAR.bytes(1, 50_000, 100_000, false);
        assertEquals(4e10, stored, 2e8);
        assertTrue(regenerated < 1e8, "regenerated: " + regenerated);
    }
}
