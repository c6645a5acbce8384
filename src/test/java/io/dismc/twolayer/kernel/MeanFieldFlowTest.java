package io.dismc.twolayer.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import org.junit.jupiter.api.Test;

/**
 * The backend's weight-decayed gradient flow of the muP network (MeanFieldFlow: the engine's trainer with the readout
 * stored as z / sqrt K and the rates and decay rescaled, docs/models.md 3.9) against the same flow written out in weight
 * space (NetworkGradientFlow, double precision): the same start, so the same trajectory up to the trainer's float weights.
 */
class MeanFieldFlowTest {
    @Test
    void trainerFlowIsTheWeightSpaceFlow() {
        KernelProblem prob = (KernelProblem) SingleIndexTask.make(16, 40, 100, SingleIndexTask.Target.RELU, 5)[0];
        double gamma = 1;
        double lambda = 1;
        double dt = 0.02;
        int steps = 300;
        double[] exact = NetworkGradientFlow.train(prob, Activation.RELU, 64, gamma, lambda, dt, steps, new RandomStream(11, 64));
        double[] f;
        try (CpuBackend cpu = new CpuBackend(2)) {
            f = MeanFieldFlow.train(prob, Activation.RELU, 64, gamma, lambda, dt, steps, new RandomStream(11, 64), cpu);
        }
        double scale = Math.sqrt(DenseAlgebra.dot(exact, exact) / exact.length);
        double d = SingleIndexTask.rms(f, exact);
        assertTrue(scale > 0.1, "the flow has learned something: " + scale);
        assertTrue(d < 1e-3 * scale, "backend flow = weight-space flow: " + d + " of " + scale);
    }
}
