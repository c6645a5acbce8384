package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.deep.DeepDataset;
import io.dismc.deep.DeepNetwork;
import io.dismc.deep.DeepParameterization;
import io.dismc.deep.DeepTeacher;
import io.dismc.deep.DeepTrainer;
import io.dismc.deep.DeepTrainingSpec;
import io.dismc.deep.LearningRateSweep;
import io.dismc.deep.MarchenkoPastur;
import io.dismc.deep.SpectralRecorder;
import io.dismc.deep.WeightSpectrum;
import io.dismc.parallel.Parallel;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Activation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spectral dynamics of deep networks (Lauditi, Pehlevan, Bordelon 2026; docs/models.md 3.8 and 6): depth-L
 * networks (deep linear with {@code --activation linear}) of hidden width N = {@code --k} on D = {@code --n}
 * Gaussian inputs (or D = input-ratio x N, the proportional limit), P = alpha D examples of a single-index
 * teacher, trained by full-batch GD in the NTK and muP parameterizations. Per learning rate: the final
 * training loss, the sharpness lambda_max(kappa H) against the edge-of-stability line 2/eta, and the top
 * singular values of every layer against their Marchenko-Pastur bulk edge; per width: the learning-rate sweep
 * eta_0 sqrt(2)^k extended until the loss diverges and bracketing the best rate eta* (muP: eta* stays put as
 * the width grows at fixed D; NTK: it moves). CPU only (plain Java, io.dismc.deep).
 */
