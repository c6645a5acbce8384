package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.kernel.AdaptiveNtk;
import io.dismc.twolayer.kernel.KernelMetrics;
import io.dismc.twolayer.kernel.KernelProblem;
import io.dismc.twolayer.kernel.LazyKernels;
import io.dismc.twolayer.kernel.LazyNtkFlow;
import io.dismc.twolayer.kernel.MeanFieldFlow;
import java.util.List;

/**
 * Gradient flow with weight decay (Lauditi, Bordelon, Pehlevan, ICML 2025, second predictor; docs/models.md 3.9): a
 * mean-field (muP) network of width K, f(x) = (1 / (gamma K)) sum_i z_i phi(w_i . x / sqrt D), trained on the backend by
 * d theta / dt = -K gamma^2 grad (1/2) sum (f - y)^2 - lambda theta (MeanFieldFlow), against its infinite-width limit,
 * the DMFT of one neuron solved by a particle population to the same time (AdaptiveNtk), whose fixed point is the
 * adaptive-NTK kernel machine f(x*) = (Phi + G o C)(x*, X) Delta / (2 lambda); and against the lazy references: NTK
 * kernel ridge regression with the aNTK's ridge 2 lambda, and the exact gamma -&gt; 0 limit of this flow (the NTK
 * decaying with the weights, LazyNtkFlow).
 */
