package io.dismc.twolayer;

import io.dismc.backend.Backend;
import io.dismc.parallel.Parallel;
import io.dismc.dynamics.LangevinSpec;
import io.dismc.rng.RandomStream;
import java.util.List;

/**
 * Trains replicas of a two-layer network in lockstep: every step computes all replicas' gradients (the
 * forward and backward matrix products, batched on the backend: kernels/two_layer.cu on the GPU; SGD
 * minibatches differ per replica and run on the host) and then applies one backend Langevin step to
 * all replicas at once (kernels/langevin.cu on the GPU). Curves are recorded
 * at the spec's log-spaced times through the observer.
 */
public final class TwoLayerTrainer {
    private TwoLayerTrainer() {}

    /** Called at each recorded time with the step and the replicas' weights (read-only). */
    @FunctionalInterface
    public interface Observer {
        void at(int step, float[][] weights, double[] trainLoss);
    }

    /**
     * @param source elastic anchor per replica (null when spec.elastic() == 0)
     * @return the trained weights, one vector per replica
     */
    public static float[][] train(TwoLayerNetwork net, Dataset data, List<float[]> starts, float[][] source, List<RandomStream> streams,
                                  TrainingSpec spec, Backend backend, Observer observer) {
        return trainOn(net, data, starts, source, streams, spec, backend, observer, false);
    }

    private static float[][] trainOn(TwoLayerNetwork net, Dataset data, List<float[]> starts, float[][] source,
                                     List<RandomStream> streams, TrainingSpec spec, Backend backend, Observer observer,
                                     boolean everyStep) {
        int r = starts.size();
        int dim = net.parameterCount();
        float[][] w = new float[r][];
        for (int k = 0; k < r; k++) {
            w[k] = starts.get(k).clone();
        }
        float[][] grad = new float[r][dim];
        double[] loss = new double[r];
        int[] grid = spec.timeGrid();
        int next = 0;
        LangevinSpec step = new LangevinSpec(spec.eta(), spec.temperature(), spec.weightDecay(), false);
        double hiddenFactor = spec.temperature() == 0 ? net.parameterization().hiddenLearningRateFactor(net.k()) : 1.0;
        double[][] g = new double[r][dim];
        int hidden = net.k() * net.n();
        for (int t = 0; t <= spec.steps(); t++) {
            if (spec.batch() == 0) {
                // full batch: all replicas share the dataset, one batched pass on the backend
                System.arraycopy(backend.training().twoLayerGradients(net, data, w, g), 0, loss, 0, r);
            } else {
                int tt = t;
                Parallel.forEach(backend.pool(), r, k -> loss[k] = net.lossAndGradient(TwoLayerNetwork.widen(w[k]),
                        minibatch(data, spec.batch(), streams.get(k), tt), g[k]));
            }
            for (int k = 0; k < r; k++) {
                for (int i = 0; i < dim; i++) {
                    double gi = g[k][i];
                    if (spec.elastic() > 0) {
                        gi += spec.elastic() * (w[k][i] - source[k][i]);
                    }
                    grad[k][i] = (float) (i < hidden ? gi * hiddenFactor : gi);
                }
            }
            if (everyStep) {
                observer.at(t, w, loss.clone());
            } else if (next < grid.length && grid[next] == t) {
                observer.at(t, w, loss.clone());
                next++;
            }
            if (t == spec.steps()) {
                break;
            }
            backend.training().langevinStep(w, grad, step, streams, t);
        }
        return w;
    }

    /** Like {@link #train} without an elastic anchor, calling the observer after every step (samplers use it). */
    public static float[][] trainEveryStep(TwoLayerNetwork net, Dataset data, List<float[]> starts, List<RandomStream> streams,
                                           TrainingSpec spec, Backend backend, Observer observer) {
        TrainingSpec every = new TrainingSpec(spec.eta(), spec.temperature(), spec.weightDecay(), spec.elastic(), spec.steps(),
                spec.batch(), spec.steps());
        return trainOn(net, data, starts, null, streams, every, backend, observer, true);
    }

    static Dataset minibatch(Dataset d, int b, RandomStream stream, int t) {
        int[] words = new int[b];
        stream.words((1L << 40) + (long) t * b, words, 0, b);
        double[] x = new double[b * d.n()];
        double[] y = new double[b];
        for (int q = 0; q < b; q++) {
            int mu = RandomStream.below(words[q], d.p());
            System.arraycopy(d.x(), mu * d.n(), x, q * d.n(), d.n());
            y[q] = d.y()[mu];
        }
        return Dataset.of(d.n(), b, x, y);
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
