package io.dismc.twolayer;

import io.dismc.backend.Backend;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.TrainingSnapshot;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.rng.RandomStream;
import java.util.List;

/**
 * Trains replicas of a two-layer network in lockstep on the backend (docs/models.md 3.3): one training
 * session holds the examples and every replica's weights for the whole run (on the GPU they stay on the
 * device: kernels/two_layer.cu, kernels/langevin.cu), takes the steps there (full batch or SGD
 * minibatches, drawn per replica from its stream), and brings back the weights and losses only at the
 * recorded times, where the observer sees them.
 */
public final class TwoLayerTrainer {
    private TwoLayerTrainer() {}

    /** Called at each recorded time with the step, the replicas' weights and their data-term losses. */
    @FunctionalInterface
    public interface Observer {
        void at(int step, float[][] weights, double[] trainLoss);
    }

    /**
     * Records at the spec's log-spaced times ({@link TrainingSpec#timeGrid}).
     *
     * @param source elastic anchor per replica (used when spec.elastic() &gt; 0)
     * @return the trained weights, one vector per replica
     */
    public static float[][] train(TwoLayerNetwork net, Dataset data, List<float[]> starts, float[][] source, List<RandomStream> streams,
                                  TrainingSpec spec, Backend backend, Observer observer) {
        return train(net, data, starts, source, streams, spec, backend, spec.timeGrid(), observer);
    }

    /** Records nothing on the way: only the trained weights come back. */
    public static float[][] train(TwoLayerNetwork net, Dataset data, List<float[]> starts, float[][] source, List<RandomStream> streams,
                                  TrainingSpec spec, Backend backend) {
        return train(net, data, starts, source, streams, spec, backend, new int[0], (t, w, l) -> {});
    }

    /**
     * Records at the given steps (increasing, within 0 .. spec.steps()).
     *
     * @return the trained weights, one vector per replica
     */
    public static float[][] train(TwoLayerNetwork net, Dataset data, List<float[]> starts, float[][] source, List<RandomStream> streams,
                                  TrainingSpec spec, Backend backend, int[] recordAt, Observer observer) {
        for (int q = 0; q < recordAt.length; q++) {
            if (recordAt[q] < 0 || recordAt[q] > spec.steps() || (q > 0 && recordAt[q] <= recordAt[q - 1])) {
                throw new IllegalArgumentException("recorded steps must increase within 0 .. " + spec.steps());
            }
        }
        LangevinSpec step = new LangevinSpec(spec.eta(), spec.temperature(), spec.weightDecay(), false);
        // muP gradient descent moves the hidden weights at rate eta K; Langevin keeps the plain rate (its Gibbs measure)
        double hiddenFactor = spec.temperature() == 0 ? net.parameterization().hiddenLearningRateFactor(net.k()) : 1.0;
        TwoLayerRule rule = new TwoLayerRule(step, spec.elastic(), hiddenFactor, spec.batch());
        float[][] w0 = starts.toArray(float[][]::new);
        try (TwoLayerSession session = backend.training().openTwoLayer(net.shape(), data.examples(), rule, w0,
                spec.elastic() > 0 ? source : null, streams)) {
            for (int t : recordAt) {
                session.advanceTo(t);
                TrainingSnapshot s = session.snapshot();
                observer.at(t, s.weights(), s.losses());
            }
            session.advanceTo(spec.steps());
            return session.weights();
        }
    }

    /** Like {@link #train} without an elastic anchor, calling the observer after every step (tests of the sampler use it). */
    public static float[][] trainEveryStep(TwoLayerNetwork net, Dataset data, List<float[]> starts, List<RandomStream> streams,
                                           TrainingSpec spec, Backend backend, Observer observer) {
        int[] every = new int[spec.steps() + 1];
        for (int t = 0; t <= spec.steps(); t++) {
            every[t] = t;
        }
        return train(net, data, starts, null, streams, spec, backend, every, observer);
    }

    /** Initial weights: W entries N(0,1) (draws 0 .. K N - 1), readout N(0,1) when trained. */
    public static float[] initialWeights(TwoLayerNetwork net, RandomStream stream) {
        double[] z = new double[net.parameterCount()];
        stream.gaussians(0, z, 0, z.length);
        float[] w = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            w[i] = (float) z[i];
        }
        return w;
    }
}
