package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.theory.perceptron.CommitteePlateau;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.LangevinSampler;
import io.dismc.twolayer.StoppedDescent;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTeacher;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Narrow one-hidden-layer networks in the teacher-student setting (Barbier, Gerace, Ingrosso, Lauditi,
 * Malatesta et al. 2025; docs/models.md 3.5): P = alpha K N Gaussian examples labelled by a teacher with K*
 * units (K* = K by default: the realizable narrow regime, 1 &lt;&lt; K &lt;&lt; N), a student with K units trained by
 * the paper's two protocols: empirical risk minimization by full-batch GD stopped on the gradient norm, or
 * Langevin sampling of the Gibbs posterior at temperature T with burn-in, thinning and posterior averages.
 * Observables: the measured and the population (closed-form) test error of the trained weights, the
 * specialization index; theory lines: the symmetric-plateau error 1/6 - (K/pi) arcsin(1/(2K)) (erf, K = K*),
 * the level specialization has to beat, and the counting bound alpha = 1 past which an interpolating
 * student of noiseless realizable data is the teacher.
 */
public final class TeacherStudentExperiment extends Experiment<TeacherStudentExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("32");
    static final Param<Integer> K = TwoLayerParams.k("2,4,8");
    static final Param<Integer> TEACHER_K = Param.integer("teacher-k", "0", 0, 100_000,
            "hidden units K* of the teacher (0: K* = K, the realizable narrow regime)");
    static final Param<Double> ALPHA = Param.real("alpha", "0.5,1,2,4", 0, false, 1e6, true, "alpha = P / (K N)");
    static final Param<Double> NOISE = Param.real("noise", "0", 0, true, 1e6, true, "label noise standard deviation (regression)");
    static final Param<String> TASK = Param.choice("task", "regression", List.of("regression", "classification"),
            "targets: teacher output (+ noise) or its sign");
    static final Param<String> PROTOCOL = Param.choice("protocol", "gd", List.of("gd", "langevin"),
            "gd: full-batch GD stopped on the gradient norm (ERM); langevin: noisy GD at --temperature, posterior averages");
    static final Param<Double> GRAD_TOLERANCE = Param.real("grad-tolerance", "1e-6", 0, true, 1e6, true,
            "gd: stop once |w_t - w_(t-1)|/eta, the gradient norm, is at most this (checked every 100 steps; 0: never)");
    static final Param<Integer> BURN_IN = Param.integer("burn-in", "5000", 0, 100_000_000,
            "langevin: steps before the first posterior draw");
    static final Param<Integer> THIN = Param.integer("thin", "100", 1, 100_000_000, "langevin: steps between posterior draws");
    static final List<Param<?>> INSTANCE = List.of(N, K, TEACHER_K, ALPHA, TwoLayerParams.ACTIVATION, NOISE, TASK);
    /** The stopping rule is checked every this many steps. */
    static final int CHECK_EVERY = 100;

    /**
     * One sample at the end of training (gd) or averaged over the posterior draws (langevin): training loss,
     * test error on the test set and its population value in closed form, the symmetric-plateau error
     * (theory; NaN where not defined), the specialization index; the error of the posterior-mean predictor
     * (langevin), the gradient norm at the last check and the steps taken (gd), the draws (langevin);
     * kernel alignment and top singular value of W / sqrt(N) (last weights); the overlaps Q = W W^T/N,
     * M = W W*^T/N (posterior means for langevin), R = W* W*^T/N, the singular values of W, and the curves
     * (rows: recorded times; columns: step, train loss, test error).
     */
    public record Result(double train_loss, double test_error, double test_error_population, double plateau_error,
                         double specialization, double test_error_posterior_mean, double gradient_norm, int steps_taken, int draws,
                         double kernel_alignment, double top_singular, NdArray Q, NdArray M, NdArray R, NdArray spectrum,
                         NdArray curves) {}

    public TeacherStudentExperiment() {
        super(Descriptor.of("teacher-student", Result.class)
                .title("narrow two-layer teacher-student: generalization error and specialization vs alpha = P/(K N), ERM by GD or"
                        + " Langevin posterior sampling, against the symmetric-plateau error (docs/models.md 3.5)")
                .params(N, K, TEACHER_K, ALPHA, TwoLayerParams.ACTIVATION, TwoLayerParams.parameterization("ntk"), TwoLayerParams.GAMMA,
                        TwoLayerParams.READOUT, NOISE, TASK, PROTOCOL, TwoLayerParams.eta("3"), TwoLayerParams.temperature("0"),
                        TwoLayerParams.LAMBDA, TwoLayerParams.steps("10000"), GRAD_TOLERANCE, BURN_IN, THIN, TwoLayerParams.BATCH,
                        TwoLayerParams.TEST, TwoLayerParams.TIMES, TwoLayerParams.DATASET, TwoLayerParams.DATA_DIR)
                .samples(2)
                .table("train_loss", "test_error", "test_error_population", "plateau_error", "specialization", "steps_taken")
                .figure(new Figure("alpha", "alpha = P/(K N)", true, List.of("test_error", "specialization"),
                        "generalization error / specialization index", null, null)
                        .withPanels(Figure.panel("generalization error", "test_error").log(),
                                Figure.panel("final training loss", "train_loss").log(),
                                Figure.panel("specialization index", "specialization"))
                        .withTitleParams("n", "k", "activation", "protocol", "eta", "temperature", "steps")));
    }

    /** K* of the point: teacher-k, or K when it is 0. */
    static int teacherUnits(Point pt) {
        int ks = pt.get(TEACHER_K);
        return ks == 0 ? pt.get(K) : ks;
    }

    static int examples(Point pt) {
        long p = Math.round(pt.get(ALPHA) * pt.get(K) * pt.get(N));
        if (p < 1 || p * pt.get(N) > 200_000_000L) {
            throw new UsageError("--alpha: P = alpha K N = " + p + " examples (accepted: 1 <= P and P N <= 2e8)");
        }
        return (int) p;
    }

    static boolean langevin(Point pt) {
        return pt.get(PROTOCOL).equals("langevin");
    }

    /**
     * The symmetric-plateau error where it is the exact level of the unspecialized student: erf regression,
     * K = K*, the committee f = (1/sqrt K) sum erf(h/sqrt 2) (ntk, gamma 1, fixed readout); NaN elsewhere.
     */
    static double plateau(Point pt) {
        boolean committee = pt.get(TwoLayerParams.ACTIVATION).equals("erf") && pt.get(TASK).equals("regression")
                && pt.get(TwoLayerParams.PARAMETERIZATION).equals("ntk") && pt.get(TwoLayerParams.GAMMA) == 1.0
                && pt.get(TwoLayerParams.READOUT).equals("fixed") && teacherUnits(pt) == pt.get(K);
        return committee ? CommitteePlateau.plateauError(pt.get(K)) : Double.NaN;
    }

    @Override
    public void validate(Point pt) {
        examples(pt);
        TwoLayerParams.checkDataset(pt, pt.get(N));
        TwoLayerParams.checkStable(pt, pt.get(TwoLayerParams.LAMBDA), "lambda");
        if (pt.get(TwoLayerParams.BATCH) > examples(pt)) {
            throw new UsageError("--batch: " + pt.get(TwoLayerParams.BATCH) + " exceeds the P = " + examples(pt)
                    + " examples (accepted: 0 for full batch, or <= P)");
        }
        double t = pt.get(TwoLayerParams.TEMPERATURE);
        if (!langevin(pt) && t > 0) {
            throw new UsageError("--temperature " + t + ": --protocol gd is gradient descent at T = 0 (accepted: --protocol langevin"
                    + " for T > 0)");
        }
        if (langevin(pt)) {
            if (!(t > 0)) {
                throw new UsageError("--temperature: --protocol langevin samples exp(-L/T) and needs T > 0 (accepted: e.g."
                        + " --temperature 1e-5)");
            }
            if (pt.get(BURN_IN) + pt.get(THIN) > pt.get(TwoLayerParams.STEPS)) {
                throw new UsageError("--burn-in " + pt.get(BURN_IN) + " + --thin " + pt.get(THIN) + " exceed --steps "
                        + pt.get(TwoLayerParams.STEPS) + ": no posterior draw (accepted: burn-in + thin <= steps)");
            }
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * pt.get(K) * examples(pt) * pt.get(TwoLayerParams.STEPS);
    }

    /** Posterior (or end-of-training) averages of one unit's weights. */
    private static final class Averages {
        double trainLoss;
        double testError;
        double population;
        double specialization;
        double[] q;
        double[] m;
        double[] outputs;
        int draws;

        void add(TwoLayerNetwork net, float[] w, double loss, TwoLayerParams.Task task, boolean classification, boolean closedForm) {
            TwoLayerTeacher teacher = task.teacher();
            int k = net.k();
            int n = net.n();
            int ks = teacher.network().k();
            NdArray qa = TwoLayerObservables.overlap(w, k, w, k, n);
            NdArray ma = TwoLayerObservables.overlap(w, k, teacher.weights(), ks, n);
            NdArray ra = TwoLayerObservables.overlap(teacher.weights(), ks, teacher.weights(), ks, n);
            double[] f = net.predict(w, task.test());
            if (draws == 0) {
                q = new double[k * k];
                m = new double[k * ks];
                outputs = new double[f.length];
            }
            for (int i = 0; i < q.length; i++) {
                q[i] += qa.data()[i];
            }
            for (int i = 0; i < m.length; i++) {
                m[i] += ma.data()[i];
            }
            for (int i = 0; i < f.length; i++) {
                outputs[i] += f[i];
            }
            trainLoss += loss;
            testError += TwoLayerObservables.testError(net, w, task.test(), task.testTeacher(), classification);
            population += closedForm ? TwoLayerObservables.generalizationError(net, w, teacher) : Double.NaN;
            specialization += TwoLayerObservables.specialization(qa, ma, ra);
            draws++;
        }

        /** The error of the averaged outputs against the teacher (the posterior-mean predictor). */
        double meanPredictorError(double[] teacherOutputs, boolean classification) {
            double s = 0;
            for (int i = 0; i < outputs.length; i++) {
                double f = outputs[i] / draws;
                if (classification) {
                    s += (f >= 0) != (teacherOutputs[i] >= 0) ? 1 : 0;
                } else {
                    s += 0.5 * (f - teacherOutputs[i]) * (f - teacherOutputs[i]);
                }
            }
            return s / outputs.length;
        }
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        int p = examples(pt);
        boolean classification = pt.get(TASK).equals("classification");
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, pt.get(TwoLayerParams.READOUT).equals("trained"));
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, net, teacherUnits(pt), p, pt.get(TwoLayerParams.TEST),
                classification, pt.get(NOISE));
        TwoLayerTeacher teacher = task.teacher();
        Dataset train = task.train();
        Dataset test = task.test();
        boolean closedForm = !classification && net.activation().hasClosedForm();
        List<double[]> curve = new ArrayList<>();
        TwoLayerTrainer.Observer recorder = (step, weights, loss) -> curve.add(new double[] {step, loss[0],
                TwoLayerObservables.testError(net, weights[0], test, task.testTeacher(), classification)});
        float[] start = TwoLayerTrainer.initialWeights(net, unit.stream(Purpose.TRAINING, 0));
        Averages avg = new Averages();
        float[] last;
        double gradientNorm = Double.NaN;
        int stepsTaken;
        if (langevin(pt)) {
            last = LangevinSampler.run(net, train, start, unit.stream(Purpose.TRAINING, 1), TwoLayerParams.training(pt, 0),
                    pt.get(BURN_IN), pt.get(THIN), backend, recorder, (step, w, loss) -> avg.add(net, w, loss, task, classification,
                            closedForm));
            stepsTaken = pt.get(TwoLayerParams.STEPS);
        } else {
            StoppedDescent.Outcome o = StoppedDescent.run(net, train, start, unit.stream(Purpose.TRAINING, 1),
                    TwoLayerParams.training(pt, 0), pt.get(GRAD_TOLERANCE), CHECK_EVERY, backend, recorder);
            last = o.weights();
            gradientNorm = o.gradientNorm();
            stepsTaken = o.steps();
            avg.add(net, last, curve.get(curve.size() - 1)[1], task, classification, closedForm);
        }
        int d = avg.draws;
        int ks = teacher.network().k();
        NdArray q = array(scale(avg.q, 1.0 / d), k, k);
        NdArray m = array(scale(avg.m, 1.0 / d), k, ks);
        NdArray r = TwoLayerObservables.overlap(teacher.weights(), ks, teacher.weights(), ks, n);
        double[] sv = TwoLayerObservables.singularValues(last, k, n);
        Dataset probe = Dataset.gaussianInputs(n, 200, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 1));
        double alignment = TwoLayerObservables.kernelAlignment(net, last, probe, teacher.outputs(probe));
        double[] flat = new double[curve.size() * 3];
        for (int i = 0; i < curve.size(); i++) {
            System.arraycopy(curve.get(i), 0, flat, 3 * i, 3);
        }
        boolean sampled = langevin(pt);
        return new Result(avg.trainLoss / d, avg.testError / d, avg.population / d, plateau(pt), avg.specialization / d,
                sampled ? avg.meanPredictorError(task.testTeacher(), classification) : Double.NaN, gradientNorm, stepsTaken,
                sampled ? d : 0, alignment, sv[0] / Math.sqrt(n), q, m, r, array(sv, sv.length), array(flat, curve.size(), 3));
    }

    private static double[] scale(double[] v, double c) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * c;
        }
        return out;
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.twoLayer(pt.get(N), Math.max(pt.get(K), teacherUnits(pt)), examples(pt), pt.get(TwoLayerParams.TEST), 1);
    }

    /**
     * Theory lines: in the error panel the symmetric-plateau error of each K of the run (where defined) and
     * its K -&gt; infinity limit (1/3 - 1/pi)/2, and the counting bound alpha = 1 (P = K N: an interpolating
     * student of noiseless realizable data is the teacher beyond it); in the specialization panel the index
     * of the symmetric plateau (0) and of the teacher (1).
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new ArrayList<>();
        TreeSet<Double> alphas = new TreeSet<>();
        TreeMap<Integer, Double> plateaus = new TreeMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (PointSummary s : summaries) {
            alphas.add(s.point().get(ALPHA));
            double pl = plateau(s.point());
            if (Double.isFinite(pl)) {
                plateaus.put(s.point().get(K), pl);
            }
            Stat e = s.stats().get("test_error");
            if (e != null && e.mean() > 0) {
                lo = Math.min(lo, e.mean());
                hi = Math.max(hi, e.mean());
            }
        }
        if (alphas.isEmpty()) {
            return out;
        }
        double a0 = alphas.first();
        double a1 = alphas.last();
        for (var e : plateaus.entrySet()) {
            out.add(level(String.format(Locale.ROOT, "symmetric plateau K=%d: %.5f", e.getKey(), e.getValue()), e.getValue(), a0, a1)
                    .of("test_error").at(K.name(), e.getKey()));
        }
        if (!plateaus.isEmpty()) {
            double lim = CommitteePlateau.plateauErrorLimit();
            out.add(level(String.format(Locale.ROOT, "plateau K->inf: (1/3-1/pi)/2 = %.5f", lim), lim, a0, a1).of("test_error"));
            lo = Math.min(lo, plateaus.firstEntry().getValue());
            hi = Math.max(hi, lim);
        }
        boolean realizable = summaries.stream().anyMatch(s -> teacherUnits(s.point()) == s.point().get(K)
                && s.point().get(TASK).equals("regression") && s.point().get(NOISE) == 0.0);
        if (realizable && a0 <= 1 && a1 >= 1 && hi > 0) {
            out.add(new TheoryCurve("counting bound alpha = 1 (P = K N)", new double[] {1, 1}, new double[] {lo, hi}).of("test_error"));
        }
        out.add(level("index of the symmetric plateau: 0", 0, a0, a1).of("specialization"));
        out.add(level("index of the teacher: 1", 1, a0, a1).of("specialization"));
        return out;
    }

    /** A horizontal line at height y from x0 to x1. */
    static TheoryCurve level(String name, double y, double x0, double x1) {
        return new TheoryCurve(name, new double[] {x0, x1}, new double[] {y, y});
    }
}
