package io.dismc.twolayer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerTrainer;
import io.dismc.twolayer.kernel.KernelMetrics;
import io.dismc.twolayer.kernel.PosteriorSampling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delta -&gt; infinity limit of Bayesian transfer (docs/models.md 3.6.2): with the hidden weights pinned to the source
 * draws and the readout keeping its own N(0, 1) prior, the target posterior mean is readout-only kernel ridge
 * regression on the source draws' features, computed exactly from the samples; coupling the readout too (the trainer's
 * elastic term on every weight, without the change of variables) shrinks the predictor and fails the same check.
 */
class BayesianTransferTest {
    static final int N = 16;
    static final double RIDGE = 0.1;
    static final long SEED = 21;

    /** What one delta = 1000 transfer run gives: the network's posterior mean and the limits on the same test set. */
    record Limit(double[] network, double[] exact, double[] frozen, double[] coupledReadout, double[] y) {
        double scale() {
            return KernelMetrics.rms(exact, new double[exact.length]);
        }
    }

    static Limit run(int n, int k, PosteriorSampling.Schedule s, boolean control) {
        TwoLayerNetwork net = BayesianTransfer.network(n, k, Activation.RELU, 1.0);
        TransferTask task = TransferTask.of(TransferTask.Kind.LINEAR, n, 1, Activation.RELU, 0.9, new RandomStream(SEED, 1),
                new RandomStream(SEED, 2));
        Dataset source = data(n, 4 * n, 3, true, task);
        Dataset target = data(n, 2 * n, 4, false, task);
        Dataset test = Dataset.gaussianInputs(n, 200, new RandomStream(SEED, 5));
        double delta = 1000;
        int chains = s.chains();
        try (CpuBackend cpu = new CpuBackend(2)) {
            List<float[]> starts = new ArrayList<>();
            List<RandomStream> noise = new ArrayList<>();
            for (int c = 0; c < chains; c++) {
                starts.add(TwoLayerTrainer.initialWeights(net, new RandomStream(SEED, 10 + 2 * c)));
                noise.add(new RandomStream(SEED, 11 + 2 * c));
            }
            BayesianTransfer.SourcePosterior post = BayesianTransfer.sampleSource(net, source, RIDGE, s, starts, noise, cpu);
            float[][] anchors = post.last();
            List<float[]> tStarts = new ArrayList<>();
            List<RandomStream> tNoise = new ArrayList<>();
            for (int c = 0; c < chains; c++) {
                tStarts.add(BayesianTransfer.priorStart(net, anchors[c], delta, new RandomStream(SEED, 20 + 2 * c)));
                tNoise.add(new RandomStream(SEED, 21 + 2 * c));
            }
            double[] f = BayesianTransfer.sampleTarget(net, target, test, RIDGE, delta, anchors, tStarts, tNoise, s, cpu).mean();
            // exact from the anchors: each chain's delta = infinity posterior mean is the KRR on its anchor's kernel
            double[] exact = new double[test.p()];
            for (float[] a : anchors) {
                double[] fa = BayesianTransfer.frozenPredictor(net, List.of(a), target, test, RIDGE);
                for (int q = 0; q < exact.length; q++) {
                    exact[q] += fa[q] / anchors.length;
                }
            }
            // the theory line: the kernel averaged over every source draw
            double[] frozen = BayesianTransfer.frozenPredictor(net, post.draws(), target, test, RIDGE);
            double[] coupled = null;
            if (control) {
                // the elastic term on every weight (readout anchored at 0 with precision 1 + delta), no change of variables
                float[][] zeroReadout = new float[chains][];
                List<float[]> cStarts = new ArrayList<>();
                for (int c = 0; c < chains; c++) {
                    zeroReadout[c] = new float[net.parameterCount()];
                    System.arraycopy(anchors[c], 0, zeroReadout[c], 0, k * n);
                    cStarts.add(zeroReadout[c].clone());
                }
                double t = PosteriorSampling.temperature(net, RIDGE, target.p());
                PosteriorSampling.Schedule slow = new PosteriorSampling.Schedule(s.step() / (1 + delta), s.burnIn(), s.thin(), s.draws(), chains);
                coupled = PosteriorSampling.sample(net, target, test, t, t, delta * t, zeroReadout, cStarts, tNoise, slow, false,
                        Double.NaN, cpu).mean();
            }
            return new Limit(f, exact, frozen, coupled, task.targetOutputs(test));
        }
    }

