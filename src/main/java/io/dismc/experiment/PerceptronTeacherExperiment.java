package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.PerceptronTheory;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.parallel.Parallel;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.theory.perceptron.BinaryTeacherStudent;
import io.dismc.theory.perceptron.GibbsLearning;
import java.util.List;

/**
 * Teacher-student perceptron (docs/models.md 2.4): labels from a teacher w*, a student trained on P = alpha N
 * examples; training error, the overlap R = (w . w_t) / (|w| |w_t|) with the teacher w_t, the generalization error arccos(R)/pi it
 * implies, and the error measured on fresh examples (the two must agree). Theory on the figure: the RS
 * learning curve of the Gibbs student (docs/models.md 2.9), which `--solver equilibrium` samples.
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

    /** A teacher's instance: the teacher, the training instance, and fresh test examples it labels. */
    private record Problem(double[] teacher, PerceptronInstance inst, double[] xt, byte[] yt) {}

    private static Problem problem(Unit unit) {
        Point pt = unit.point();
        int n = pt.get(N);
        int p = PerceptronParams.examples(pt);
        boolean gaussian = pt.get(PerceptronParams.INPUTS).equals("gaussian");
        double[] teacher = PerceptronProblems.teacher(n, pt.get(TEACHER).equals("binary"),
                unit.instanceStream(INSTANCE, Purpose.TEACHER, 0));
        double[] x = PerceptronProblems.inputs(n, p, gaussian, unit.instanceStream(INSTANCE, Purpose.INPUTS, 0));
        byte[] y = PerceptronProblems.teacherLabels(x, n, p, teacher);
        int test = pt.get(TEST);
        double[] xt = PerceptronProblems.inputs(n, test, gaussian, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        return new Problem(teacher, PerceptronProblems.instance(x, y, n, p, gaussian), xt, PerceptronProblems.teacherLabels(xt, n, test, teacher));
    }

    /** The whole batch at once: simulated annealing of every sample in one backend launch (docs/models.md 2.2). */
    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        Problem[] problems = new Problem[batch.size()];
        Parallel.forEach(backend.pool(), batch.size(), u -> problems[u] = problem(batch.get(u)));
        List<PerceptronInstance> insts = java.util.Arrays.stream(problems).map(Problem::inst).toList();
        double kappa = batch.get(0).point().get(PerceptronParams.KAPPA);
        List<List<SolverOutcome>> found = PerceptronParams.solveAll(batch, insts, kappa, 1, backend, Purpose.TRAINING);
        Result[] out = new Result[batch.size()];
        Parallel.forEach(backend.pool(), batch.size(), u -> {
            Problem pr = problems[u];
            SolverOutcome o = found.get(u).get(0);
            int n = pr.inst().n();
            double r = PerceptronProblems.overlap(o.weights(), pr.teacher());
            out[u] = new Result((double) pr.inst().violations(o.weights(), 0.0) / pr.inst().p(), r, PerceptronTheory.generalizationError(r),
                    PerceptronProblems.testError(o.weights(), pr.xt(), pr.yt(), n), o.solved());
        });
        return List.of(out);
    }

    /**
     * Spherical weights at kappa = 0: the RS learning curve of the Gibbs student arccos(R(alpha))/pi (a
     * uniformly random point of the version space, which --solver equilibrium samples; GD's solutions are
     * not typical ones). Binary weights with a binary teacher: the Gibbs transition to perfect
     * generalization at alpha = 1.245.
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new java.util.ArrayList<>();
        double lo = summaries.stream().mapToDouble(s -> s.point().get(ALPHA)).min().orElse(1);
        double hi = summaries.stream().mapToDouble(s -> s.point().get(ALPHA)).max().orElse(1);
        boolean gibbs = summaries.stream().anyMatch(s -> !PerceptronParams.binary(s.point()) && s.point().get(PerceptronParams.KAPPA) == 0);
        boolean binary = summaries.stream().anyMatch(s -> PerceptronParams.binary(s.point()) && s.point().get(TEACHER).equals("binary"));
        if (gibbs) {
            int m = 40;
            double[] x = new double[m + 1];
            double[] y = new double[m + 1];
            for (int k = 0; k <= m; k++) {
                x[k] = lo + (hi - lo) * k / m;
                y[k] = GibbsLearning.generalizationError(x[k]);
            }
            out.add(new TheoryCurve("RS Gibbs student (a typical point of the version space: --solver equilibrium)", x, y).of("test_error").at("weights", "spherical"));
        }
        if (binary) {
            double a = BinaryTeacherStudent.PERFECT_GENERALIZATION_ALPHA;
            out.add(TheoryCurve.vertical("binary teacher and student: Gibbs student perfect above alpha=1.245", a, 1e-3, 0.5).of("test_error").at("weights", "binary"));
        }
        return out;
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.get(N), PerceptronParams.examples(pt), pt.get(TEST), 4);
    }
}
