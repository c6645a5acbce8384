package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerTrainer;
import io.dismc.twolayer.kernel.AdaptiveBayesKernel;
import io.dismc.twolayer.kernel.KernelMetrics;
import io.dismc.twolayer.kernel.KernelProblem;
import io.dismc.twolayer.kernel.LazyKernels;
import io.dismc.twolayer.kernel.PosteriorSampling;
import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive kernel predictors (Lauditi, Bordelon, Pehlevan, ICML 2025; docs/models.md 3.7 and 3.9): the Bayesian
 * mean-field (muP) network f(x) = (1 / (gamma0 K)) sum_k z_k phi(w_k . x / sqrt D), prior N(0, 1) on every weight,
 * likelihood exp(-(K gamma0^2 / (2 ridge)) sum_mu (y^mu - f(x^mu))^2), sampled by Langevin at width K, against the
 * theory of its infinite-width limit: the adaptive neural Bayesian kernel (aNBK), the saddle point of the paper's
 * min-max action solved in Java (AdaptiveBayesKernel, not read off the samples), and the lazy limit gamma0 -&gt; 0, the
 * NNGP kernel regression. The same posterior with the NTK readout 1/(gamma0 sqrt K) (feature strength gamma0/sqrt K,
 * lazy at large K) is sampled too. Test losses are mean squared errors on the test set's targets (the papers' test
 * MSE). The aNBK's Monte Carlo estimate is reported with its effective sample fraction and its drift from S/2 samples.
 */
