package io.dismc.twolayer.transfer;

import io.dismc.backend.Backend;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTrainer;
import io.dismc.twolayer.kernel.KernelProblem;
import io.dismc.twolayer.kernel.LazyKernels;
import io.dismc.twolayer.kernel.PosteriorSampling;
import java.util.ArrayList;
import java.util.List;

/**
 * Bayesian transfer learning in the mean-field (muP) two-layer network f(x) = (1/(gamma0 K)) sum_k a_k phi(w_k . x /
 * sqrt N) (docs/models.md 3.6.2, after Lauditi, Bordelon, Pehlevan 2025, "Transfer learning in infinite width feature
 * learning networks"). Source: the posterior of 3.7 (prior N(0, 1) on every weight, likelihood exp(-(K gamma0^2 /
 * (2 ridge)) sum (y - f)^2)) sampled by Langevin. Target, given a source draw W_s: the same likelihood on the target
 * data with the hidden-weight prior exp(-|W|^2/2 - (delta/2)|W - W_s|^2) = N(delta W_s/(1 + delta), 1/(1 + delta)) and
 * the readout's own prior N(0, 1) (not coupled). delta = 0 is learning the target alone; delta -&gt; infinity freezes
 * W = W_s, leaving readout-only kernel regression on the source draw's features.
 *
 * <p>The engine's trainer puts its weight decay and elastic term on every weight. The uncoupled readout is obtained
 * exactly by a change of variables: the trainer samples a' = a / sqrt(1 + delta) of a network whose readout scale is
 * sqrt(1 + delta) / (gamma0 K), with weight decay T, elastic coupling delta T and anchor (W_s, 0): then a' has
 * precision 1 + delta, i.e. a = sqrt(1 + delta) a' has precision 1, and the hidden weights have the prior above; the
 * likelihood and the temperature T = ridge/(P K gamma0^2) are unchanged. The step is divided by 1 + delta, so every
 * weight relaxes in about 1/step steps at every delta. No backend change is needed (CPU and CUDA alike).
 */
public final class BayesianTransfer {
    private BayesianTransfer() {}

    /** The source posterior: every recorded draw of every chain (step-major, then chain) and each chain's last state. */
    public record SourcePosterior(List<float[]> draws, float[][] last) {
        /** Whether every draw is finite (a Langevin step beyond stability sends the weights to infinity, then NaN). */
        public boolean finite() {
            return draws.stream().allMatch(BayesianTransfer::finite) && java.util.Arrays.stream(last).allMatch(BayesianTransfer::finite);
        }
    }

    /** Whether every weight is finite. */
    public static boolean finite(float[] w) {
        for (float v : w) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The muP network of feature-learning strength gamma0 with a trained readout. */
    public static TwoLayerNetwork network(int n, int k, Activation g, double gamma0) {
        if (!(gamma0 > 0) || !Double.isFinite(gamma0)) {
            throw new IllegalArgumentException("gamma0 must be > 0, got " + gamma0);
        }
        return new TwoLayerNetwork(n, k, g, Parameterization.MUP, 1 / gamma0, true);
    }

    /** Draw steps burnIn + j thin, j = 1..draws. */
    static int[] drawSteps(PosteriorSampling.Schedule s) {
        int[] at = new int[s.draws()];
        for (int j = 0; j < at.length; j++) {
            at[j] = s.burnIn() + s.thin() * (j + 1);
        }
        return at;
    }

    /** Samples the source posterior from the given starts (one chain each, with its noise stream). */
    public static SourcePosterior sampleSource(TwoLayerNetwork net, Dataset train, double ridge, PosteriorSampling.Schedule s,
                                               List<float[]> starts, List<RandomStream> noise, Backend backend) {
        double t = PosteriorSampling.temperature(net, ridge, train.p());
        TrainingSpec spec = new TrainingSpec(s.step() / t, t, t, 0, s.steps(), 0, 1);
        List<float[]> draws = new ArrayList<>();
        float[][] last = TwoLayerTrainer.train(net, train, starts, null, noise, spec, backend, drawSteps(s), (step, w, loss) -> {
            for (float[] c : w) {
                draws.add(c.clone());
            }
        });
        return new SourcePosterior(List.copyOf(draws), last);
    }

    /**
     * A start drawn from the target prior given the anchor: hidden delta/(1+delta) W_s + z/sqrt(1+delta), stored readout
     * a' = z'/sqrt(1+delta) (a = z' ~ N(0, 1)); z, z' Gaussians 0.. of the stream. At delta = 0 it is independent of
     * the source.
     */
    public static float[] priorStart(TwoLayerNetwork net, float[] anchor, double delta, RandomStream stream) {
        int hidden = net.k() * net.n();
        double[] z = new double[net.parameterCount()];
        stream.gaussians(0, z, 0, z.length);
        double kappa = delta / (1 + delta);
        double s = 1 / Math.sqrt(1 + delta);
        float[] w = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            w[i] = (float) ((i < hidden ? kappa * anchor[i] : 0) + s * z[i]);
        }
        return w;
    }

