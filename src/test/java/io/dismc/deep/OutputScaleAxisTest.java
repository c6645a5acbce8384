package io.dismc.deep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import org.junit.jupiter.api.Test;

/**
 * The output-scale and initialization-variance axes of the outliers (Lauditi, Pehlevan and Bordelon;
 * docs/models.md 6.5, 6.7): a deep linear network (L = 3, D = 32, P = 64, random linear teacher) in muP at
 * N = 64 (N0 = 32), GD at eta = 0.5 / S(0) (half the stability threshold of the start, so every setting
 * runs at the same relative rate) for 300 steps. The first layer's escape top / MP edge grows with the
 * output scale gamma (the function moves at a gamma-independent rate while the features move by
 * O(gamma)) and shrinks with the initialization scale sigma (a large start is lazy, a small one must
 * grow its weights). Measured (draft docs/drafts/deep-spectra.md at N = 256, 400 steps): gamma 0.5, 1, 2
 * at sigma 1: 1.06, 1.29, 1.63; sigma 0.5, 1, 1.5 at gamma 1: 2.77, 1.29, 0.98.
 */
class OutputScaleAxisTest {
    static final int D = 32;
    static final DeepDataset TRAIN = DeepTeacher.random(D, 1, Activation.LINEAR, 1, new RandomStream(2, 1))
            .sample(64, new RandomStream(2, 2), 0, null);

    static double escape(double gamma, double sigma) {
        DeepNetwork net = new DeepNetwork(D, 64, 3, 1, Activation.LINEAR, DeepParameterization.MUP, gamma, sigma, 32);
        double[] w = net.initialWeights(new RandomStream(2, 4));
        double s0 = Sharpness.top(net, w, TRAIN, null).value();
        DeepTrainer.Run run = DeepTrainer.train(net, w, TRAIN, DeepTrainingSpec.gd(0.5 / s0, 300, 2), null, null);
        assertTrue(!run.diverged(), "gamma " + gamma + ", sigma " + sigma + " diverged");
        return WeightSpectrum.of(net, run.weights(), 1, 1, 0.0).escape();
    }

    @Test
    void outliersGrowWithTheOutputScaleAndShrinkWithTheInitialization() {
        double g05 = escape(0.5, 1);
        double g1 = escape(1, 1);
        double g2 = escape(2, 1);
        assertTrue(g05 < g1 && g1 < g2, "escape vs gamma 0.5, 1, 2: " + g05 + ", " + g1 + ", " + g2);
        assertTrue(g2 > 1.2, "gamma 2: an outlier escapes, " + g2);
        double s05 = escape(1, 0.5);
        double s15 = escape(1, 1.5);
        assertTrue(s05 > g1 && g1 > s15, "escape vs sigma 0.5, 1, 1.5: " + s05 + ", " + g1 + ", " + s15);
        assertTrue(s15 < 1.1, "sigma 1.5 stays near its bulk edge: " + s15);
    }
}
