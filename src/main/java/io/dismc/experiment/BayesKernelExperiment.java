package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.KernelRegression;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive kernel predictors (Lauditi, Bordelon, Pehlevan 2025): a wide mean-field Bayesian network
 * f(x) = (1 / (gamma0 K)) sum_k a_k g(w_k . x / sqrt N), prior N(0, 1) on every weight, likelihood
 * exp(-(beta K gamma0^2 / 2) sum_mu (y^mu - f(x^mu))^2), with ridge = 1/beta. Given the hidden weights the
 * readout posterior is Gaussian and its mean predictor is kernel ridge regression with the features'
 * kernel Phi^T Phi / K and ridge 1/beta, whatever gamma0 and K; the hidden weights feel the data through a
 * tilt of order gamma0^2 per unit. So gamma0 -&gt; 0 is the lazy (NNGP) limit, and at large K and finite gamma0
 * the posterior concentrates on an adapted kernel and the network is the kernel machine built from it.
 *
 * <p>The posterior is sampled by the engine's Langevin trainer, whose Gibbs measure is exp(-L/T) with
 * L = (1/(2P)) sum (y - f)^2 + (lambda/2) |W|^2 (TrainingSpec): matching the two gives
 * T = ridge / (P K gamma0^2) and lambda = T. The rate eta = step / T is Langevin on L/T with step "step",
 * i.e. in units of the prior's scale (its relaxation takes about 1/step steps) at every gamma0 and K.
 *
 * <p>Measured on a fresh test set: the network's posterior-mean predictor (outputs averaged over draws
 * and chains), kernel ridge regression with the lazy kernel and with the sampled kernel averaged over
 * the same draws, their test losses, and the RMS distances of the two kernel predictors from the network.
 */
