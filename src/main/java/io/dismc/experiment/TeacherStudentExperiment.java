package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.data.NdArray;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTeacher;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Narrow one-hidden-layer networks in the teacher-student setting (Barbier, Gerace, Ingrosso, Lauditi,
 * Malatesta et al. 2025; docs/models.md 3.5): P = alpha K N Gaussian examples labelled by a teacher with K*
 * units, a student with K units trained by GD or Langevin. Generalization error (measured, and in
 * closed form for erf/linear) and the specialization index vs alpha: past the specialization
 * transition each student unit aligns with one teacher unit and the error drops.
 */
public final class TeacherStudentExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "k", "teacher-k", "alpha", "activation", "noise", "task");
    static final Param ALPHA = Param.real("alpha", "0.5,1,2,4", 0, false, 1e6, true, "alpha = P / (K N)");
    static final Param NOISE = Param.real("noise", "0", 0, true, 1e6, true, "label noise standard deviation (regression)");
    static final Param TASK = Param.choice("task", "regression", List.of("regression", "classification"),
            "targets: teacher output (+ noise) or its sign");

    @Override
    public String name() {
        return "teacher-student";
    }

    @Override
    public String title() {
        return "narrow two-layer teacher-student: generalization error and specialization vs alpha = P/(K N), GD or Langevin (docs/models.md 3.5)";
    }

    @Override
    public List<Param> params() {
        return List.of(TwoLayerParams.n("100"), TwoLayerParams.k("2"), TwoLayerParams.teacherK("2"), ALPHA, TwoLayerParams.ACTIVATION,
                TwoLayerParams.parameterization("ntk"), TwoLayerParams.GAMMA, TwoLayerParams.READOUT, NOISE, TASK,
                TwoLayerParams.eta("3"), TwoLayerParams.temperature("0"), TwoLayerParams.LAMBDA, TwoLayerParams.steps("10000"),
                TwoLayerParams.BATCH, TwoLayerParams.TEST, TwoLayerParams.TIMES);
    }

    @Override
    public int defaultSamples() {
        return 2;
    }

    @Override
    public List<String> observables() {
        return List.of("train_loss", "test_error", "test_error_theory", "specialization", "kernel_alignment", "top_singular");
    }

    @Override
    public List<String> tableObservables() {
        return List.of("train_loss", "test_error", "test_error_theory", "specialization");
    }

    @Override
    public List<String> arrayObservables() {
        return List.of("Q", "M", "R", "spectrum", "curves");
    }

    static int examples(Point pt) {
        long p = Math.round(pt.real("alpha") * pt.integer("k") * pt.integer("n"));
        if (p < 1 || p * pt.integer("n") > 200_000_000L) {
            throw new UsageError("--alpha: P = alpha K N = " + p + " examples (accepted: 1 <= P and P N <= 2e8)");
        }
        return (int) p;
    }

    @Override
    public void validate(Point pt) {
        examples(pt);
        TwoLayerParams.checkStable(pt, pt.real("lambda"), "lambda");
        if (pt.integer("batch") > examples(pt)) {
            throw new UsageError("--batch: " + pt.integer("batch") + " exceeds the P = " + examples(pt) + " examples (accepted: 0 for full batch, or <= P)");
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * pt.integer("k") * examples(pt) * pt.integer("steps");
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int k = pt.integer("k");
        int p = examples(pt);
        boolean classification = pt.choice("task").equals("classification");
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, pt.choice("readout").equals("trained"));
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, net, pt.integer("teacher-k"), p, pt.integer("test-size"),
                classification, pt.real("noise"));
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
        Map<String, Double> out = new LinkedHashMap<>();
        double[] last = curve.get(curve.size() - 1);
        out.put("train_loss", last[1]);
        out.put("test_error", last[2]);
        out.put("test_error_theory", !classification && net.activation().hasClosedForm()
                ? TwoLayerObservables.generalizationError(net, wf, teacher) : Double.NaN);
        out.put("specialization", TwoLayerObservables.specialization(q, m, r));
        Dataset probe = Dataset.gaussianInputs(n, 200, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 1));
        out.put("kernel_alignment", TwoLayerObservables.kernelAlignment(net, wf, probe, teacher.outputs(probe)));
        out.put("top_singular", sv[0] / Math.sqrt(n));
        double[] flat = new double[curve.size() * 3];
        for (int i = 0; i < curve.size(); i++) {
            System.arraycopy(curve.get(i), 0, flat, 3 * i, 3);
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("Q", q);
        arrays.put("M", m);
        arrays.put("R", r);
        arrays.put("spectrum", new NdArray(new int[] {sv.length}, sv));
        // rows: recorded times; columns: step, train loss, test error
        arrays.put("curves", new NdArray(new int[] {curve.size(), 3}, flat));
        return new UnitOutput(out, arrays);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.twoLayer(pt.integer("n"), Math.max(pt.integer("k"), pt.integer("teacher-k")), examples(pt),
                pt.integer("test-size"), 1);
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/(K N)", true, List.of("test_error", "test_error_theory", "specialization"),
                "generalization error / specialization index", null, null)
                .withPanels(Figure.panel("generalization error", "test_error", "test_error_theory").log(),
                        Figure.panel("final training loss", "train_loss").log(),
                        Figure.panel("specialization index", "specialization"))
                .withTitleParams("n", "k", "teacher-k", "activation", "eta", "steps");
    }
}
