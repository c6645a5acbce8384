package io.dismc.twolayer.kernel;

import io.dismc.backend.Backend;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.List;

/**
 * Samples the Bayesian posterior of a two-layer network f(x) = c sum_k a_k phi(w_k . x / sqrt D) (readout trained)
 * with the engine's Langevin trainer (docs/models.md 3.7): prior N(0, 1) on every weight (or, with an elastic anchor,
 * N(anchor, 1/elastic-precision) as the caller arranges) and likelihood exp(-(1 / (2 ridge c^2 K)) sum_mu (y - f)^2).
 * For the mean-field network c = 1/(gamma0 K), this is exp(-(K gamma0^2 / (2 ridge)) sum (y - f)^2) of [LBP25a] with
 * ridge = 1/beta; for the NTK readout c = 1/(gamma0 sqrt K) it is exp(-(gamma0^2 / (2 ridge)) sum (y - f)^2).
 * The trainer's Gibbs measure exp(-L/T), L = (1/(2P)) sum (y - f)^2 + (lambda/2)|W|^2, is this posterior at
 * T = ridge c^2 K / P and lambda = T. The chains of one call are the replicas of one training session (batched on the
 * backend); only the recorded draws cross back.
 */
public final class PosteriorSampling {
    private PosteriorSampling() {}

    /**
     * The chain schedule: chains run burnIn + thin x draws Langevin steps of size step in units of the prior's scale
     * (eta = step / T, so the prior relaxes in about 1/step steps at every width and gamma0); draws are taken at steps
     * burnIn + j thin, j = 1..draws.
     */
    public record Schedule(double step, int burnIn, int thin, int draws, int chains) {
        public Schedule {
            if (!(step > 0) || burnIn < 0 || thin < 1 || draws < 1 || chains < 1) {
                throw new IllegalArgumentException("posterior schedule: step > 0, burn-in >= 0, thin >= 1, draws >= 1, chains >= 1");
            }
        }

        public int steps() {
            return burnIn + thin * draws;
        }

        int[] drawSteps() {
            int[] at = new int[draws];
            for (int j = 0; j < draws; j++) {
                at[j] = burnIn + thin * (j + 1);
            }
            return at;
        }
    }

    /**
     * What the chains saw: the posterior-mean test outputs of each chain (chains x T), the feature kernel
     * Phi^T Phi / K of the training points averaged over all draws (P x P; null when not asked for), and every chain's
     * weights at its last step.
     */
    public record Draws(double[][] chainMeans, double[] kernel, float[][] lastWeights) {
        /** The posterior mean over all chains. */
        public double[] mean() {
            int t = chainMeans[0].length;
            double[] m = new double[t];
            for (double[] c : chainMeans) {
                for (int q = 0; q < t; q++) {
                    m[q] += c[q] / chainMeans.length;
                }
            }
            return m;
        }

        /** Monte Carlo standard error of {@link #mean} from the spread between chains, RMS over test points (NaN for one chain). */
        public double monteCarloError() {
            int chains = chainMeans.length;
            if (chains < 2) {
                return Double.NaN;
            }
            double[] m = mean();
            double s = 0;
            for (double[] c : chainMeans) {
                for (int q = 0; q < m.length; q++) {
                    s += (c[q] - m[q]) * (c[q] - m[q]);
                }
            }
            return Math.sqrt(s / ((double) m.length * chains * (chains - 1)));
        }
    }

    /** The trainer's temperature for the likelihood above: T = ridge c^2 K / P. */
    public static double temperature(TwoLayerNetwork net, double ridge, int p) {
        double c = net.readoutScale();
        return ridge * c * c * net.k() / p;
    }

    /**
     * Runs the chains from the given starts (one per chain, with its noise stream) on the training set and records the
     * draws.
     *
     * @param elastic  the trainer's elastic coupling (0: none), with one anchor per chain
     * @param lambda   the trainer's weight decay (the prior's precision times T)
     * @param kernel   whether to accumulate the training points' feature kernel
     */
    public static Draws sample(TwoLayerNetwork net, Dataset train, Dataset test, double temperature, double lambda, double elastic,
                               float[][] anchors, List<float[]> starts, List<RandomStream> noise, Schedule s, boolean kernel,
                               Backend backend) {
        return sample(net, train, test, temperature, lambda, elastic, anchors, starts, noise, s, kernel, Double.NaN, backend);
    }

    /**
     * As above; with a conditional ridge (not NaN) each draw contributes the readout posterior mean given its hidden
     * weights ({@link #readoutPredictor}, exact for the prior N(0, 1) on the readout) instead of its raw outputs: the
     * same posterior mean with the readout's sampling noise integrated out (Rao-Blackwell). Needed where the readout's
     * posterior variance is large, as in the NTK parameterization at small gamma0 (output variance O(1/gamma0^2)).
     */
    public static Draws sample(TwoLayerNetwork net, Dataset train, Dataset test, double temperature, double lambda, double elastic,
                               float[][] anchors, List<float[]> starts, List<RandomStream> noise, Schedule s, boolean kernel,
                               double conditionalRidge, Backend backend) {
        int chains = starts.size();
        int t = test.p();
        int p = train.p();
        int k = net.k();
        double[][] chainMeans = new double[chains][t];
        double[] kern = kernel ? new double[p * p] : null;
        int weight = s.draws() * chains;
        TrainingSpec spec = new TrainingSpec(s.step() / temperature, temperature, lambda, elastic, s.steps(), 0, 1);
        float[][] last = TwoLayerTrainer.train(net, train, starts, anchors, noise, spec, backend, s.drawSteps(), (step, w, loss) -> {
            for (int c = 0; c < chains; c++) {
                double[] f = Double.isNaN(conditionalRidge) ? net.predict(w[c], test)
                        : readoutPredictor(net, w[c], train, test, conditionalRidge);
                for (int q = 0; q < t; q++) {
                    chainMeans[c][q] += f[q] / s.draws();
                }
                if (kern != null) {
                    double[] phi = features(net, net.preactivations(w[c], train));
                    double[] kc = TwoLayerObservables.crossKernel(phi, p, phi, p, k);
                    for (int e = 0; e < kern.length; e++) {
                        kern[e] += kc[e] / weight;
                    }
                }
            }
        });
        return new Draws(chainMeans, kern, last);
    }

    /** Phi = g(H) for pre-activations H (K x P). */
    static double[] features(TwoLayerNetwork net, double[] h) {
        double[] phi = new double[h.length];
        for (int e = 0; e < h.length; e++) {
            phi[e] = net.activation().g(h[e]);
        }
        return phi;
    }

    /** Kernel ridge regression with the feature kernel of the given weights: the readout posterior mean given the hidden weights. */
    public static double[] readoutPredictor(TwoLayerNetwork net, float[] w, Dataset train, Dataset test, double ridge) {
        int p = train.p();
        int k = net.k();
        double[] phiTrain = features(net, net.preactivations(w, train));
        double[] phiTest = features(net, net.preactivations(w, test));
        double[] kTrain = TwoLayerObservables.crossKernel(phiTrain, p, phiTrain, p, k);
        double[] kTest = TwoLayerObservables.crossKernel(phiTest, test.p(), phiTrain, p, k);
        DenseAlgebra.symmetrize(kTrain, p);
        return LazyKernels.predict(kTrain, kTest, train.y(), ridge);
    }
}