public final class BayesKernelExperiment extends Experiment<BayesKernelExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("16");
    static final Param<Integer> K = TwoLayerParams.k("256");
    static final Param<Integer> TEACHER_K = TwoLayerParams.teacherK("1");
    static final Param<Integer> P = Param.integer("p", "64", 1, 5000, "training examples P");
    static final Param<String> ACTIVATION = Param.choice("activation", "relu", List.of("relu", "erf", "linear"),
            "hidden activation phi (erf means erf(h/sqrt 2))");
    static final Param<Double> GAMMA0 = Param.real("gamma", "0.1,0.3,1", 0, false, 1e3, true,
            "feature-learning strength gamma0 (readout 1/(gamma0 K))");
    static final Param<Double> RIDGE = Param.real("ridge", "0.1", 0, false, 1e6, true,
            "ridge 1/beta: the likelihood's noise variance, also the ridge of the kernel predictors");
    static final Param<Double> STEP = Param.real("step", "0.005", 0, false, 0.5, true,
            "Langevin step in units of the prior's scale (eta = step / T)");
    static final Param<Integer> BURN_IN = Param.integer("burn-in", "1000", 0, 100_000_000, "Langevin steps before sampling");
    static final Param<Integer> THIN = Param.integer("thin", "20", 1, 1_000_000, "steps between posterior draws");
    static final Param<Integer> DRAWS = Param.integer("draws", "30", 1, 1_000_000, "posterior draws per chain");
    static final Param<Integer> CHAINS = Param.integer("chains", "2", 1, 1024, "independent Langevin chains (replicas) per network");
    static final Param<String> NTK_NETWORK = Param.choice("ntk-network", "on", List.of("on", "off"),
            "also sample the NTK-parameterized network (readout 1/(gamma0 sqrt K))");
    static final Param<Integer> MC_SAMPLES = Param.integer("anbk-samples", "20000", 16, 100_000_000,
            "Monte Carlo samples S of the aNBK saddle point (also solved with S/2: anbk_drift)");
    static final Param<String> ESTIMATOR = Param.choice("anbk-estimator", "auto", List.of("auto", "radial", "control-variate"),
            "aNBK Monte Carlo: radial (radius integrated exactly; relu, linear), control-variate (any); auto: radial where it applies");
    static final Param<Integer> TEST = Param.integer("test-size", "500", 10, 1_000_000, "test examples");
    static final List<Param<?>> INSTANCE = List.of(N, P, TEACHER_K, ACTIVATION, TEST, TwoLayerParams.DATASET);
    /** Parameters that change only the sampled networks, not the task or the theory (theory lines ignore them). */
    static final List<String> NETWORK_ONLY = List.of("k", "step", "burn-in", "thin", "draws", "chains", "ntk-network");

    /**
     * One sample: test MSE of the muP network's posterior mean, of the NTK-parameterized network's, of the aNBK and NNGP
     * predictors; RMS distances of the network from the two predictors and its Monte Carlo error; the sampled kernel's
     * change from the NNGP kernel, the aNBK kernel's, and the sampled kernel's distance from the aNBK one (relative
     * Frobenius norms on the training points); the aNBK solver's effective sample fraction, Newton steps and residual,
     * and the RMS drift of its predictor between S/2 and S samples.
     */
    public record Result(double test_loss_network, double test_loss_ntk_network, double test_loss_anbk, double test_loss_nngp,
                         double distance_anbk, double distance_nngp, double network_mc_error, double kernel_change,
                         double kernel_change_anbk, double kernel_distance_anbk, double anbk_effective_fraction,
                         int anbk_iterations, double anbk_residual, double anbk_drift) {}

    public BayesKernelExperiment() {
        super(Descriptor.of("bayes-kernel", Result.class)
                .title("Bayesian muP network (Langevin) vs the aNBK saddle-point predictor, the NNGP kernel and the NTK-parameterized"
                        + " network, vs feature-learning strength gamma0 (docs/models.md 3.7)")
                .params(N, K, TEACHER_K, P, ACTIVATION, GAMMA0, RIDGE, STEP, BURN_IN, THIN, DRAWS, CHAINS, NTK_NETWORK, MC_SAMPLES, ESTIMATOR, TEST,
                        TwoLayerParams.DATASET, TwoLayerParams.DATA_DIR)
                .samples(1)
                .table("test_loss_network", "test_loss_ntk_network", "test_loss_anbk", "test_loss_nngp", "distance_anbk",
                        "anbk_effective_fraction")
                .sizeParameter("k")
                .figure(new Figure("gamma", "feature-learning strength gamma0", true,
                        List.of("test_loss_network", "test_loss_ntk_network", "distance_anbk", "network_mc_error"), "test MSE", null, null)
                        .withPanels(Figure.panel("test MSE", "test_loss_network", "test_loss_ntk_network").log(),
                                Figure.panel("RMS distance from aNBK", "distance_anbk", "network_mc_error").log())
                        .withTitleParams("n", "k", "p", "ridge", "dataset")));
    }

    static int examples(Point pt) {
        return pt.get(P);
    }

    @Override
    public void validate(Point pt) {
        TwoLayerParams.checkDataset(pt, pt.get(N));
        if (pt.get(ESTIMATOR).equals("radial") && !homogeneous(activation(pt))) {
            throw new UsageError("--anbk-estimator radial: needs phi(t h) = t phi(h) (--activation relu or linear), not "
                    + pt.get(ACTIVATION));
        }
        if (pt.get(DRAWS) * (long) pt.get(THIN) + pt.get(BURN_IN) > Integer.MAX_VALUE) {
            throw new UsageError("--draws x --thin + --burn-in exceeds 2^31 steps");
        }
    }

    @Override
    public double cost(Point pt) {
        double networks = pt.get(NTK_NETWORK).equals("on") ? 2 : 1;
        double steps = pt.get(BURN_IN) + (double) pt.get(THIN) * pt.get(DRAWS);
        double chains = networks * pt.get(N) * pt.get(K) * (double) examples(pt) * pt.get(CHAINS) * steps;
        double p = examples(pt);
        double r = Math.min(pt.get(N), p);
        double anbk = 1.5 * 20 * pt.get(MC_SAMPLES) * (4 * p * p + 2 * r * p + 3 * r * r);
        return chains + anbk;
    }

    static boolean homogeneous(Activation g) {
        return g == Activation.RELU || g == Activation.LINEAR;
    }

    static boolean radial(Point pt) {
        return switch (pt.get(ESTIMATOR)) {
            case "radial" -> true;
            case "auto" -> homogeneous(activation(pt));
            default -> false;
        };
    }

    static Activation activation(Point pt) {
        return Activation.valueOf(pt.get(ACTIVATION).toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        int p = examples(pt);
        double gamma0 = pt.get(GAMMA0);
        double ridge = pt.get(RIDGE);
        Activation g = activation(pt);
        TwoLayerNetwork mup = new TwoLayerNetwork(n, k, g, Parameterization.MUP, 1 / gamma0, true);
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, mup, pt.get(TEACHER_K), p, pt.get(TEST), false, 0);
        Dataset train = task.train();
        Dataset test = task.test();
        double[] y = task.testTeacher();
        PosteriorSampling.Schedule schedule = new PosteriorSampling.Schedule(pt.get(STEP), pt.get(BURN_IN), pt.get(THIN), pt.get(DRAWS),
                pt.get(CHAINS));

        // Rao-Blackwellized (each draw's readout integrated out): the readout's posterior variance grows as 1/(gamma0^2 K)
        PosteriorSampling.Draws network = sample(unit, mup, train, test, ridge, schedule, 0, true, ridge, backend);
        double ntkLoss = Double.NaN;
        if (pt.get(NTK_NETWORK).equals("on")) {
            TwoLayerNetwork ntk = new TwoLayerNetwork(n, k, g, Parameterization.NTK, 1 / gamma0, true);
            // and here it grows as 1/gamma0^2
            ntkLoss = KernelMetrics.meanSquaredError(sample(unit, ntk, train, test, ridge, schedule, 1, false, ridge, backend).mean(), y);
        }
        double[] f = network.mean();

        KernelProblem prob = KernelProblem.of(train.x(), train.y(), test.x(), n, 1);
        double[] nngpTrain = LazyKernels.nngpTrain(prob, g);
        double[] nngp = LazyKernels.predict(nngpTrain, LazyKernels.nngpTestTrain(prob, g), train.y(), ridge);
        Anbk anbk = anbk(prob, g, gamma0, ridge, pt.get(MC_SAMPLES), radial(pt), unit.instanceStream(INSTANCE, Purpose.LATENTS, 0), backend);
        double kernelDistance = anbk.phi == null ? Double.NaN : KernelMetrics.relativeDistance(network.kernel(), anbk.phi);
        double anbkChange = anbk.phi == null ? Double.NaN : KernelMetrics.relativeDistance(anbk.phi, nngpTrain);
        return new Result(KernelMetrics.meanSquaredError(f, y), ntkLoss,
                anbk.f == null ? Double.NaN : KernelMetrics.meanSquaredError(anbk.f, y), KernelMetrics.meanSquaredError(nngp, y),
                anbk.f == null ? Double.NaN : KernelMetrics.rms(f, anbk.f), KernelMetrics.rms(f, nngp), network.monteCarloError(),
                KernelMetrics.relativeDistance(network.kernel(), nngpTrain), anbkChange, kernelDistance, anbk.effective, anbk.iterations,
                anbk.residual, anbk.drift);
    }

    /**
     * The chains of one network: starts N(0, 1) (TRAINING 2c + offset of the unit), noise TRAINING 2c + 1 + offset, the
     * trainer at T = ridge c^2 K / P with weight decay T (PosteriorSampling).
     */
    static PosteriorSampling.Draws sample(Unit unit, TwoLayerNetwork net, Dataset train, Dataset test, double ridge,
                                          PosteriorSampling.Schedule s, int network, boolean kernel, double conditionalRidge,
                                          Backend backend) {
        List<float[]> starts = new ArrayList<>();
        List<RandomStream> noise = new ArrayList<>();
        for (int c = 0; c < s.chains(); c++) {
            long id = 2L * c + 2L * s.chains() * network;
            starts.add(TwoLayerTrainer.initialWeights(net, unit.stream(Purpose.TRAINING, id)));
            noise.add(unit.stream(Purpose.TRAINING, id + 1));
        }
        double t = PosteriorSampling.temperature(net, ridge, train.p());
        return PosteriorSampling.sample(net, train, test, t, t, 0, null, starts, noise, s, kernel, conditionalRidge, backend);
    }

    /** The aNBK at S and S/2 samples: the predictor, its kernel, the diagnostics; NaN (null arrays) if the solver fails. */
    record Anbk(double[] f, double[] phi, double effective, int iterations, double residual, double drift) {}

    static Anbk anbk(KernelProblem prob, Activation g, double gamma0, double ridge, int samples, boolean radial, RandomStream stream,
                     Backend backend) {
        try {
            AdaptiveBayesKernel full = new AdaptiveBayesKernel(prob, g, AdaptiveBayesKernel.Spec.of(gamma0, ridge).withSamples(samples).withRadial(radial),
                    stream, backend.pool());
            AdaptiveBayesKernel.Solution sol = full.solve();
            double[] f = full.predict(sol);
            double drift = Double.NaN;
            try {
                // the first half of the same samples: how far the estimate still moves with S
                AdaptiveBayesKernel half = new AdaptiveBayesKernel(prob, g,
                        AdaptiveBayesKernel.Spec.of(gamma0, ridge).withSamples(Math.max(2, samples / 2)).withRadial(radial), stream, backend.pool());
                drift = KernelMetrics.rms(f, half.predict(half.solve()));
            } catch (IllegalStateException e) {
                // the half-size estimate found no admissible Newton step: the drift is unknown, the full solution stands
            }
            return new Anbk(f, sol.phi(), sol.effectiveFraction(), sol.iterations(), sol.residual(), drift);
        } catch (IllegalStateException e) {
            return new Anbk(null, null, Double.NaN, -1, Double.NaN, Double.NaN);
        }
    }

    /**
     * The theory lines: the aNBK and NNGP test losses (means over samples) along the figure's horizontal parameter, one
     * pair per combination of the swept parameters that change the task or the theory (not the networks' k, step, ...).
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        return KernelTheoryLines.of(summaries, swept, GAMMA0.name(), NETWORK_ONLY,
                List.of(new KernelTheoryLines.Line("test_loss_anbk", "aNBK (theory)"), new KernelTheoryLines.Line("test_loss_nngp", "NNGP (theory)")));
    }

    @Override
    public long memoryBytes(Point pt) {
        long p = examples(pt);
        long t = pt.get(TEST);
        long n = pt.get(N);
        long s = Math.min(pt.get(MC_SAMPLES), 8 * 256);
        // the chains (one session at a time), the kernel machines (P x P and T x P) and the aNBK's sample blocks
        return MemoryEstimate.twoLayer(pt.get(N), pt.get(K), p, t, pt.get(CHAINS)) + 8L * (8 * p * p + 3 * t * p + s * (p + n + t) * 3);
    }
}