public final class FlowKernelExperiment extends Experiment<FlowKernelExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("16");
    static final Param<Integer> K = TwoLayerParams.k("1024");
    static final Param<Integer> TEACHER_K = TwoLayerParams.teacherK("1");
    static final Param<Integer> P = Param.integer("p", "64", 1, 5000, "training examples P");
    static final Param<String> ACTIVATION = Param.choice("activation", "relu", List.of("relu", "linear", "erf"),
            "hidden activation phi (the lazy flow's closed form needs relu or linear)");
    static final Param<Double> GAMMA = Param.real("gamma", "0.5,1,2", 0, false, 1e3, true,
            "feature-learning strength gamma (readout 1/(gamma K), learning rate K gamma^2)");
    static final Param<Double> LAMBDA = Param.real("lambda", "1", 0, false, 1e6, true, "weight decay lambda");
    static final Param<Double> TIME = Param.real("time", "10", 0, false, 1e6, true, "training time t (the flow's units)");
    static final Param<Integer> PARTICLES = Param.integer("particles", "2000", 4, 100_000_000,
            "particles M of the aNTK population (a multiple of 4)");
    static final Param<Double> TOLERANCE = Param.real("tolerance", "1e-5", 0, true, 1, true,
            "stop the aNTK (and the network, at the same time) once f moves slower than this (relative rate; 0: run to --time)");
    static final Param<Integer> TEST = Param.integer("test-size", "500", 10, 1_000_000, "test examples");
    static final List<Param<?>> INSTANCE = List.of(N, P, TEACHER_K, ACTIVATION, TEST, TwoLayerParams.DATASET);
    static final List<String> NETWORK_ONLY = List.of("k");

    /**
     * One sample: test MSE of the trained network, of the aNTK population, of NTK ridge regression (ridge 2 lambda) and
     * of the lazy decaying flow; RMS distance of the network from the aNTK; the aNTK's distance from its fixed-point
     * kernel form Phi(x*, X) Delta / lambda relative to its outputs' RMS, its time, steps, and whether it converged.
     */
    public record Result(double test_loss_network, double test_loss_antk, double test_loss_ntk, double test_loss_lazy_flow,
                         double distance_antk, double fixed_point_gap, double antk_time, int antk_steps, boolean antk_converged) {}

    public FlowKernelExperiment() {
        super(Descriptor.of("flow-kernel", Result.class)
                .title("muP network trained by gradient flow with weight decay vs the adaptive NTK (DMFT particles) and lazy NTK"
                        + " references, vs feature-learning strength gamma (docs/models.md 3.9)")
                .params(N, K, TEACHER_K, P, ACTIVATION, GAMMA, LAMBDA, TIME, PARTICLES, TOLERANCE, TEST, TwoLayerParams.DATASET,
                        TwoLayerParams.DATA_DIR)
                .samples(1)
                .table("test_loss_network", "test_loss_antk", "test_loss_ntk", "distance_antk", "fixed_point_gap")
                .sizeParameter("k")
                .figure(new Figure("gamma", "feature-learning strength gamma", true, List.of("test_loss_network", "distance_antk"),
                        "test MSE", null, null)
                        .withPanels(Figure.panel("test MSE", "test_loss_network").log(),
                                Figure.panel("RMS distance from aNTK", "distance_antk").log())
                        .withTitleParams("n", "k", "p", "lambda", "time", "dataset")));
    }

    @Override
    public void validate(Point pt) {
        TwoLayerParams.checkDataset(pt, pt.get(N));
        if (pt.get(PARTICLES) % 4 != 0) {
            throw new io.dismc.params.UsageError("--particles: " + pt.get(PARTICLES) + " (accepted: a multiple of 4, antithetic groups)");
        }
        if (pt.get(K) % 2 != 0) {
            throw new io.dismc.params.UsageError("--k: " + pt.get(K) + " (accepted: an even width, antithetic pairs)");
        }
    }

    @Override
    public double cost(Point pt) {
        double p = pt.get(P);
        double steps = 2 * pt.get(TIME) * 40 * p / 64; // dt ~ 1 / (2 lambda_max), lambda_max ~ 0.6 P
        return steps * (pt.get(PARTICLES) * p * (p + 4) + 2.0 * pt.get(K) * pt.get(N) * p);
    }

    static Activation activation(Point pt) {
        return Activation.valueOf(pt.get(ACTIVATION).toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        double gamma = pt.get(GAMMA);
        double lambda = pt.get(LAMBDA);
        Activation g = activation(pt);
        TwoLayerNetwork shape = MeanFieldFlow.network(n, k, g, gamma);
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, shape, pt.get(TEACHER_K), pt.get(P), pt.get(TEST), false, 0);
        Dataset train = task.train();
        Dataset test = task.test();
        double[] y = task.testTeacher();
        KernelProblem prob = KernelProblem.of(train.x(), train.y(), test.x(), n, 1);

        AdaptiveNtk.Solution antk = AdaptiveNtk.solve(prob, g, AdaptiveNtk.Spec.of(gamma, lambda).withParticles(pt.get(PARTICLES))
                .withTime(pt.get(TIME), pt.get(TOLERANCE)), unit.instanceStream(INSTANCE, Purpose.LATENTS, 1), backend.pool());
        // the network takes the population's steps at their mean size, to the same time
        double[] f = MeanFieldFlow.train(prob, g, k, gamma, lambda, antk.time() / antk.steps(), antk.steps(),
                unit.stream(Purpose.TRAINING, 0), backend);
        double[] ntk = LazyKernels.predict(LazyKernels.ntkTrain(prob, g), LazyKernels.ntkTestTrain(prob, g), train.y(), 2 * lambda);
        double lazyFlow = g == Activation.RELU || g == Activation.LINEAR
                ? KernelMetrics.meanSquaredError(LazyNtkFlow.predict(prob, g, lambda, antk.time()), y) : Double.NaN;
        double scale = Math.sqrt(KernelMetrics.meanSquaredError(antk.fTest(), new double[antk.fTest().length]));
        return new Result(KernelMetrics.meanSquaredError(f, y), KernelMetrics.meanSquaredError(antk.fTest(), y),
                KernelMetrics.meanSquaredError(ntk, y), lazyFlow, KernelMetrics.rms(f, antk.fTest()),
                KernelMetrics.rms(antk.fTest(), antk.kernelPredictor(lambda)) / scale, antk.time(), antk.steps(), antk.converged());
    }

    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        return KernelTheoryLines.of(summaries, swept, GAMMA.name(), NETWORK_ONLY,
                List.of(new KernelTheoryLines.Line("test_loss_antk", "aNTK (theory)"),
                        new KernelTheoryLines.Line("test_loss_ntk", "NTK, ridge 2 lambda (lazy theory)"),
                        new KernelTheoryLines.Line("test_loss_lazy_flow", "gamma -> 0 flow (theory)")));
    }

    @Override
    public long memoryBytes(Point pt) {
        long p = pt.get(P);
        long t = pt.get(TEST);
        long m = pt.get(PARTICLES);
        // the population (h, drive, phi, gz, dh: M x P each; test M x T), the network and the kernels
        return MemoryEstimate.twoLayer(pt.get(N), pt.get(K), p, t, 1) + 8L * (m * (6 * p + 2 * t) + 4 * p * p + 3 * t * p);
    }
}