    static double error(double[] f, double[] y) {
        return 0.5 * KernelMetrics.meanSquaredError(f, y);
    }

    /**
     * K = 256, N = 16: the network at delta = 1000 is the exact limit from its anchors within 2% of the predictor's
     * scale (1/delta corrections: prior width 1/sqrt(1001), kappa = 1000/1001); the all-weights coupling is not (its
     * readout shrinks): more than 10x farther and 30% of the scale away.
     */
    @Test
    void largeCouplingIsReadoutOnlyKernelRegressionOnTheAnchors() {
        Limit l = run(16, 256, new PosteriorSampling.Schedule(0.01, 500, 10, 20, 2), true);
        double dExact = KernelMetrics.rms(l.network(), l.exact());
        assertTrue(dExact < 0.02 * l.scale(), "network vs exact delta = infinity limit: " + dExact + " (scale " + l.scale() + ")");
        double dCoupled = KernelMetrics.rms(l.coupledReadout(), l.exact());
        assertTrue(dCoupled > 10 * dExact && dCoupled > 0.3 * l.scale(), "all-weights coupling: " + dCoupled + " vs " + dExact);
    }

    /**
     * K = 1024, N = 8: the kernel averaged over the source draws (the theory line, K -&gt; infinity) gives the network's
     * delta = 1000 target test error within 10% and its predictor within 5% of the scale. Measured (seed 21): 0.0117
     * vs 0.0123, distance 1.6% of the scale; with K = 1024, N = 16: 0.0125 vs 0.0131; with K = 256, N = 16 the gap is
     * 50% (0.0170 vs 0.0112): each anchor's own O(1/sqrt K) kernel fluctuation still counts there.
     */
    @Test
    void averagedSourceKernelIsTheWideLimit() {
        Limit l = run(8, 1024, new PosteriorSampling.Schedule(0.01, 400, 10, 10, 2), false);
        double eNet = error(l.network(), l.y());
        double eFrozen = error(l.frozen(), l.y());
        assertEquals(eFrozen, eNet, 0.1 * eFrozen, "target test error vs averaged-source-kernel regression");
        assertTrue(KernelMetrics.rms(l.network(), l.frozen()) < 0.05 * l.scale(), "distance from the averaged-kernel predictor");
    }

    @Test
    void lazyVarianceOfTheCoupledPrior() {
        assertEquals(1.0, BayesianTransfer.lazyVariance(0), 0);
        assertEquals(0.75, BayesianTransfer.lazyVariance(1), 1e-15);
        assertEquals(111.0 / 121.0, BayesianTransfer.lazyVariance(10), 1e-15);
    }

    @Test
    void polynomialTaskIsTheSecondHermiteOfTheAlignedProjection() {
        TransferTask lin = TransferTask.of(TransferTask.Kind.LINEAR, N, 1, Activation.RELU, 0.5, new RandomStream(3, 1), new RandomStream(3, 2));
        TransferTask poly = TransferTask.of(TransferTask.Kind.POLYNOMIAL, N, 1, Activation.RELU, 0.5, new RandomStream(3, 1), new RandomStream(3, 2));
        Dataset x = Dataset.gaussianInputs(N, 50, new RandomStream(3, 3));
        double[] zs = lin.sourceOutputs(x);
        double[] zt = lin.targetOutputs(x);
        double[] ps = poly.sourceOutputs(x);
        double[] pt = poly.targetOutputs(x);
        double dot = 0;
        for (int mu = 0; mu < 50; mu++) {
            assertEquals((zs[mu] * zs[mu] - 1) / Math.sqrt(2), ps[mu], 1e-5);
            assertEquals((zt[mu] * zt[mu] - 1) / Math.sqrt(2), pt[mu], 1e-5);
        }
        // the directions overlap by rho: w_s . w_t / N = 0.5
        float[] ws = lin.source().weights();
        float[] wt = lin.target().weights();
        for (int i = 0; i < N; i++) {
            dot += ws[i] * wt[i];
        }
        assertEquals(0.5, dot / N, 1e-5);
    }

    static Dataset data(int n, int p, long stream, boolean source, TransferTask task) {
        Dataset d = Dataset.gaussianInputs(n, p, new RandomStream(SEED, stream));
        return d.withTargets(source ? task.sourceOutputs(d) : task.targetOutputs(d));
    }
}
