package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.PerceptronTheory;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.List;

/**
 * Teacher-student perceptron (docs/models.md 2.4): labels from a teacher w*, a student trained on P = alpha N
 * examples; training error, the overlap R = (w . w_t) / (|w| |w_t|) with the teacher w_t, the generalization error arccos(R)/pi it
 * implies, and the error measured on fresh examples (the two must agree).
 */
public final class PerceptronTeacherExperiment extends Experiment<PerceptronTeacherExperiment.Result> {
    static final Param<Integer> N = PerceptronParams.n("200");
    static final Param<Double> ALPHA = PerceptronParams.alpha("0.5,1,2,3,5");
    static final Param<String> TEACHER = Param.choice("teacher", "spherical", List.of("spherical", "binary"), "teacher weights");
    static final Param<Integer> TEST = Param.integer("test-size", "4000", 10, 10_000_000, "fresh examples for the measured test error");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, PerceptronParams.INPUTS, TEACHER);

    /** One sample: training error, overlap R with the teacher, arccos(R)/pi, the error on fresh examples, solved. */
    public record Result(double train_error, double overlap, double gen_error_theory, double test_error, boolean solved) {}

    public PerceptronTeacherExperiment() {
        super(Descriptor.of("perceptron-teacher", Result.class)
                .title("teacher-student perceptron: training and generalization error vs alpha (docs/models.md 2.4)")
                .params(LocalEnergyExperiment.withSolver(N, ALPHA, PerceptronParams.KAPPA, PerceptronParams.WEIGHTS, TEACHER,
                        PerceptronParams.INPUTS, TEST))
                .samples(8)
                .table("train_error", "overlap", "gen_error_theory", "test_error")
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("test_error", "gen_error_theory", "train_error"), "error",
                        null, null)
                        .withPanels(Figure.panel("generalization error", "test_error", "gen_error_theory").log(),
                                Figure.panel("training error", "train_error"))
                        .withTitleParams("n", "kappa", "weights", "teacher", "solver")));
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.validate(pt, pt.get(PerceptronParams.KAPPA));
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * PerceptronParams.examples(pt);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int p = PerceptronParams.examples(pt);
        boolean gaussian = pt.get(PerceptronParams.INPUTS).equals("gaussian");
        double[] teacher = PerceptronProblems.teacher(n, pt.get(TEACHER).equals("binary"),
                unit.instanceStream(INSTANCE, Purpose.TEACHER, 0));
        double[] x = PerceptronProblems.inputs(n, p, gaussian, unit.instanceStream(INSTANCE, Purpose.INPUTS, 0));
        byte[] y = PerceptronProblems.teacherLabels(x, n, p, teacher);
        PerceptronInstance inst = PerceptronProblems.instance(x, y, n, p, gaussian);
        SolverOutcome o = PerceptronParams.solve(pt, unit, inst, pt.get(PerceptronParams.KAPPA), 1, backend, Purpose.TRAINING).get(0);
        int test = pt.get(TEST);
        double[] xt = PerceptronProblems.inputs(n, test, gaussian, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        byte[] yt = PerceptronProblems.teacherLabels(xt, n, test, teacher);
        double r = PerceptronProblems.overlap(o.weights(), teacher);
        return new Result((double) inst.violations(o.weights(), 0.0) / p, r, PerceptronTheory.generalizationError(r),
                PerceptronProblems.testError(o.weights(), xt, yt, n), o.solved());
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.get(N), PerceptronParams.examples(pt), pt.get(TEST), 4);
    }
}
