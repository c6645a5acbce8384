package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.perceptron.AnnealSpec;
import io.dismc.perceptron.CommitteeAnnealing;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overparameterized binary networks (Baldassi et al. 2021, "atypical phase transitions"): a binary
 * committee machine student with K hidden units learns from a binary teacher committee with K*
 * hidden units (K* = 1: a perceptron teacher), P = alpha N examples, by simulated annealing. Training
 * error vs K and alpha (the interpolation threshold) and the generalization error of the solutions
 * found, measured on fresh examples.
 */
public final class BinaryCommitteeExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "alpha", "teacher-k");
    static final Param K = Param.integer("k", "1,3,5", 1, 1001, "hidden units of the student (odd)");
    static final Param TEACHER_K = Param.integer("teacher-k", "1", 1, 1001, "hidden units of the teacher (odd)");
    static final Param TEST = Param.integer("test-size", "2000", 10, 10_000_000, "fresh examples for the generalization error");

    @Override
    public String name() {
        return "binary-committee";
    }

    @Override
    public String title() {
        return "binary committee machines trained by SA on a teacher's labels: training and generalization error (docs/models.md 2.7)";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.integer("n", "51", 3, 100_000, "inputs N (odd keeps fields nonzero)"), PerceptronParams.alpha("0.5,1,2,3"),
                K, TEACHER_K, TEST, PerceptronParams.MAX_STEPS, PerceptronParams.BETA0, PerceptronParams.BETA1);
    }

    @Override
    public int defaultSamples() {
        return 6;
    }

    @Override
    public List<String> observables() {
        return List.of("train_error", "solved", "gen_error");
    }

    @Override
    public List<String> tableObservables() {
        return observables();
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.examples(pt);
        for (String name : List.of("k", "teacher-k")) {
            if (pt.integer(name) % 2 == 0) {
                throw new UsageError("--" + name + ": " + pt.integer(name) + " hidden units can tie (accepted: odd numbers)");
            }
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * pt.integer("k") * PerceptronParams.examples(pt);
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int k = pt.integer("k");
        int tk = pt.integer("teacher-k");
        int p = PerceptronParams.examples(pt);
        double[] teacher = new double[tk * n];
        byte[] ts = new byte[tk * n];
        unit.instanceStream(INSTANCE, Purpose.TEACHER, 0).spins(0, ts, 0, ts.length);
        for (int i = 0; i < ts.length; i++) {
            teacher[i] = ts[i];
        }
        double[] x = PerceptronProblems.inputs(n, p, false, unit.instanceStream(INSTANCE, Purpose.INPUTS, 0));
        byte[] y = labels(teacher, tk, n, x, p);
        byte[] w0 = new byte[k * n];
        unit.stream(Purpose.TRAINING, 0).spins(0, w0, 0, w0.length);
        SolverOutcome o = CommitteeAnnealing.run(x, y, n, k, w0, unit.stream(Purpose.TRAINING, 1),
                new AnnealSpec(pt.real("beta0"), pt.real("beta1"), pt.integer("max-steps"), 0.0, 0));
        int test = pt.integer("test-size");
        double[] xt = PerceptronProblems.inputs(n, test, false, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        byte[] yt = labels(teacher, tk, n, xt, test);
        int wrong = 0;
        for (int mu = 0; mu < test; mu++) {
            wrong += CommitteeAnnealing.output(o.weights(), k, n, xt, mu) != yt[mu] ? 1 : 0;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("train_error", (double) o.violations() / p);
        out.put("solved", o.solved() ? 1.0 : 0.0);
        out.put("gen_error", (double) wrong / test);
        return UnitOutput.of(out);
    }

    static byte[] labels(double[] teacher, int tk, int n, double[] x, int p) {
        byte[] y = new byte[p];
        for (int mu = 0; mu < p; mu++) {
            y[mu] = (byte) CommitteeAnnealing.output(teacher, tk, n, x, mu);
        }
        return y;
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.integer("n"), PerceptronParams.examples(pt), pt.integer("test-size"),
                pt.integer("k") + pt.integer("teacher-k")) + 8L * PerceptronParams.examples(pt) * pt.integer("k");
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/N", false, List.of("train_error", "gen_error"), "error", null, null)
                .withPanels(Figure.panel("generalization error", "gen_error").log(), Figure.panel("training error", "train_error"))
                .withTitleParams("n", "k", "teacher-k");
    }
}
