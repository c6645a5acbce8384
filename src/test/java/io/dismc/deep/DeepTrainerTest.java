package io.dismc.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The trainer's contract: runs are reproducible bit for bit, the learning-rate sweep does not depend on
 * its thread count, divergence is detected and stops the run, SGD and every activation learn, and the
 * parameterizations' multipliers are the documented ones (NTK at width N is muP at gamma sqrt(N0/N)).
 */
class DeepTrainerTest {
    static DeepDataset data(int d, int p, Activation link) {
        return DeepTeacher.random(d, 1, link, 1, new RandomStream(3, 1)).sample(p, new RandomStream(3, 2), 0.1, new RandomStream(3, 3));
    }

    @Test
    void runsAreReproducibleAndTheSweepIgnoresTheThreadCount() {
        DeepNetwork net = new DeepNetwork(8, 16, 3, 1, Activation.TANH, DeepParameterization.MUP, 1, 1, 16);
        DeepDataset train = data(8, 16, Activation.ERF);
        double[] start = net.initialWeights(new RandomStream(3, 4));
        DeepTrainingSpec spec = DeepTrainingSpec.gd(0.05, 50, 5);
        assertArrayEquals(DeepTrainer.train(net, start, train, spec, null, null).weights(),
                DeepTrainer.train(net, start, train, spec, null, null).weights(), "two identical runs");
        LearningRateSweep.Spec sweep = new LearningRateSweep.Spec(net, List.of(16, 32), train, DeepTrainingSpec.gd(1, 40, 3), 0.02, 2, 12,
                new RandomStream(3, 4));
        List<LearningRateSweep.Width> one = LearningRateSweep.run(sweep, 1);
        List<LearningRateSweep.Width> two = LearningRateSweep.run(sweep, 2);
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i).etas(), two.get(i).etas());
            assertArrayEquals(one.get(i).finalLoss(), two.get(i).finalLoss());
            assertEquals(one.get(i).etaStar(), two.get(i).etaStar());
            assertTrue(one.get(i).bracketed(), "N = " + one.get(i).width() + ": bracketed");
            assertTrue(Double.isFinite(one.get(i).divergenceEta()), "N = " + one.get(i).width() + ": reaches divergence");
        }
    }

    @Test
    void divergenceIsDetectedAndStopsTheRun() {
        DeepNetwork net = new DeepNetwork(8, 16, 3, 1, Activation.LINEAR, DeepParameterization.MUP, 1, 1, 16);
        DeepDataset train = data(8, 16, Activation.LINEAR);
        double[] start = net.initialWeights(new RandomStream(3, 4));
        double s0 = Sharpness.top(net, start, train, null).value();
        DeepTrainer.Run r = DeepTrainer.train(net, start, train, DeepTrainingSpec.gd(20 / s0, 500, 5), null, null);
        assertTrue(r.diverged() && r.steps() < 500, "eta = 20 / S(0) diverges early: " + r.steps() + " steps");
        assertTrue(Double.isNaN(r.finalLoss()));
        TrainingSummary s = TrainingSummary.of(net, r, DeepTrainingSpec.gd(20 / s0, 500, 5), train, null, 2);
        assertTrue(s.diverged() && Double.isNaN(s.sharpness()) && s.layers().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"LINEAR", "ERF", "TANH", "RELU"})
    void everyActivationLearnsByGdAndSgd(Activation g) {
        DeepNetwork net = new DeepNetwork(8, 32, 3, 1, g, DeepParameterization.MUP, 1, 1, 32);
        DeepDataset train = data(8, 64, Activation.TANH);
        double[] start = net.initialWeights(new RandomStream(3, 4));
        double eta = 0.5 / Sharpness.top(net, start, train, null).value();
        DeepTrainer.Run gd = DeepTrainer.train(net, start, train, DeepTrainingSpec.gd(eta, 200, 5), null, null);
        assertFalse(gd.diverged());
        assertTrue(gd.finalLoss() < 0.3 * gd.initialLoss(), g + " GD: " + gd.initialLoss() + " -> " + gd.finalLoss());
        DeepTrainingSpec sgdSpec = new DeepTrainingSpec(eta, 200, 16, 5, 100, 10);
        DeepTrainer.Run sgd = DeepTrainer.train(net, start, train, sgdSpec, new RandomStream(3, 9), null);
        assertTrue(sgd.finalLoss() < 0.5 * sgd.initialLoss(), g + " SGD: " + sgd.initialLoss() + " -> " + sgd.finalLoss());
        assertArrayEquals(sgd.weights(), DeepTrainer.train(net, start, train, sgdSpec, new RandomStream(3, 9), null).weights(), "SGD reproducible");
    }

    @Test
    void ntkAtWidthNIsMuPWithAReducedOutputScale() {
        int n = 64;
        int n0 = 16;
        double gamma = 1.5;
        DeepNetwork ntk = new DeepNetwork(8, n, 3, 1, Activation.TANH, DeepParameterization.NTK, gamma, 0.8, n0);
        DeepNetwork mup = new DeepNetwork(8, n, 3, 1, Activation.TANH, DeepParameterization.MUP, gamma * Math.sqrt((double) n0 / n), 0.8, n0);
        assertEquals(mup.multiplier(3), ntk.multiplier(3), 1e-15);
        assertEquals(mup.learningRateFactor(), ntk.learningRateFactor(), 1e-9);
        assertEquals(1 / Math.sqrt(8), ntk.multiplier(1), 1e-15);
        assertEquals(1 / Math.sqrt(n), ntk.multiplier(2), 1e-15);
        assertEquals(1 / (gamma * n), new DeepNetwork(8, n, 3, 1, Activation.TANH, DeepParameterization.MUP, gamma, 1, n0).multiplier(3), 1e-15);
        assertEquals(gamma * gamma * n * 8, new DeepNetwork(8, n, 3, 1, Activation.TANH, DeepParameterization.MUP, gamma, 1, n0)
                .learningRateFactor(), 1e-9);
        // at the base width the two parameterizations are one network
        DeepNetwork base = ntk.withWidth(n0);
        assertEquals(base.multiplier(3), base.withParameterization(DeepParameterization.MUP).multiplier(3), 1e-15);
        assertEquals(base.learningRateFactor(), base.withParameterization(DeepParameterization.MUP).learningRateFactor(), 1e-9);
    }

    @Test
    void timeGridAndSpecValidation() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, DeepTrainingSpec.gd(0.1, 4, 10).timeGrid());
        int[] g = DeepTrainingSpec.gd(0.1, 1000, 3).timeGrid();
        assertArrayEquals(new int[] {0, 10, 100, 1000}, g);
        assertThrows(IllegalArgumentException.class, () -> DeepTrainingSpec.gd(-1, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new DeepTrainingSpec(0.1, 10, 0, 3, 1, 1));
        DeepNetwork net = new DeepNetwork(8, 16, 2, 1, Activation.LINEAR, DeepParameterization.MUP, 1, 1, 16);
        assertThrows(IllegalArgumentException.class, () -> DeepTrainer.train(net, new double[3], data(8, 16, Activation.LINEAR),
                DeepTrainingSpec.gd(0.1, 10, 3), null, null));
        assertThrows(IllegalArgumentException.class, () -> DeepTrainer.train(net, net.initialWeights(new RandomStream(1, 1)),
                data(8, 16, Activation.LINEAR), new DeepTrainingSpec(0.1, 10, 4, 3, 10, 1), null, null));
    }
}
