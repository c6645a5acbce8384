package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTeacher;
import io.dismc.twolayer.TwoLayerTrainer;
import io.dismc.twolayer.kernel.KernelMetrics;
import io.dismc.twolayer.kernel.PosteriorSampling;
import io.dismc.twolayer.transfer.BayesianTransfer;
import io.dismc.twolayer.transfer.TransferTask;
import io.dismc.dataset.Datasets;
import io.dismc.dataset.LabelledData;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;

/**
 * Transfer learning (Lauditi, Bordelon, Pehlevan 2025; docs/models.md 3.6). Protocol {@code gd}: pretrain on data from
 * a source teacher, then train on a target teacher whose units overlap the source's by rho, with the elastic coupling
 * (delta/2)|W - W_source|^2 to the pretrained weights; test error on the target vs delta and rho, against training on
 * the target alone from a random start (same steps, no coupling). Protocol {@code bayes} (docs/models.md 3.6.2): the
 * muP network's source posterior sampled by Langevin at feature-learning strength gamma0, then the target posterior
 * with the hidden weights coupled to a source draw (BayesianTransfer); the posterior-mean predictor's target test
 * error vs delta, rho and gamma0, against the theory of its two limits (delta -&gt; infinity: kernel regression on the
 * source posterior's kernel; gamma0 -&gt; 0: the lazy NNGP predictor, no source information).
 */
