package io.dismc.twolayer.kernel;

import io.dismc.backend.Backend;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.List;

/**
 * Gradient flow with weight decay of the finite-width mean-field network of {@link AdaptiveNtk},
 * f(x) = (1 / (gamma K)) sum_i z_i phi(w_i . x / sqrt D), on (1/2) sum_mu (f(x_mu) - y_mu)^2 with learning rate
 * K gamma^2 on every weight (the authors' GF.py): d theta / dt = -K gamma^2 grad (1/2) sum (f - y)^2 - lambda theta,
 * run by the engine's trainer (on the backend: TwoLayerTrainer) as Euler steps dt (docs/models.md 3.9).
 *
 * <p>The trainer's muP step moves the hidden weights at rate eta K and the readout at rate eta (TrainingSpec, on the
 * data loss (1/(2P)) sum (y - f)^2): so eta = P gamma^2 dt and the weight decay lambda / (P gamma^2) give the flow on
 * the hidden weights, and the readout is stored as a = z / sqrt K with readout scale 1 / (gamma sqrt K) (the same f),
 * whose rate eta on a is the rate eta K = K P gamma^2 dt on z. Units come in antithetic pairs (w, z), (w, -z), so
 * f(0) = 0 as in the particle population; w(0) ~ N(0, I / lambda0), z(0) ~ N(0, 1).
 */
public final class MeanFieldFlow {
    private MeanFieldFlow() {}

    /** The network as the trainer holds it: muP, readout scale 1/(gamma sqrt K), readout trained. */
    public static TwoLayerNetwork network(int d, int width, Activation g, double gamma) {
        return new TwoLayerNetwork(d, width, g, Parameterization.MUP, Math.sqrt(width) / gamma, true);
    }

    /** The trainer's schedule: steps Euler steps of dt (gradient descent, T = 0). */
    public static TrainingSpec schedule(double gamma, double weightDecay, double dt, int steps, int p) {
        double eta = p * gamma * gamma * dt;
        return new TrainingSpec(eta, 0, weightDecay / (p * gamma * gamma), 0, steps, 0, 1);
    }

    /**
     * Antithetic start weights: pair k has w ~ N(0, I / lambda0) from Gaussians k (D + 1) .. k (D + 1) + D - 1 and
     * z = +-(Gaussian k (D + 1) + D), stored as a = z / sqrt K.
     */
    public static float[] start(int d, int width, double lambda0, RandomStream stream) {
        if (width < 2 || width % 2 != 0) {
            throw new IllegalArgumentException("the network flow needs an even width >= 2 (antithetic pairs), got " + width);
        }
        double[] noise = new double[(width / 2) * (d + 1)];
        stream.gaussians(0, noise, 0, noise.length);
        float[] w = new float[width * d + width];
        double sd = 1 / Math.sqrt(lambda0);
        double readout = 1 / Math.sqrt(width);
        for (int k = 0; k < width / 2; k++) {
            for (int s = 0; s < 2; s++) {
                int u = 2 * k + s;
                for (int i = 0; i < d; i++) {
                    w[u * d + i] = (float) (sd * noise[k * (d + 1) + i]);
                }
                w[width * d + u] = (float) ((s == 0 ? 1 : -1) * readout * noise[k * (d + 1) + d]);
            }
        }
        return w;
    }

    /** Trains one network for steps x dt and returns its outputs on the test set. */
    public static double[] train(KernelProblem prob, Activation g, int width, double gamma, double weightDecay, double dt, int steps,
                                 RandomStream stream, Backend backend) {
        int d = prob.d();
        TwoLayerNetwork net = network(d, width, g, gamma);
        Dataset train = Dataset.of(d, prob.p(), prob.xTrain(), prob.y());
        float[] w = TwoLayerTrainer.train(net, train, List.of(start(d, width, prob.lambda0(), stream)), null, List.of(stream),
                schedule(gamma, weightDecay, dt, steps, prob.p()), backend)[0];
        return net.predict(w, Dataset.of(d, prob.t(), prob.xTest(), new double[prob.t()]));
    }
}