    /**
     * Samples the target posterior, one chain per anchor (a source draw), each started at starts[c] (stored readout
     * a' = a / sqrt(1 + delta), e.g. {@link #priorStart}). Each draw contributes the readout posterior mean given its
     * hidden weights (Rao-Blackwell, PosteriorSampling), so the returned chain means are the posterior-mean predictor.
     */
    public static PosteriorSampling.Draws sampleTarget(TwoLayerNetwork net, Dataset train, Dataset test, double ridge, double delta,
                                                       float[][] anchors, List<float[]> starts, List<RandomStream> noise,
                                                       PosteriorSampling.Schedule s, Backend backend) {
        if (!(delta >= 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be finite and >= 0, got " + delta);
        }
        if (anchors.length != starts.size()) {
            throw new IllegalArgumentException(anchors.length + " anchors for " + starts.size() + " chains");
        }
        double t = PosteriorSampling.temperature(net, ridge, train.p());
        TwoLayerNetwork scaled = new TwoLayerNetwork(net.n(), net.k(), net.activation(), net.parameterization(),
                net.gamma() * Math.sqrt(1 + delta), true);
        int hidden = net.k() * net.n();
        float[][] anchor = new float[anchors.length][];
        for (int c = 0; c < anchors.length; c++) {
            anchor[c] = new float[net.parameterCount()];
            System.arraycopy(anchors[c], 0, anchor[c], 0, hidden); // the readout's anchor is 0: its prior stays N(0, 1)
        }
        PosteriorSampling.Schedule slow = new PosteriorSampling.Schedule(s.step() / (1 + delta), s.burnIn(), s.thin(), s.draws(), s.chains());
        return PosteriorSampling.sample(scaled, train, test, t, t, delta * t, anchor, starts, noise, slow, false, ridge, backend);
    }

    /**
     * The delta -&gt; infinity limit (theory from the source samples): kernel ridge regression on the target data with
     * the source posterior's feature kernel Phi^T Phi / K averaged over the given draws, ridge `ridge`.
     */
    public static double[] frozenPredictor(TwoLayerNetwork net, List<float[]> draws, Dataset train, Dataset test, double ridge) {
        int p = train.p();
        int t = test.p();
        int k = net.k();
        double[] kTrain = new double[p * p];
        double[] kTest = new double[t * p];
        for (float[] w : draws) {
            double[] phiTrain = features(net, net.preactivations(w, train));
            double[] phiTest = features(net, net.preactivations(w, test));
            add(kTrain, TwoLayerObservables.crossKernel(phiTrain, p, phiTrain, p, k), draws.size());
            add(kTest, TwoLayerObservables.crossKernel(phiTest, t, phiTrain, p, k), draws.size());
        }
        symmetrize(kTrain, p);
        return LazyKernels.predict(kTrain, kTest, train.y(), ridge);
    }

    /**
     * The gamma0 -&gt; 0 limit (theory): with no feature learning the source draws are prior draws, each hidden unit of
     * the target is N(0, v) with v = (1 + delta + delta^2)/(1 + delta)^2 whatever the source task, and the predictor is
     * the NNGP kernel ridge regression at that prior variance (input kernel v x . x'/N).
     */
    public static double[] lazyPredictor(Activation g, Dataset train, Dataset test, double delta, double ridge) {
        KernelProblem prob = KernelProblem.of(train.x(), train.y(), test.x(), train.n(), 1 / lazyVariance(delta));
        return LazyKernels.nngpPredictor(prob, g, ridge);
    }

    /** v(delta) = (1 + delta + delta^2)/(1 + delta)^2, the target hidden weights' variance when the anchors are N(0, 1). */
    public static double lazyVariance(double delta) {
        return (1 + delta + delta * delta) / ((1 + delta) * (1 + delta));
    }

    /** The posterior mean over draws of each draw's readout posterior mean on the test set (Rao-Blackwellized). */
    public static double[] posteriorMean(TwoLayerNetwork net, List<float[]> draws, Dataset train, Dataset test, double ridge) {
        double[] m = new double[test.p()];
        for (float[] w : draws) {
            double[] f = PosteriorSampling.readoutPredictor(net, w, train, test, ridge);
            for (int q = 0; q < m.length; q++) {
                m[q] += f[q] / draws.size();
            }
        }
        return m;
    }

    private static double[] features(TwoLayerNetwork net, double[] h) {
        double[] phi = new double[h.length];
        for (int e = 0; e < h.length; e++) {
            phi[e] = net.activation().g(h[e]);
        }
        return phi;
    }

    /** Exact symmetry of the summed training kernel (rounding may differ between (i, j) and (j, i)). */
    private static void symmetrize(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = m;
                a[j * n + i] = m;
            }
        }
    }

    private static void add(double[] sum, double[] term, int count) {
        for (int e = 0; e < sum.length; e++) {
            sum[e] += term[e] / count;
        }
    }
}