public final class TransferExperiment extends Experiment<TransferExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("50");
    static final Param<Integer> K = TwoLayerParams.k("2");
    static final Param<Integer> TEACHER_K = TwoLayerParams.teacherK("2");
    static final Param<Double> ALPHA = Param.real("alpha", "0.5", 0, false, 1e6, true, "target examples per student weight, P_t/(K N)");
    static final Param<Double> SOURCE_ALPHA = Param.real("source-alpha", "8", 0, false, 1e6, true,
            "source examples per student weight, P_s/(K N)");
    static final Param<Double> ALIGNMENT = Param.real("alignment", "0,0.5,0.9", -1, true, 1, true,
            "overlap rho of target and source teacher units");
    static final Param<Double> DELTA = Param.real("delta", "0,0.03,0.1,0.3", 0, true, 1e6, true,
            "elastic coupling delta to the pretrained weights");
    static final Param<String> PROTOCOL = Param.choice("protocol", "gd", List.of("gd", "bayes"),
            "gd: pretrain and fine-tune by gradient descent; bayes: source and target posteriors by Langevin (muP, gamma0)"
                    + "; bayes has its own defaults (docs/models.md 3.6.2)");
    static final Param<String> TASK = Param.choice("task", "network", List.of("network", "linear", "polynomial"),
            "source and target functions: the two-layer teacher (network), its projections (linear) or their second"
                    + " Hermite polynomial (polynomial)");
    static final Param<Double> GAMMA0 = Param.real("gamma0", "1", 0, false, 1e3, true,
            "bayes: feature-learning strength gamma0 of the muP network (readout 1/(gamma0 K))");
    static final Param<Double> RIDGE = Param.real("ridge", "0.1", 0, false, 1e6, true,
            "bayes: ridge 1/beta, the likelihood's noise variance (and the ridge of the kernel limits)");
    static final Param<Double> STEP = Param.real("step", "0.005", 0, false, 0.5, true,
            "bayes: Langevin step in units of the prior's scale");
    static final Param<Integer> BURN_IN = Param.integer("burn-in", "1000", 0, 100_000_000, "bayes: Langevin steps before sampling");
    static final Param<Integer> THIN = Param.integer("thin", "20", 1, 1_000_000, "bayes: steps between posterior draws");
    static final Param<Integer> DRAWS = Param.integer("draws", "20", 1, 1_000_000, "bayes: posterior draws per chain");
    static final Param<Integer> CHAINS = Param.integer("chains", "2", 1, 1024,
            "bayes: Langevin chains; each target chain is coupled to the last draw of one source chain");
    static final Param<String> SOURCE_DATASET = Param.text("source-dataset", "teacher",
            "bayes: the source task's dataset when --dataset is a real one (the same forms as --dataset, the same D = N)");
    static final List<Param<?>> INSTANCE = List.of(N, K, TEACHER_K, ALPHA, SOURCE_ALPHA, ALIGNMENT, TwoLayerParams.ACTIVATION);

    // The datasets enter the families that use them (a real one splits batches and streams; the synthetic default is
    // unkeyed, so synthetic runs draw what they drew before these options); the target data and the uncoupled target
    // chains do not depend on the source dataset.
    /** bayes: the source task and data (every gamma0, rho and delta shares them). */
    static final List<Param<?>> SOURCE_DATA = List.of(N, TEACHER_K, SOURCE_ALPHA, TwoLayerParams.ACTIVATION, TASK, SOURCE_DATASET);
    /** bayes: the target task and data (every gamma0 and delta shares them). */
    static final List<Param<?>> TARGET_DATA = List.of(N, TEACHER_K, SOURCE_ALPHA, TwoLayerParams.ACTIVATION, TASK, ALPHA, ALIGNMENT,
            TwoLayerParams.DATASET);
    /** bayes: the source chains (every rho and delta shares them). */
    static final List<Param<?>> SOURCE_CHAINS = List.of(N, TEACHER_K, SOURCE_ALPHA, TwoLayerParams.ACTIVATION, TASK, K, GAMMA0, RIDGE,
            STEP, BURN_IN, THIN, DRAWS, CHAINS, SOURCE_DATASET);
    /** bayes: the target chains without coupling (scratch, every delta shares them). */
    static final List<Param<?>> SCRATCH_CHAINS = List.of(N, TEACHER_K, SOURCE_ALPHA, TwoLayerParams.ACTIVATION, TASK, ALPHA, ALIGNMENT,
            K, GAMMA0, RIDGE, STEP, BURN_IN, THIN, DRAWS, CHAINS, TwoLayerParams.DATASET);
    /** bayes: the coupled target chains. */
    static final List<Param<?>> TARGET_CHAINS = List.of(N, TEACHER_K, SOURCE_ALPHA, TwoLayerParams.ACTIVATION, TASK, ALPHA, ALIGNMENT,
            K, GAMMA0, RIDGE, STEP, BURN_IN, THIN, DRAWS, CHAINS, DELTA, SOURCE_DATASET, TwoLayerParams.DATASET);
    /** Parameters that change the sampled networks only, not the theory lines (they do not split them). */
    static final List<String> NETWORK_ONLY = List.of("k", "step", "burn-in", "thin", "draws", "chains");

    /** The defaults of {@code --protocol bayes} that differ from the declared (gd) ones (docs/models.md 3.6.2). */
    static final Map<String, String> BAYES_DEFAULTS = pairs("n", "16", "k", "128", "teacher-k", "1", "alpha", "2", "activation", "relu",
            "task", "linear", "delta", "1,10,100", "gamma0", "0.01,1", "alignment", "0,0.9", "test-size", "500", "step", "0.005", "burn-in", "400",
            "thin", "10");

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * One sample: test errors on the target after transfer and from scratch, and of the pretrained network (gd) or the
     * source posterior mean (bayes) on the source. bayes only (NaN for gd): the delta -&gt; infinity limit (kernel
     * regression on the source posterior kernel, theory from the source draws), the gamma0 -&gt; 0 limit (lazy NNGP at the
     * coupled prior's variance, theory), the target's Monte Carlo error (RMS over test points of the posterior mean's
     * standard error) and its RMS distances from the delta -&gt; infinity and the gamma0 -&gt; 0 predictors.
     */
    public record Result(double target_test_error, double scratch_test_error, double source_test_error, double frozen_test_error,
                         double lazy_test_error, double target_mc_error, double distance_frozen, double distance_lazy) {}

    public TransferExperiment() {
        super(Descriptor.of("transfer", Result.class)
                .title("transfer learning with elastic coupling: target test error vs delta and source-target alignment"
                        + " (docs/models.md 3.6)")
                .params(PROTOCOL, N, K, TEACHER_K, ALPHA, SOURCE_ALPHA, ALIGNMENT, DELTA, TwoLayerParams.ACTIVATION, TASK,
                        TwoLayerParams.parameterization("ntk"), TwoLayerParams.GAMMA, TwoLayerParams.eta("2"),
                        TwoLayerParams.temperature("0"), TwoLayerParams.LAMBDA, TwoLayerParams.steps("2000"), TwoLayerParams.BATCH,
                        TwoLayerParams.TEST, TwoLayerParams.TIMES, GAMMA0, RIDGE, STEP, BURN_IN, THIN, DRAWS, CHAINS,
                        TwoLayerParams.DATASET, SOURCE_DATASET, TwoLayerParams.DATA_DIR)
                .samples(3)
                .table("target_test_error", "scratch_test_error", "source_test_error", "frozen_test_error", "lazy_test_error")
                .figure(new Figure("delta", "elastic coupling delta", false, List.of("target_test_error", "scratch_test_error"),
                        "test error on the target task", null, null).withLogX().withLogY()
                        .withTitleParams("protocol", "task", "n", "k", "alpha", "source-alpha")));
    }

    static boolean bayes(Point pt) {
        return pt.get(PROTOCOL).equals("bayes");
    }

    @Override
    public Map<String, String> defaults(Map<String, String> given) {
        if (!"bayes".equals(given.get(PROTOCOL.name()))) {
            return Map.of();
        }
        String dataset = given.get(TwoLayerParams.DATASET.name());
        Datasets.Choice c;
        try {
            c = dataset == null || dataset.contains(",") ? null : Datasets.parse(dataset);
        } catch (IllegalArgumentException e) {
            return BAYES_DEFAULTS; // validate() names the option
        }
        if (c == null || c.synthetic()) {
            return BAYES_DEFAULTS;
        }
        // real data: no synthetic alignment, and the images' D as the input dimension
        Map<String, String> real = new LinkedHashMap<>(BAYES_DEFAULTS);
        real.put(ALIGNMENT.name(), "0");
        if (c.knownDimension() > 0) {
            real.put(N.name(), Integer.toString(c.knownDimension()));
        }
        return real;
    }

    /** gd: P = round(alpha K N); bayes: P = round(alpha N) (examples per input dimension, the width is large). */
    static int examples(Point pt, Param<Double> alpha) {
        long p = Math.round(pt.get(alpha) * (bayes(pt) ? 1 : pt.get(K)) * pt.get(N));
        if (p < 1 || p * pt.get(N) > 200_000_000L) {
            throw new UsageError(alpha + ": " + p + " examples (accepted: 1 <= P and P N <= 2e8)");
        }
        return (int) p;
    }

    @Override
    public void validate(Point pt) {
        examples(pt, ALPHA);
        examples(pt, SOURCE_ALPHA);
        boolean realTarget = !TwoLayerParams.dataset(pt).synthetic();
        boolean realSource = !sourceDataset(pt).synthetic();
        if (realTarget != realSource) {
            throw new UsageError("--source-dataset " + pt.get(SOURCE_DATASET) + " with --dataset " + pt.get(TwoLayerParams.DATASET)
                    + ": both tasks come from real data or both are synthetic (accepted: both real, or both teacher)");
        }
        if (realTarget && !bayes(pt)) {
            throw new UsageError("--dataset " + pt.get(TwoLayerParams.DATASET) + ": real datasets are read by the Bayesian protocol"
                    + " (accepted: --protocol bayes)");
        }
        if (realTarget && pt.get(ALIGNMENT) != 0) {
            throw new UsageError("--alignment " + pt.get(ALIGNMENT) + ": the alignment rho defines the synthetic tasks; real"
                    + " datasets bring their own (accepted: --alignment 0 with --dataset " + pt.get(TwoLayerParams.DATASET) + ")");
        }
        if (realTarget) {
            TwoLayerParams.checkDataset(pt, pt.get(N));
            int d = sourceDataset(pt).knownDimension();
            if (d > 0 && d != pt.get(N)) {
                throw new UsageError("--n " + pt.get(N) + ": --source-dataset " + pt.get(SOURCE_DATASET) + " has D = " + d
                        + " inputs (accepted: --n " + d + ")");
            }
        }
        if (!bayes(pt)) {
            TwoLayerParams.checkStable(pt, pt.get(DELTA), "delta");
        } else if (pt.get(DRAWS) * (long) pt.get(THIN) + pt.get(BURN_IN) > Integer.MAX_VALUE) {
            throw new UsageError("--draws x --thin + --burn-in exceeds 2^31 steps");
        }
    }

    @Override
    public double cost(Point pt) {
        if (bayes(pt)) {
            double steps = pt.get(BURN_IN) + (double) pt.get(THIN) * pt.get(DRAWS);
            return (double) pt.get(N) * pt.get(K) * pt.get(CHAINS) * steps * (examples(pt, ALPHA) + examples(pt, SOURCE_ALPHA));
        }
        return (double) pt.get(N) * pt.get(K) * (2 * examples(pt, ALPHA) + examples(pt, SOURCE_ALPHA)) * pt.get(TwoLayerParams.STEPS);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, false);
        TransferTask task = TransferTask.of(kind(pt), n, pt.get(TEACHER_K), net.activation(), pt.get(ALIGNMENT),
                unit.instanceStream(INSTANCE, Purpose.TEACHER, 0), unit.instanceStream(INSTANCE, Purpose.TEACHER, 1));
        Dataset srcData = Dataset.gaussianInputs(n, examples(pt, SOURCE_ALPHA), unit.instanceStream(INSTANCE, Purpose.INPUTS, 0));
        srcData = srcData.withTargets(task.sourceOutputs(srcData));
        Dataset tgtData = Dataset.gaussianInputs(n, examples(pt, ALPHA), unit.instanceStream(INSTANCE, Purpose.INPUTS, 1));
        tgtData = tgtData.withTargets(task.targetOutputs(tgtData));
        Dataset test = Dataset.gaussianInputs(n, pt.get(TwoLayerParams.TEST), unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        TrainingSpec plain = TwoLayerParams.training(pt, 0);
        // initial weights and training streams come from the instance too: every delta starts from the
        // same pretrained network, and the from-scratch baseline is the same for every delta
        float[] w0 = TwoLayerTrainer.initialWeights(net, unit.instanceStream(INSTANCE, Purpose.TRAINING, 0));
        float[] pre = TwoLayerTrainer.train(net, srcData, List.of(w0), null, List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 1)),
                plain, backend)[0];
        float[] fine = TwoLayerTrainer.train(net, tgtData, List.of(pre), new float[][] {pre},
                List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 2)), TwoLayerParams.training(pt, pt.get(DELTA)), backend)[0];
        float[] scratch = TwoLayerTrainer.train(net, tgtData, List.of(w0), null,
                List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 3)), plain, backend)[0];
        double[] yTarget = task.targetOutputs(test);
        return new Result(TwoLayerObservables.testError(net, fine, test, yTarget, false),
                TwoLayerObservables.testError(net, scratch, test, yTarget, false),
                TwoLayerObservables.testError(net, pre, test, task.sourceOutputs(test), false), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    static TransferTask.Kind kind(Point pt) {
        return TransferTask.Kind.valueOf(pt.get(TASK).toUpperCase(Locale.ROOT));
    }

    // ---- protocol bayes (docs/models.md 3.6.2) ----

    /** bayes: the points that differ only in rho and delta share one batch, so that their source chains run once per sample. */
    @Override
    public Object batchKey(Point pt) {
        if (!bayes(pt)) {
            return pt.index();
        }
        return pt.instanceKey(SOURCE_CHAINS.stream().map(Param::name).toList());
    }

    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        if (batch.isEmpty() || !bayes(batch.get(0).point())) {
            return super.run(batch, backend);
        }
        // the source posterior once per sample, the uncoupled target posterior once per (sample, rho), then every unit
        Map<Integer, Unit> bySample = new LinkedHashMap<>();
        Map<String, Unit> byTarget = new LinkedHashMap<>();
        for (Unit u : batch) {
            bySample.putIfAbsent(u.sample(), u);
            byTarget.putIfAbsent(targetKey(u), u);
        }
        List<Unit> sources = new ArrayList<>(bySample.values());
        Map<Integer, Source> source = new java.util.concurrent.ConcurrentHashMap<>();
        Parallel.forEach(backend.pool(), sources.size(), i -> source.put(sources.get(i).sample(), source(sources.get(i), backend)));
        List<Map.Entry<String, Unit>> targets = new ArrayList<>(byTarget.entrySet());
        Map<String, Target> scratch = new java.util.concurrent.ConcurrentHashMap<>();
        Parallel.forEach(backend.pool(), targets.size(), i -> {
            Unit u = targets.get(i).getValue();
            scratch.put(targets.get(i).getKey(), target(u, source.get(u.sample()), 0, SCRATCH_CHAINS, backend));
        });
        Result[] out = new Result[batch.size()];
        Parallel.forEach(backend.pool(), batch.size(), i -> {
            Unit u = batch.get(i);
            Source s = source.get(u.sample());
            Target none = scratch.get(targetKey(u));
            Target t = u.point().get(DELTA) == 0 ? none : target(u, s, u.point().get(DELTA), TARGET_CHAINS, backend);
            out[i] = new Result(t.error, none.error, s.error, t.frozenError, t.lazyError, t.mcError, t.distanceFrozen, t.distanceLazy);
        });
        return List.of(out);
    }

    /** What the uncoupled target posterior of a unit depends on beyond the batch: sample, rho, alpha and target data. */
    static String targetKey(Unit u) {
        return u.sample() + "/" + u.point().get(ALIGNMENT) + "/" + u.point().get(ALPHA) + "/" + u.point().get(TwoLayerParams.DATASET);
    }

    /** The source posterior of a sample: its draws, the network and the posterior mean's test error on the source task. */
    record Source(TwoLayerNetwork net, BayesianTransfer.SourcePosterior posterior, double error) {}

    /** A target posterior: its test error, Monte Carlo error, and the two limits on the same data. */
    record Target(double error, double mcError, double frozenError, double lazyError, double distanceFrozen, double distanceLazy) {}

    static PosteriorSampling.Schedule schedule(Point pt) {
        return new PosteriorSampling.Schedule(pt.get(STEP), pt.get(BURN_IN), pt.get(THIN), pt.get(DRAWS), pt.get(CHAINS));
    }

    static TransferTask bayesTask(Unit u) {
        Point pt = u.point();
        return TransferTask.of(kind(pt), pt.get(N), pt.get(TEACHER_K), TwoLayerParams.activation(pt), pt.get(ALIGNMENT),
                u.instanceStream(SOURCE_DATA, Purpose.TEACHER, 0), u.instanceStream(TARGET_DATA, Purpose.TEACHER, 1));
    }

    /** Source chains: starts N(0, 1) (instance TRAINING 2c), noise TRAINING 2c + 1, on P_s source examples (INPUTS 0). */
    static Source source(Unit u, Backend backend) {
        Point pt = u.point();
        TwoLayerNetwork net = BayesianTransfer.network(pt.get(N), pt.get(K), TwoLayerParams.activation(pt), pt.get(GAMMA0));
        TransferTask task = bayesTask(u);
        LabelledData real = realData(u, SOURCE_DATASET, sourceDataset(pt), SOURCE_DATA, 0, examples(pt, SOURCE_ALPHA));
        Dataset train = real != null ? real.train()
                : Dataset.gaussianInputs(pt.get(N), examples(pt, SOURCE_ALPHA), u.instanceStream(SOURCE_DATA, Purpose.INPUTS, 0));
        train = real != null ? train : train.withTargets(task.sourceOutputs(train));
        Dataset test = real != null ? real.test() : testSet(u);
        List<float[]> starts = new ArrayList<>();
        List<RandomStream> noise = new ArrayList<>();
        for (int c = 0; c < pt.get(CHAINS); c++) {
            starts.add(TwoLayerTrainer.initialWeights(net, u.instanceStream(SOURCE_CHAINS, Purpose.TRAINING, 2L * c)));
            noise.add(u.instanceStream(SOURCE_CHAINS, Purpose.TRAINING, 2L * c + 1));
        }
        BayesianTransfer.SourcePosterior post = BayesianTransfer.sampleSource(net, train, pt.get(RIDGE), schedule(pt), starts, noise, backend);
        if (!post.finite()) {
            return new Source(net, post, Double.NaN); // diverged (step beyond stability): every observable of the unit is NaN
        }
        double[] f = BayesianTransfer.posteriorMean(net, post.draws(), train, test, pt.get(RIDGE));
        return new Source(net, post, halfMse(f, real != null ? real.yTest() : task.sourceOutputs(test)));
    }

    /** The point's --source-dataset, parsed (a UsageError naming the option when it is not one). */
    static Datasets.Choice sourceDataset(Point pt) {
        try {
            return Datasets.parse(pt.get(SOURCE_DATASET));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage().replace("--dataset", "--source-dataset"));
        }
    }

    /**
     * bayes on real data (docs/models.md 3.6.3): P examples and the test set of a task read from --data-dir, the subsets
     * drawn from the task's data stream (INPUTS {@code which}); null for a synthetic task. Its D must be N.
     */
    static LabelledData realData(Unit u, Param<String> option, Datasets.Choice c, List<Param<?>> family, int which, int p) {
        if (c.synthetic()) {
            return null;
        }
        Point pt = u.point();
        LabelledData d;
        try {
            d = Datasets.load(c, java.nio.file.Path.of(pt.get(TwoLayerParams.DATA_DIR)), p, pt.get(TwoLayerParams.TEST),
                    u.instanceStream(family, Purpose.INPUTS, which));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (d.d() != pt.get(N)) {
            throw new UsageError("--n " + pt.get(N) + ": --" + option.name() + " " + pt.get(option) + " has D = " + d.d()
                    + " inputs (accepted: --n " + d.d() + ")");
        }
        return d;
    }

    /** The test inputs (TEST_EXAMPLES 0 of the source data's instance: every rho sees the same inputs). */
    static Dataset testSet(Unit u) {
        return Dataset.gaussianInputs(u.point().get(N), u.point().get(TwoLayerParams.TEST), u.instanceStream(SOURCE_DATA, Purpose.TEST_EXAMPLES, 0));
    }

    /**
     * Target chains coupled at delta to the source chains' last draws: starts from the coupled prior (TRAINING 2c of the
     * given stream family), noise TRAINING 2c + 1, on P_t target examples (INPUTS 1); the limits on the same data.
     */
    static Target target(Unit u, Source s, double delta, List<Param<?>> family, Backend backend) {
        Point pt = u.point();
        if (Double.isNaN(s.error())) {
            return new Target(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        TransferTask task = bayesTask(u);
        LabelledData real = realData(u, TwoLayerParams.DATASET, TwoLayerParams.dataset(pt), TARGET_DATA, 1, examples(pt, ALPHA));
        Dataset train = real != null ? real.train()
                : Dataset.gaussianInputs(pt.get(N), examples(pt, ALPHA), u.instanceStream(TARGET_DATA, Purpose.INPUTS, 1));
        train = real != null ? train : train.withTargets(task.targetOutputs(train));
        Dataset test = real != null ? real.test() : testSet(u);
        double[] y = real != null ? real.yTest() : task.targetOutputs(test);
        float[][] anchors = s.posterior().last();
        List<float[]> starts = new ArrayList<>();
        List<RandomStream> noise = new ArrayList<>();
        for (int c = 0; c < anchors.length; c++) {
            starts.add(BayesianTransfer.priorStart(s.net(), anchors[c], delta, u.instanceStream(family, Purpose.TRAINING, 2L * c)));
            noise.add(u.instanceStream(family, Purpose.TRAINING, 2L * c + 1));
        }
        double ridge = pt.get(RIDGE);
        PosteriorSampling.Draws d = BayesianTransfer.sampleTarget(s.net(), train, test, ridge, delta, anchors, starts, noise, schedule(pt), backend);
        double[] f = d.mean();
        if (!java.util.Arrays.stream(d.lastWeights()).allMatch(BayesianTransfer::finite)) {
            return new Target(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] frozen = BayesianTransfer.frozenPredictor(s.net(), s.posterior().draws(), train, test, ridge);
        double[] lazy = BayesianTransfer.lazyPredictor(s.net().activation(), train, test, delta, ridge);
        return new Target(halfMse(f, y), d.monteCarloError(), halfMse(frozen, y), halfMse(lazy, y), KernelMetrics.rms(f, frozen),
                KernelMetrics.rms(f, lazy));
    }

    /** The test error of 3.4: (1/2) mean (f - f*)^2. */
    static double halfMse(double[] f, double[] y) {
        return 0.5 * KernelMetrics.meanSquaredError(f, y);
    }

    /**
     * bayes: the two limits as theory lines along delta, one per setting of the parameters that change the task or the
     * theory (rho, gamma0, ...), drawn in the target error's panel.
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        if (summaries.isEmpty() || !bayes(summaries.get(0).point())) {
            return List.of();
        }
        return KernelTheoryLines.of(summaries, swept, DELTA.name(), NETWORK_ONLY,
                        List.of(new KernelTheoryLines.Line("frozen_test_error", "delta -> infinity: source-kernel regression (theory)"),
                                new KernelTheoryLines.Line("lazy_test_error", "gamma0 -> 0: lazy NNGP (theory)")))
                .stream().map(c -> c.of("target_test_error")).toList();
    }

    @Override
    public long memoryBytes(Point pt) {
        if (bayes(pt)) {
            long p = Math.max(examples(pt, ALPHA), examples(pt, SOURCE_ALPHA));
            long t = pt.get(TwoLayerParams.TEST);
            long draws = (long) pt.get(DRAWS) * pt.get(CHAINS) * ((long) pt.get(K) * pt.get(N) + pt.get(K)) * 4;
            return 2 * MemoryEstimate.twoLayer(pt.get(N), pt.get(K), p, t, pt.get(CHAINS)) + draws + 8L * (4 * p * p + 3 * t * p + 2L * pt.get(K) * (p + t));
        }
        long p = Math.round(Math.max(pt.get(ALPHA), pt.get(SOURCE_ALPHA)) * pt.get(K) * pt.get(N));
        return 2 * MemoryEstimate.twoLayer(pt.get(N), Math.max(pt.get(K), pt.get(TEACHER_K)), p, pt.get(TwoLayerParams.TEST), 2);
    }
}
