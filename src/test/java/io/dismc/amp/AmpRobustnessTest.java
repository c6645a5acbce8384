package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.GaussianMatrices;
import io.dismc.backend.cpu.StoredMatrices;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Divergence is recorded per instance, never thrown; bad parameters are refused with their range. */
class AmpRobustnessTest {
    /** F + c 1 1^T for one instance of the batch: a non-zero-mean matrix, on which AMP diverges (pitfall P2). */
    private static final class MeanShifted implements GaussianMatrices {
        private final GaussianMatrices f;
        private final double shift;
        private final int which;

        MeanShifted(GaussianMatrices f, double shift, int which) {
            this.f = f;
            this.shift = shift;
            this.which = which;
        }

        @Override
        public int batch() {
            return f.batch();
        }

        @Override
        public int rows() {
            return f.rows();
        }

        @Override
        public int columns() {
            return f.columns();
        }

        @Override
        public void multiply(double[][] x, double[][] out, boolean[] active, boolean squared) {
            f.multiply(x, out, active, squared);
            if (active[which]) {
                double s = 0;
                for (int i = 0; i < columns(); i++) {
                    s += x[which][i];
                }
                for (int mu = 0; mu < rows(); mu++) {
                    out[which][mu] += shift * s;
                }
            }
        }

        @Override
        public void multiplyTransposed(double[][] y, double[][] out, boolean[] active, boolean squared) {
            f.multiplyTransposed(y, out, active, squared);
            if (active[which]) {
                double s = 0;
                for (int mu = 0; mu < rows(); mu++) {
                    s += y[which][mu];
                }
                for (int i = 0; i < columns(); i++) {
                    out[which][i] += shift * s;
                }
            }
        }
    }

    @Test
    void divergenceIsRecordedNotThrown() {
        int n = 500;
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-4), n, 0.5);
        AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(200);
        List<InstanceStreams> streams = AmpFixtures.streams("diverge", 0, 2);
        long[] ids = streams.stream().mapToLong(InstanceStreams::matrix).toArray();
        GaussianMatrices shifted = new MeanShifted(new StoredMatrices(AmpFixtures.SEED, ids, p.m(), n, null), 3.0 / n, 1);
        List<AmpResult> runs = new GampBatch(p, s, null).run(shifted, AmpFixtures.SEED, streams);
        AmpResult bad = runs.get(1);
        assertEquals(StopReason.DIVERGED, bad.stop());
        assertTrue(bad.diverged() && !bad.converged() && !bad.success());
        assertEquals(bad.iterations() + 1, bad.divergedAt(), "the diverging update is not recorded; the trace ends before it");
        for (double x : bad.estimate()) {
            assertTrue(Double.isFinite(x), "the last finite iterate is kept");
        }
        // its batch-mate is untouched: converged, and the same bits as alone
        AmpResult good = runs.get(0);
        assertTrue(good.converged() && good.success());
        AmpResult alone = new GampBatch(p, s, null).run(AmpFixtures.INLINE, true, AmpFixtures.SEED, streams.subList(0, 1)).get(0);
        assertArrayEquals(alone.trace().mse(), good.trace().mse());
        assertEquals(-1, good.divergedAt());
    }

    @Test
    void nanFromTheDenoiserIsRecorded() {
        // a denoiser that turns NaN once Sigma falls below 0.1: the iteration where that happens is recorded
        GaussBernoulliPrior prior = GaussBernoulliPrior.standard(0.2);
        Denoiser poisoned = new Denoiser() {
            @Override
            public double estimate(double sigma, double noise, double r) {
                return sigma < 0.1 ? Double.NaN : prior.posteriorMean(sigma, r);
            }

            @Override
            public double variance(double sigma, double noise, double r) {
                return prior.posteriorVariance(sigma, r);
            }

            @Override
            public String name() {
                return "poisoned";
            }
        };
        AmpProblem p = AmpProblem.of(prior, new GaussianNoiseChannel(1e-4), 500, 0.5);
        AmpResult r = new GampBatch(p, AmpSettings.of(poisoned, p.channel()), null).run(AmpFixtures.INLINE, true, AmpFixtures.SEED, AmpFixtures.streams("nan", 0, 1)).get(0);
        assertEquals(StopReason.DIVERGED, r.stop());
        assertTrue(r.divergedAt() >= 2, "diverged at " + r.divergedAt());
        assertTrue(Double.isFinite(r.finalMse()));
        for (int t = 1; t <= r.iterations(); t++) {
            assertTrue(r.trace().meanSigma()[t] >= 0.1, "every recorded step had Sigma >= 0.1");
        }
    }

    private static void assertRefused(Executable e, String... mentions) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        for (String m : mentions) {
            assertTrue(x.getMessage().contains(m), "'" + x.getMessage() + "' should mention " + m);
        }
    }

    @Test
    void badParametersAreRefusedWithTheirRange() {
        assertRefused(() -> GaussBernoulliPrior.standard(0), "rho", "(0, 1]");
        assertRefused(() -> GaussBernoulliPrior.standard(1.2), "rho", "(0, 1]");
        assertRefused(() -> GaussBernoulliPrior.standard(Double.NaN), "rho", "(0, 1]");
        assertRefused(() -> Thresholds.l1(-0.1), "rho", "(0, 1]");
        assertRefused(() -> new GaussianNoiseChannel(-1e-3), "Delta", ">= 0");
        assertRefused(() -> new ProbitChannel(0), "Delta", "> 0");
        assertRefused(() -> AmpProblem.of(BinaryPrior.INSTANCE, SignChannel.INSTANCE, 100, 0), "alpha", "> 0");
        assertRefused(() -> StateEvolution.bayesOptimal(BinaryPrior.INSTANCE, SignChannel.INSTANCE, -1), "alpha", "> 0");
        assertRefused(() -> StateEvolution.softThreshold(GaussBernoulliPrior.standard(0.1), 1, 0.5, -1), "Delta", ">= 0");
        AmpSettings s = AmpSettings.of(BinaryPrior.INSTANCE, SignChannel.INSTANCE);
        assertRefused(() -> s.withDampingOld(1), "dampingOld", "[0, 1)");
        assertRefused(() -> s.withDampingOld(-0.1), "dampingOld", "[0, 1)");
        assertRefused(() -> s.withMaxIterations(0), "maxIterations", ">= 1");
        assertRefused(() -> new SoftThreshold(0), "theta", "> 0");
    }
}