public final class BayesKernelExperiment extends Experiment<BayesKernelExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("16");
    static final Param<Integer> K = TwoLayerParams.k("256");
    static final Param<Integer> TEACHER_K = TwoLayerParams.teacherK("1");
    static final Param<Double> ALPHA = Param.real("alpha", "4", 0, false, 1e6, true, "alpha = P/N");
    static final Param<Double> GAMMA0 = Param.real("gamma", "0.25,0.5,1,2", 0, false, 1e3, true,
            "feature-learning strength gamma0 (readout 1/(gamma0 K))");
    static final Param<Integer> BURN_IN = Param.integer("burn-in", "3000", 0, 100_000_000, "Langevin steps before sampling");
    static final Param<Integer> THIN = Param.integer("thin", "20", 1, 1_000_000, "steps between posterior draws");
    static final Param<Integer> DRAWS = Param.integer("draws", "100", 1, 1_000_000, "posterior draws per chain");
    static final Param<Integer> CHAINS = Param.integer("chains", "2", 1, 1024, "independent Langevin chains (replicas) per sample");
    static final Param<Double> RIDGE = Param.real("ridge", "0.1", 0, false, 1e6, true,
            "ridge 1/beta: the likelihood's noise variance, also the ridge of the kernel predictors");
    static final Param<Double> STEP = Param.real("step", "0.005", 0, false, 0.5, true,
            "Langevin step in units of the prior's scale (eta = step / T)");
    static final Param<Integer> TEST = Param.integer("test-size", "500", 10, 1_000_000, "test examples");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, TEACHER_K, TwoLayerParams.ACTIVATION);

    /**
     * One sample: test losses of the network's posterior mean and of the lazy and adapted kernel machines,
     * the relative change of the kernel, the RMS distances of both machines from the network, and the
     * network's Monte Carlo error from the spread between chains.
     */
    public record Result(double test_loss_network, double test_loss_lazy, double test_loss_adapted, double kernel_change,
                         double distance_lazy, double distance_adapted, double network_mc_error) {}

    public BayesKernelExperiment() {
        super(Descriptor.of("bayes-kernel", Result.class)
                .title("mean-field Bayesian network sampled by Langevin vs lazy (NNGP) and adapted kernel predictors, vs"
                        + " feature-learning strength gamma0 (docs/models.md 3.7)")
                .params(N, K, TEACHER_K, ALPHA, TwoLayerParams.ACTIVATION, GAMMA0, RIDGE, STEP, BURN_IN, THIN, DRAWS, CHAINS, TEST)
                .samples(2)
                .table("test_loss_network", "test_loss_lazy", "test_loss_adapted", "kernel_change", "distance_lazy", "distance_adapted")
                .sizeParameter("k")
                .figure(new Figure("gamma", "feature-learning strength gamma0", true,
                        List.of("test_loss_network", "test_loss_lazy", "test_loss_adapted"), "test loss", null, null)
                        .withLogY().withTitleParams("n", "k", "alpha", "ridge")));
    }

    static int examples(Point pt) {
        long p = Math.round(pt.get(ALPHA) * pt.get(N));
        if (p < 1 || p > 5000) {
            throw new UsageError("--alpha: P = alpha N = " + p + " (accepted: 1 <= P <= 5000, kernel systems are dense)");
        }
        return (int) p;
    }

    @Override
    public void validate(Point pt) {
        examples(pt);
        if (!TwoLayerParams.activation(pt).hasClosedForm()) {
            throw new UsageError("--activation: " + pt.get(TwoLayerParams.ACTIVATION)
                    + " has no closed-form lazy (NNGP) kernel (accepted here: erf, linear, relu)");
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * pt.get(K) * examples(pt) * pt.get(CHAINS)
                * (pt.get(BURN_IN) + (long) pt.get(THIN) * pt.get(DRAWS));
    }

    /** The Langevin temperature whose Gibbs measure is the posterior above: T = ridge / (P K gamma0^2). */
    static double temperature(double ridge, int p, int k, double gamma0) {
        return ridge / ((double) p * k * gamma0 * gamma0);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int k = pt.get(K);
        int p = examples(pt);
        double gamma0 = pt.get(GAMMA0);
        double ridge = pt.get(RIDGE);
        TwoLayerNetwork net = new TwoLayerNetwork(pt.get(N), k, TwoLayerParams.activation(pt), Parameterization.MUP, 1 / gamma0, true);
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, net, pt.get(TEACHER_K), p, pt.get(TEST), false, 0);
        Dataset train = task.train();
        Dataset test = task.test();
        int burn = pt.get(BURN_IN);
        int thin = pt.get(THIN);
        int draws = pt.get(DRAWS);
        int chains = pt.get(CHAINS);
        double t = temperature(ridge, p, k, gamma0);
        TrainingSpec spec = new TrainingSpec(pt.get(STEP) / t, t, t, 0, burn + thin * draws, 0, 1);

        int tp = test.p();
        double[][] chainMean = new double[chains][tp];
        double[] kTrain = new double[p * p];
        double[] kTest = new double[tp * p];
        int weight = draws * chains;
        List<float[]> starts = new ArrayList<>();
        List<RandomStream> noise = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            starts.add(TwoLayerTrainer.initialWeights(net, unit.stream(Purpose.TRAINING, 2 * c)));
            noise.add(unit.stream(Purpose.TRAINING, 2 * c + 1));
        }
        int[] drawn = new int[draws]; // only the draws cross back from the backend
        for (int j = 0; j < draws; j++) {
            drawn[j] = burn + thin * (j + 1);
        }
        TwoLayerTrainer.train(net, train, starts, null, noise, spec, backend, drawn, (step, w, loss) -> {
            if (step > burn && (step - burn) % thin == 0) {
                for (int c = 0; c < chains; c++) {
                    double[] f = net.predict(w[c], test);
                    for (int q = 0; q < tp; q++) {
                        chainMean[c][q] += f[q] / draws;
                    }
                    double[] phiTrain = activations(net, net.preactivations(w[c], train));
                    accumulateKernel(k, phiTrain, p, phiTrain, p, kTrain, weight);
                    accumulateKernel(k, activations(net, net.preactivations(w[c], test)), tp, phiTrain, p, kTest, weight);
                }
            }
        });
        double[] network = new double[tp];
        for (double[] m : chainMean) {
            for (int q = 0; q < tp; q++) {
                network[q] += m[q] / chains;
            }
        }
        double[] lazyTrain = KernelRegression.lazyKernel(net.activation(), train, train);
        double[] lazy = KernelRegression.predict(lazyTrain, KernelRegression.lazyKernel(net.activation(), test, train), train.y(), ridge);
        double[] adapted = KernelRegression.predict(kTrain, kTest, train.y(), ridge);
        double[] y = task.testTeacher();
        return new Result(loss(network, y), loss(lazy, y), loss(adapted, y), relativeDistance(kTrain, lazyTrain), rms(network, lazy),
                rms(network, adapted), chains < 2 ? Double.NaN : monteCarloError(chainMean, network));
    }

    /** Phi = g(H) for pre-activations H (K x P). */
    static double[] activations(TwoLayerNetwork net, double[] h) {
        double[] phi = new double[h.length];
        for (int e = 0; e < h.length; e++) {
            phi[e] = net.activation().g(h[e]);
        }
        return phi;
    }

    /** target += Phi_a^T Phi_b / (K weight): one draw's share of the posterior-averaged kernel. */
    static void accumulateKernel(int k, double[] phiA, int pa, double[] phiB, int pb, double[] target, int weight) {
        double[] kern = TwoLayerObservables.crossKernel(phiA, pa, phiB, pb, k);
        for (int e = 0; e < kern.length; e++) {
            target[e] += kern[e] / weight;
        }
    }

    static double loss(double[] f, double[] y) {
        double s = 0;
        for (int q = 0; q < f.length; q++) {
            s += 0.5 * (f[q] - y[q]) * (f[q] - y[q]);
        }
        return s / f.length;
    }

    static double rms(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += (a[q] - b[q]) * (a[q] - b[q]);
        }
        return Math.sqrt(s / a.length);
    }

    static double relativeDistance(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int e = 0; e < a.length; e++) {
            diff += (a[e] - b[e]) * (a[e] - b[e]);
            norm += b[e] * b[e];
        }
        return Math.sqrt(diff / norm);
    }

    /** Standard error (RMS over test points) of the chain-averaged predictor, from the spread between chains. */
    static double monteCarloError(double[][] chainMean, double[] mean) {
        int chains = chainMean.length;
        double s = 0;
        for (double[] m : chainMean) {
            for (int q = 0; q < mean.length; q++) {
                s += (m[q] - mean[q]) * (m[q] - mean[q]);
            }
        }
        return Math.sqrt(s / ((double) mean.length * chains * (chains - 1)));
    }

    @Override
    public long memoryBytes(Point pt) {
        long p = examples(pt);
        long t = pt.get(TEST);
        // the network's chains, then the kernel machines: P x P and T x P kernels and their solve
        return MemoryEstimate.twoLayer(pt.get(N), pt.get(K), p, t, pt.get(CHAINS)) + 8L * (3 * p * p + 2 * t * p + pt.get(CHAINS) * t);
    }
}
