package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTeacher;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrow one-hidden-layer networks in the teacher-student setting (Barbier, Gerace, Ingrosso, Lauditi,
 * Malatesta et al. 2025; docs/models.md 3.5): P = alpha K N Gaussian examples labelled by a teacher with K*
 * units, a student with K units trained by GD or Langevin. Generalization error (measured, and in
 * closed form for erf/linear) and the specialization index vs alpha: past the specialization
 * transition each student unit aligns with one teacher unit and the error drops.
 */
public final class TeacherStudentExperiment extends Experiment<TeacherStudentExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("100");
    static final Param<Integer> K = TwoLayerParams.k("2");
    static final Param<Integer> TEACHER_K = TwoLayerParams.teacherK("2");
    static final Param<Double> ALPHA = Param.real("alpha", "0.5,1,2,4", 0, false, 1e6, true, "alpha = P / (K N)");
    static final Param<Double> NOISE = Param.real("noise", "0", 0, true, 1e6, true, "label noise standard deviation (regression)");
    static final Param<String> TASK = Param.choice("task", "regression", List.of("regression", "classification"),
            "targets: teacher output (+ noise) or its sign");
    static final List<Param<?>> INSTANCE = List.of(N, K, TEACHER_K, ALPHA, TwoLayerParams.ACTIVATION, NOISE, TASK);

    /**
     * One sample at the end of training: training loss, measured and closed-form test error, specialization
     * index, kernel alignment, top singular value of W / sqrt(N); the overlaps Q = W W^T/N, M = W W*^T/N,
     * R = W* W*^T/N, the singular values of W, and the curves (rows: recorded times; columns: step, train
     * loss, test error).
     */
    public record Result(double train_loss, double test_error, double test_error_theory, double specialization,
                         double kernel_alignment, double top_singular, NdArray Q, NdArray M, NdArray R, NdArray spectrum,
                         NdArray curves) {}

    public TeacherStudentExperiment() {
        super(Descriptor.of("teacher-student", Result.class)
                .title("narrow two-layer teacher-student: generalization error and specialization vs alpha = P/(K N), GD or Langevin"
                        + " (docs/models.md 3.5)")
                .params(N, K, TEACHER_K, ALPHA, TwoLayerParams.ACTIVATION, TwoLayerParams.parameterization("ntk"), TwoLayerParams.GAMMA,
                        TwoLayerParams.READOUT, NOISE, TASK, TwoLayerParams.eta("3"), TwoLayerParams.temperature("0"),
                        TwoLayerParams.LAMBDA, TwoLayerParams.steps("10000"), TwoLayerParams.BATCH, TwoLayerParams.TEST,
                        TwoLayerParams.TIMES, TwoLayerParams.DATASET, TwoLayerParams.DATA_DIR)
                .samples(2)
                .table("train_loss", "test_error", "test_error_theory", "specialization")
                .figure(new Figure("alpha", "alpha = P/(K N)", true, List.of("test_error", "test_error_theory", "specialization"),
                        "generalization error / specialization index", null, null)
                        .withPanels(Figure.panel("generalization error", "test_error", "test_error_theory").log(),
                                Figure.panel("final training loss", "train_loss").log(),
                                Figure.panel("specialization index", "specialization"))
                        .withTitleParams("n", "k", "teacher-k", "activation", "eta", "steps")));
    }

    static int examples(Point pt) {
        long p = Math.round(pt.get(ALPHA) * pt.get(K) * pt.get(N));
        if (p < 1 || p * pt.get(N) > 200_000_000L) {
            throw new UsageError("--alpha: P = alpha K N = " + p + " examples (accepted: 1 <= P and P N <= 2e8)");
        }
        return (int) p;
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
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * pt.get(K) * examples(pt) * pt.get(TwoLayerParams.STEPS);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        int p = examples(pt);
        boolean classification = pt.get(TASK).equals("classification");
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, pt.get(TwoLayerParams.READOUT).equals("trained"));
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, net, pt.get(TEACHER_K), p, pt.get(TwoLayerParams.TEST),
                classification, pt.get(NOISE));
        TwoLayerTeacher teacher = task.teacher();
        Dataset train = task.train();
        Dataset test = task.test();
        double[] testTeacher = task.testTeacher();
        List<double[]> curve = new ArrayList<>();
        TwoLayerNetwork netF = net;
        float[][] w = TwoLayerTrainer.train(net, train, List.of(TwoLayerTrainer.initialWeights(net, unit.stream(Purpose.TRAINING, 0))), null,
                List.of(unit.stream(Purpose.TRAINING, 1)), TwoLayerParams.training(pt, 0), backend,
                (step, weights, loss) -> curve.add(new double[] {step, loss[0],
                        TwoLayerObservables.testError(netF, weights[0], test, testTeacher, classification)}));
        float[] wf = w[0];
        NdArray q = TwoLayerObservables.overlap(wf, k, wf, k, n);
        NdArray m = TwoLayerObservables.overlap(wf, k, teacher.weights(), teacher.network().k(), n);
        NdArray r = TwoLayerObservables.overlap(teacher.weights(), teacher.network().k(), teacher.weights(), teacher.network().k(), n);
        double[] sv = TwoLayerObservables.singularValues(wf, k, n);
        double[] last = curve.get(curve.size() - 1);
        double theory = !classification && net.activation().hasClosedForm()
                ? TwoLayerObservables.generalizationError(net, wf, teacher) : Double.NaN;
        Dataset probe = Dataset.gaussianInputs(n, 200, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 1));
        double alignment = TwoLayerObservables.kernelAlignment(net, wf, probe, teacher.outputs(probe));
        double[] flat = new double[curve.size() * 3];
        for (int i = 0; i < curve.size(); i++) {
            System.arraycopy(curve.get(i), 0, flat, 3 * i, 3);
        }
        return new Result(last[1], last[2], theory, TwoLayerObservables.specialization(q, m, r), alignment, sv[0] / Math.sqrt(n),
                q, m, r, array(sv, sv.length), array(flat, curve.size(), 3));
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.twoLayer(pt.get(N), Math.max(pt.get(K), pt.get(TEACHER_K)), examples(pt), pt.get(TwoLayerParams.TEST), 1);
    }
}
