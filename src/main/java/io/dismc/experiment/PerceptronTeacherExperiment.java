package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.model.PerceptronInstance;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.PerceptronTheory;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teacher-student perceptron (docs/models.md 2.4): labels from a teacher w*, a student trained on P = alpha N
 * examples; training error, the overlap R = (w . w_t) / (|w| |w_t|) with the teacher w_t, the generalization error arccos(R)/pi it
 * implies, and the error measured on fresh examples (the two must agree).
 */
public final class PerceptronTeacherExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "alpha", "inputs", "teacher");
    static final Param TEACHER = Param.choice("teacher", "spherical", List.of("spherical", "binary"), "teacher weights");
    static final Param TEST = Param.integer("test-size", "4000", 10, 10_000_000, "fresh examples for the measured test error");

    @Override
    public String name() {
        return "perceptron-teacher";
    }

    @Override
    public String title() {
        return "teacher-student perceptron: training and generalization error vs alpha (docs/models.md 2.4)";
    }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>(List.of(PerceptronParams.n("200"), PerceptronParams.alpha("0.5,1,2,3,5"),
                PerceptronParams.kappa("0"), PerceptronParams.WEIGHTS, TEACHER, PerceptronParams.INPUTS, TEST));
        p.addAll(PerceptronParams.solverParams());
        return p;
    }

    @Override
    public int defaultSamples() {
        return 8;
    }

    @Override
    public List<String> observables() {
        return List.of("train_error", "overlap", "gen_error_theory", "test_error", "solved");
    }

    @Override
    public List<String> tableObservables() {
        return List.of("train_error", "overlap", "gen_error_theory", "test_error");
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.validate(pt, pt.real("kappa"));
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * PerceptronParams.examples(pt);
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int p = PerceptronParams.examples(pt);
        boolean gaussian = pt.choice("inputs").equals("gaussian");
        double[] teacher = PerceptronProblems.teacher(n, pt.choice("teacher").equals("binary"),
                unit.instanceStream(INSTANCE, Purpose.TEACHER, 0));
        double[] x = PerceptronProblems.inputs(n, p, gaussian, unit.instanceStream(INSTANCE, Purpose.INPUTS, 0));
        byte[] y = PerceptronProblems.teacherLabels(x, n, p, teacher);
        PerceptronInstance inst = PerceptronProblems.instance(x, y, n, p, gaussian);
        SolverOutcome o = PerceptronParams.solve(pt, unit, inst, pt.real("kappa"), 1, backend, Purpose.TRAINING).get(0);
        int test = pt.integer("test-size");
        double[] xt = PerceptronProblems.inputs(n, test, gaussian, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        byte[] yt = PerceptronProblems.teacherLabels(xt, n, test, teacher);
        double r = PerceptronProblems.overlap(o.weights(), teacher);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("train_error", (double) inst.violations(o.weights(), 0.0) / p);
        out.put("overlap", r);
        out.put("gen_error_theory", PerceptronTheory.generalizationError(r));
        out.put("test_error", PerceptronProblems.testError(o.weights(), xt, yt, n));
        out.put("solved", o.solved() ? 1.0 : 0.0);
        return UnitOutput.of(out);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.integer("n"), PerceptronParams.examples(pt), pt.integer("test-size"), 4);
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/N", false, List.of("test_error", "gen_error_theory", "train_error"), "error", null, null)
                .withPanels(Figure.panel("generalization error", "test_error", "gen_error_theory").log(),
                        Figure.panel("training error", "train_error"))
                .withTitleParams("n", "kappa", "weights", "teacher", "solver");
    }
}
