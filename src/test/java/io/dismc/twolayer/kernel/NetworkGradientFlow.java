package io.dismc.twolayer.kernel;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TwoLayerNetwork;

/**
 * A finite-width mean-field network trained by the gradient flow of {@link AdaptiveNtk}, in weight space with the engine's
 * TwoLayerNetwork: f(x) = (1 / (gamma N)) sum_i z_i phi(w_i . x / sqrt D) (muP, readout trained), Euler steps
 * theta &lt;- theta - dt (N gamma^2 grad (1/2) sum_mu (f - y)^2 + lambda theta) on all weights, w_i(0) ~ N(0, I / lambda0),
 * z_i(0) ~ N(0, 1), units in antithetic pairs (w_{i+1} = w_i, z_{i+1} = -z_i) so that f(0) = 0 as in the particle
 * population. Its pre-activations obey the aNTK equations exactly at any width; the aNTK is the N -&gt; infinity limit.
 */
public final class NetworkGradientFlow {
    private NetworkGradientFlow() {}

    /** Test predictions after time steps x dt, width units (even). */
    public static double[] train(KernelProblem prob, Activation g, int width, double gamma, double weightDecay, double dt, int steps,
                                 RandomStream stream) {
        if (width < 2 || width % 2 != 0 || !(dt > 0) || steps < 0) {
            throw new IllegalArgumentException("network flow: even width >= 2, dt > 0, steps >= 0");
        }
        int d = prob.d();
        int p = prob.p();
        TwoLayerNetwork net = new TwoLayerNetwork(d, width, g, Parameterization.MUP, 1 / gamma, true);
        Dataset train = Dataset.of(d, p, prob.xTrain(), prob.y());
        double[] w = new double[net.parameterCount()];
        double[] noise = new double[(width / 2) * (d + 1)];
        stream.gaussians(0, noise, 0, noise.length);
        double sd = 1 / Math.sqrt(prob.lambda0());
        for (int k = 0; k < width / 2; k++) {
            for (int s = 0; s < 2; s++) {
                int u = 2 * k + s;
                for (int i = 0; i < d; i++) {
                    w[u * d + i] = sd * noise[k * (d + 1) + i];
                }
                w[width * d + u] = (s == 0 ? 1 : -1) * noise[k * (d + 1) + d];
            }
        }
        double[] grad = new double[w.length];
        // TwoLayerNetwork's loss is (1/(2P)) sum (y - f)^2: P N gamma^2 times its gradient is the flow's
        double scale = (double) p * width * gamma * gamma;
        io.dismc.backend.cpu.TwoLayerPasses.Scratch scratch = new io.dismc.backend.cpu.TwoLayerPasses.Scratch(net.shape(), train.p());
        for (int t = 0; t < steps; t++) {
            io.dismc.backend.cpu.TwoLayerPasses.lossAndGradient(net.shape(), w, train.examples(), grad, scratch);
            for (int e = 0; e < w.length; e++) {
                w[e] -= dt * (scale * grad[e] + weightDecay * w[e]);
            }
        }
        return net.predict(w, Dataset.of(d, prob.t(), prob.xTest(), new double[prob.t()]));
    }
}