public final class SpectraExperiment extends Experiment<SpectraExperiment.Result> {
    static final Param<Integer> N = Param.integer("n", "32", 1, 100_000,
            "input dimension D (used when --input-ratio is 0)");
    static final Param<Integer> K = Param.integer("k", "32,64,128", 1, 100_000, "hidden width N of every hidden layer");
    static final Param<Integer> DEPTH = Param.integer("depth", "3", 2, 32, "number of weight layers L (L - 1 hidden layers)");
    static final Param<String> ACTIVATION = Param.choice("activation", "linear", List.of("linear", "erf", "tanh", "relu"),
            "hidden activation (linear: the deep linear network; erf means erf(h/sqrt 2)); also the teacher's link");
    static final Param<Double> ALPHA = Param.real("alpha", "2", 0, false, 1e6, true, "alpha = P/D");
    static final Param<Double> INPUT_RATIO = Param.real("input-ratio", "0", 0, true, 1e3, true,
            "D/N: 0 keeps D = --n at every width; > 0 sets D = round(ratio N), the proportional limit");
    static final Param<String> PARAMETERIZATION = Param.choice("parameterization", "ntk,mup", List.of("ntk", "mup"),
            "readout 1/(gamma sqrt(N0 N)) and rate factor gamma^2 N0 D (ntk), or 1/(gamma N) and gamma^2 N D (mup)");
    static final Param<Double> GAMMA = Param.real("gamma", "1", 0, false, 1e6, true,
            "output scale gamma0: divides the output, gamma^2 multiplies the learning rate (larger: richer)");
    static final Param<Double> SIGMA = Param.real("sigma", "1", 0, false, 1e3, true,
            "initialization standard deviation of every weight (variance sigma^2)");
    static final Param<Integer> BASE_WIDTH = Param.integer("base-width", "32", 1, 100_000, "N0, the width at which ntk and mup coincide");
    static final Param<Double> ETA = Param.real("eta", "0.02,0.028,0.04,0.057,0.08,0.113,0.16,0.226,0.32", 0, false, 1e6, true,
            "learning rate eta (GD moves every weight by eta kappa dL/dw)");
    static final Param<Integer> STEPS = Param.integer("steps", "100", 1, 100_000_000, "full-batch GD steps");
    static final Param<Double> SWEEP_ETA = Param.real("sweep-eta", "0.02", 0, false, 1e6, true,
            "anchor eta_0 of the learning-rate sweep's grid eta_0 sqrt(2)^k (extended until divergence, bracketing eta*)");
    static final Param<Integer> TEST = Param.integer("test-size", "500", 1, 10_000_000, "fresh examples for the test loss");
    static final Param<Integer> TIMES = Param.integer("time-points", "8", 1, 10_000,
            "log-spaced steps at which the history (losses, sharpness, spectra) is recorded");
    /** Parameters that define the data: inputs, teacher, test set (the same at every width, rate, parameterization). */
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, INPUT_RATIO, ACTIVATION);
    /** Parameters that define the initial weights: every rate, parameterization, gamma and sigma start from the same z. */
    static final List<Param<?>> INIT = List.of(N, K, DEPTH, ALPHA, INPUT_RATIO, ACTIVATION);
    static final double SWEEP_RATIO = Math.sqrt(2);
    static final int SWEEP_POINTS = 24;
    /** Singular values per layer kept in the history. */
    static final int TOP = 4;

    /**
     * One run at one learning rate: the final (tail-averaged) training loss and the test loss, whether it
     * diverged; the width's sweep: eta_star, the smallest diverging rate, whether eta* is bracketed; the
     * sharpness lambda_max(kappa H) at the end, at the centre of the last step, at the start, the top of the
     * scaled NTK Gram, 2/eta; the top singular value / sqrt(fan-in) of W1 and W2 with their Marchenko-Pastur
     * bulk edges sigma (sqrt(rows/cols) + 1) and the finite-size expectation of the top at the start
     * (Tracy-Widom), the number of W1 outliers. Arrays: history (rows: recorded steps; columns: step, train
     * loss, test loss, sharpness, central sharpness, NTK top, then the top 4 singular values of each layer) and
     * lr_sweep (rows: the sweep's rates; columns: eta, final loss (NaN when diverged), diverged).
     */
    public record Result(double train_loss, double test_loss, boolean diverged, double eta_star, double divergence_eta,
                         boolean bracketed, double sharpness, double sharpness_central, double sharpness_init, double ntk_top,
                         double two_over_eta, double top_singular_l1, double bulk_edge_l1, double finite_edge_l1, int outliers_l1,
                         double top_singular_l2, double bulk_edge_l2, double finite_edge_l2, NdArray history, NdArray lr_sweep) {}

    public SpectraExperiment() {
        super(Descriptor.of("spectra", Result.class)
                .title("deep networks under GD in NTK vs muP: learning-rate sweep bracketing eta* per width, sharpness against the"
                        + " edge of stability 2/eta, weight spectra against the Marchenko-Pastur edge (docs/models.md 3.8, 6)")
                .params(N, K, DEPTH, ACTIVATION, ALPHA, INPUT_RATIO, PARAMETERIZATION, GAMMA, SIGMA, BASE_WIDTH, ETA, STEPS, SWEEP_ETA,
                        TEST, TIMES)
                .samples(2)
                .table("train_loss", "eta_star", "sharpness", "two_over_eta", "top_singular_l1", "bulk_edge_l1", "top_singular_l2")
                .figure(new Figure("eta", "learning rate eta", true, List.of("train_loss", "sharpness", "sharpness_central",
                        "top_singular_l1", "top_singular_l2"), "", null, null)
                        .withPanels(Figure.panel("final training loss", "train_loss").log(),
                                Figure.panel("sharpness lambda_max(kappa H)", "sharpness", "sharpness_central").log(),
                                Figure.panel("top singular value of W1 / sqrt(D)", "top_singular_l1"),
                                Figure.panel("top singular value of W2 / sqrt(fan-in)", "top_singular_l2"))
                        .withSymbol("k", "N").withSymbol("n", "D")
                        .withTitleParams("n", "depth", "activation", "alpha", "input-ratio", "gamma", "sigma", "base-width", "steps")));
    }

    /** D of the point: --n, or round(input-ratio N). */
    static int inputDim(Point pt) {
        double r = pt.get(INPUT_RATIO);
        if (r == 0) {
            return pt.get(N);
        }
        long d = Math.round(r * pt.get(K));
        if (d < 1) {
            throw new UsageError("--input-ratio: D = round(" + r + " x " + pt.get(K) + ") = " + d + " (accepted: D >= 1)");
        }
        return (int) d;
    }

    static int examples(Point pt) {
        long p = Math.round(pt.get(ALPHA) * inputDim(pt));
        if (p < 1 || p * inputDim(pt) > 200_000_000L) {
            throw new UsageError("--alpha: P = alpha D = " + p + " (accepted: 1 <= P and P D <= 2e8)");
        }
        return (int) p;
    }

    static DeepNetwork network(Point pt) {
        return new DeepNetwork(inputDim(pt), pt.get(K), pt.get(DEPTH), 1, Activation.valueOf(pt.get(ACTIVATION).toUpperCase(Locale.ROOT)),
                DeepParameterization.parse(pt.get(PARAMETERIZATION)), pt.get(GAMMA), pt.get(SIGMA), pt.get(BASE_WIDTH));
    }

    @Override
    public void validate(Point pt) {
        examples(pt);
        try {
            network(pt);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--k/--n/--depth: " + e.getMessage());
        }
    }

    @Override
    public double cost(Point pt) {
        long n = pt.get(K);
        return (double) examples(pt) * (n * inputDim(pt) + (pt.get(DEPTH) - 2) * n * n) * pt.get(STEPS);
    }

    @Override
    public long memoryBytes(Point pt) {
        long n = pt.get(K);
        long params = n * inputDim(pt) + (pt.get(DEPTH) - 2) * n * n + n;
        long activations = (long) examples(pt) * n * pt.get(DEPTH) * 4;
        // the weights and a few copies (Lanczos keeps up to ~60 vectors), data, activations, Gram matrices for the SVD
        return 8 * (64 * params + activations + (long) (examples(pt) + pt.get(TEST)) * inputDim(pt) + 2 * n * n) + (1L << 20);
    }

    /** Units that differ only in the learning rate share one batch, so the width's sweep is computed once per sample. */
    @Override
    public Object batchKey(Point pt) {
        Map<String, Object> v = new TreeMap<>(pt.values());
        v.remove(ETA.name());
        return v;
    }

    /** The task of a unit: the training set and a test set of the teacher. */
    record Task(DeepDataset train, DeepDataset test) {}

    static Task task(Unit unit) {
        Point pt = unit.point();
        int d = inputDim(pt);
        Activation link = Activation.valueOf(pt.get(ACTIVATION).toUpperCase(Locale.ROOT));
        DeepTeacher teacher = DeepTeacher.random(d, 1, link, 1, unit.instanceStream(INSTANCE, Purpose.TEACHER, 0));
        DeepDataset train = teacher.sample(examples(pt), unit.instanceStream(INSTANCE, Purpose.INPUTS, 0), 0, null);
        DeepDataset test = teacher.sample(pt.get(TEST), unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0), 0, null);
        return new Task(train, test);
    }

    static double[] start(Unit unit, DeepNetwork net) {
        return net.initialWeights(unit.instanceStream(INIT, Purpose.TRAINING, 0));
    }

    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        // one sweep per sample of the batch (every unit of a batch has the same point but the learning rate)
        Map<Integer, Unit> bySample = new LinkedHashMap<>();
        for (Unit u : batch) {
            bySample.putIfAbsent(u.sample(), u);
        }
        List<Integer> samples = new ArrayList<>(bySample.keySet());
        LearningRateSweep.Width[] sweeps = new LearningRateSweep.Width[samples.size()];
        Parallel.forEach(backend.pool(), samples.size(), s -> sweeps[s] = sweep(bySample.get(samples.get(s))));
        Map<Integer, LearningRateSweep.Width> sweepOf = new HashMap<>();
        for (int s = 0; s < samples.size(); s++) {
            sweepOf.put(samples.get(s), sweeps[s]);
        }
        Result[] out = new Result[batch.size()];
        Parallel.forEach(backend.pool(), batch.size(), i -> out[i] = unit(batch.get(i), sweepOf.get(batch.get(i).sample())));
        return List.of(out);
    }

    /** The width's learning-rate sweep from the unit's start: GD for --steps at eta_0 sqrt(2)^k. */
    static LearningRateSweep.Width sweep(Unit unit) {
        Point pt = unit.point();
        DeepNetwork net = network(pt);
        Task task = task(unit);
        DeepTrainingSpec spec = DeepTrainingSpec.gd(pt.get(SWEEP_ETA), pt.get(STEPS), 1);
        return LearningRateSweep.sweep(net, start(unit, net), task.train(), spec, pt.get(SWEEP_ETA), SWEEP_RATIO, SWEEP_POINTS, 1);
    }

    private Result unit(Unit unit, LearningRateSweep.Width sweep) {
        Point pt = unit.point();
        DeepNetwork net = network(pt);
        Task task = task(unit);
        double eta = pt.get(ETA);
        DeepTrainingSpec spec = DeepTrainingSpec.gd(eta, pt.get(STEPS), pt.get(TIMES));
        double[] w0 = start(unit, net);
        SpectralRecorder recorder = new SpectralRecorder(net, task.train(), task.test(), TOP, true, true);
        DeepTrainer.Run run = DeepTrainer.train(net, w0, task.train(), spec, null, recorder);
        List<SpectralRecorder.Snapshot> snaps = recorder.snapshots();
        int layers = net.depth();
        int cols = 6 + layers * TOP;
        double[] history = new double[snaps.size() * cols];
        java.util.Arrays.fill(history, Double.NaN);
        for (int r = 0; r < snaps.size(); r++) {
            SpectralRecorder.Snapshot s = snaps.get(r);
            double[] row = {s.step(), s.trainLoss(), s.testLoss(), s.sharpness(), s.centralSharpness(), s.ntkTop()};
            System.arraycopy(row, 0, history, r * cols, row.length);
            for (int l = 0; l < layers; l++) {
                double[] top = s.topSingular()[l];
                for (int q = 0; q < Math.min(TOP, top.length); q++) {
                    history[r * cols + 6 + l * TOP + q] = top[q];
                }
            }
        }
        double[] swept = new double[sweep.etas().length * 3];
        for (int i = 0; i < sweep.etas().length; i++) {
            swept[3 * i] = sweep.etas()[i];
            swept[3 * i + 1] = sweep.finalLoss()[i];
            swept[3 * i + 2] = sweep.diverged()[i] ? 1 : 0;
        }
        double nan = Double.NaN;
        boolean ok = !run.diverged();
        // the last recorded step is the last step: its curvature is the end of training's
        SpectralRecorder.Snapshot last = recorder.last();
        WeightSpectrum.Layer l1 = ok ? WeightSpectrum.of(net, run.weights(), 1, 1, 0.0) : null;
        WeightSpectrum.Layer l2 = ok ? WeightSpectrum.of(net, run.weights(), 2, 1, 0.0) : null;
        double sharpnessInit = snaps.get(0).sharpness();
        return new Result(ok ? run.finalLoss() : nan, ok ? last.testLoss() : nan, run.diverged(), sweep.etaStar(), sweep.divergenceEta(),
                sweep.bracketed(), ok ? last.sharpness() : nan, ok ? last.centralSharpness() : nan, sharpnessInit,
                ok ? last.ntkTop() : nan, 2 / eta, l1 == null ? nan : l1.top()[0], edge(net, 1), finiteEdge(net, 1),
                l1 == null ? 0 : l1.outliers(), l2 == null ? nan : l2.top()[0], edge(net, 2), finiteEdge(net, 2),
                array(history, snaps.size(), cols), array(swept, sweep.etas().length, 3));
    }

    /** The Marchenko-Pastur upper edge sigma (sqrt(rows/cols) + 1) of layer l's singular values / sqrt(fan-in). */
    static double edge(DeepNetwork net, int layer) {
        return MarchenkoPastur.edges((double) net.rows(layer) / net.cols(layer), net.sigma() * net.sigma()).upper();
    }

    /** sigma times the Tracy-Widom mean of the top singular value of one rows x cols Gaussian matrix (NaN below 2 x 2). */
    static double finiteEdge(DeepNetwork net, int layer) {
        int r = net.rows(layer);
        int c = net.cols(layer);
        return r < 2 || c < 2 ? Double.NaN : net.sigma() * MarchenkoPastur.finiteSizeTop(r, c).mean();
    }

    /**
     * Theory lines: the edge-of-stability threshold 2/eta in the sharpness panel (GD is linearly unstable
     * on a quadratic of curvature above it), and the Marchenko-Pastur upper edges of W1 (each width's, or
     * one in the proportional limit) and of W2 in the spectra panels (the bulk an i.i.d. start fills).
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new ArrayList<>();
        TreeSet<Double> etas = new TreeSet<>();
        TreeMap<String, Double> edges1 = new TreeMap<>();
        Map<String, Integer> widthOf = new HashMap<>();
        TreeMap<String, Double> edges2 = new TreeMap<>();
        for (PointSummary s : summaries) {
            Point pt = s.point();
            etas.add(pt.get(ETA));
            DeepNetwork net = network(pt);
            String sigma = pt.get(SIGMA) == 1.0 ? "" : String.format(Locale.ROOT, ", sigma=%s", Point.canonical(pt.get(SIGMA)));
            String name1 = String.format(Locale.ROOT, "MP edge W1 (%d x %d%s): %.3f", net.rows(1), net.cols(1), sigma, edge(net, 1));
            edges1.put(name1, edge(net, 1));
            widthOf.put(name1, pt.get(K));
            String shape2 = net.rows(2) == net.cols(2) ? "N x N" : net.rows(2) + " x " + net.cols(2);
            edges2.put(String.format(Locale.ROOT, "MP edge W2 (%s%s): %.3f", shape2, sigma, edge(net, 2)), edge(net, 2));
        }
        if (etas.isEmpty()) {
            return out;
        }
        double e0 = etas.first();
        double e1 = etas.last();
        int m = 24;
        double[] x = new double[m + 1];
        double[] y = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            x[i] = e0 * Math.pow(e1 / e0, (double) i / m);
            y[i] = 2 / x[i];
        }
        out.add(new TheoryCurve("edge of stability 2/eta", x, y).of("sharpness"));
        // coloured like the curves of its width when the colours follow the width
        edges1.forEach((name, v) -> out.add(TeacherStudentExperiment.level(name, v, e0, e1).of("top_singular_l1")
                .at(K.name(), widthOf.get(name))));
        edges2.forEach((name, v) -> out.add(TeacherStudentExperiment.level(name, v, e0, e1).of("top_singular_l2")));
        return out;
    }
}
