package io.dismc.twolayer.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import org.junit.jupiter.api.Test;

/**
 * The aNTK particle dynamics (docs/models.md, section adaptive kernels): its lazy limit (gamma -&gt; 0: the decaying-NTK
 * gradient flow, LazyNtkFlow), its fixed point's kernel form f(x*) = Phi(x*, X) Delta / lambda, and a finite muP network
 * trained by the same weight-decayed gradient flow (engine's TwoLayerNetwork), which approaches it as the width grows.
 */
class AdaptiveNtkTest {
    private static final Object[] TASK = SingleIndexTask.make(16, 40, 200, SingleIndexTask.Target.RELU, 5);
    private static final KernelProblem PROB = (KernelProblem) TASK[0];

    @Test
    void smallGammaIsTheLazyDecayingNtkFlow() {
        double lambda = 0.05;
        double time = 10;
        double[] lazy = LazyNtkFlow.predict(PROB, Activation.RELU, lambda, time);
        AdaptiveNtk.Solution lazyRun = AdaptiveNtk.solve(PROB, Activation.RELU,
                AdaptiveNtk.Spec.of(0.01, lambda).withParticles(4000).withTime(time, 0), new RandomStream(9, 3), null);
        AdaptiveNtk.Solution richRun = AdaptiveNtk.solve(PROB, Activation.RELU,
                AdaptiveNtk.Spec.of(1, lambda).withParticles(4000).withTime(time, 0), new RandomStream(9, 3), null);
        double scale = Math.sqrt(DenseAlgebra.dot(lazy, lazy) / lazy.length);
        double dLazy = SingleIndexTask.rms(lazyRun.fTest(), lazy);
        double dRich = SingleIndexTask.rms(richRun.fTest(), lazy);
        // measured 0.031 at M = 4000 and 0.017 at M = 16000 (the population's sampling error, ~ 1/sqrt M), of a scale 0.59
        assertTrue(dLazy < 0.1 * scale, "gamma = 0.01 follows the lazy flow: " + dLazy + " of " + scale);
        assertTrue(dRich > 4 * dLazy, "gamma = 1 leaves it: " + dRich + " vs " + dLazy);
    }

    @Test
    void fixedPointIsTheAdaptedKernelMachineAndWideNetworksApproachIt() {
        double gamma = 1;
        double lambda = 1;
        AdaptiveNtk.Solution s = AdaptiveNtk.solve(PROB, Activation.RELU,
                AdaptiveNtk.Spec.of(gamma, lambda).withParticles(2000).withTime(20, 0), new RandomStream(9, 3), null);
        double scale = Math.sqrt(DenseAlgebra.dot(s.fTest(), s.fTest()) / s.fTest().length);
        double form = SingleIndexTask.rms(s.fTest(), s.kernelPredictor(lambda));
        // measured 7e-4 of a scale 0.55 at t = 20 (the slowest particles still relax)
        assertTrue(form < 0.01 * scale, "f(x*) = Phi(x*, X) Delta / lambda at the fixed point: " + form + " of " + scale);
        double dt = s.time() / s.steps();
        double narrow = SingleIndexTask.rms(NetworkGradientFlow.train(PROB, Activation.RELU, 200, gamma, lambda, dt, s.steps(),
                new RandomStream(11, 200)), s.fTest());
        double wide = SingleIndexTask.rms(NetworkGradientFlow.train(PROB, Activation.RELU, 1600, gamma, lambda, dt, s.steps(),
                new RandomStream(11, 1600)), s.fTest());
        // both the network's and the population's sampling errors ~ 1/sqrt(size): expected ratio sqrt((1/1600 + 1/2000) / (1/200 + 1/2000)) = 0.45;
        // measured 0.0187 and 0.0046
        assertTrue(wide < 0.6 * narrow, "the distance falls with the width: " + narrow + " -> " + wide);
        assertTrue(wide < 0.02 * scale, "width 1600 is the aNTK within " + wide + " of " + scale);
    }
}
