package io.dismc.experiment;

import io.dismc.backend.AnnealSpec;
import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.perceptron.CommitteeAnnealing;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.List;

/**
 * Overparameterized binary networks (Baldassi et al. 2021, "atypical phase transitions"): a binary
 * committee machine student with K hidden units learns from a binary teacher committee with K*
 * hidden units (K* = 1: a perceptron teacher), P = alpha N examples, by simulated annealing. Training
 * error vs K and alpha (the interpolation threshold) and the generalization error of the solutions
 * found, measured on fresh examples.
 */
public final class BinaryCommitteeExperiment extends Experiment<BinaryCommitteeExperiment.Result> {
    static final Param<Integer> N = Param.integer("n", "51", 3, 100_000, "inputs N (odd keeps fields nonzero)");
    static final Param<Double> ALPHA = PerceptronParams.alpha("0.5,1,2,3");
    static final Param<Integer> K = Param.integer("k", "1,3,5", 1, 1001, "hidden units of the student (odd)");
    static final Param<Integer> TEACHER_K = Param.integer("teacher-k", "1", 1, 1001, "hidden units of the teacher (odd)");
    static final Param<Integer> TEST = Param.integer("test-size", "2000", 10, 10_000_000, "fresh examples for the generalization error");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, TEACHER_K);

    /** One sample: training error and whether it reached zero, and the error on fresh examples. */
    public record Result(double train_error, boolean solved, double gen_error) {}

    public BinaryCommitteeExperiment() {
        super(Descriptor.of("binary-committee", Result.class)
                .title("binary committee machines trained by SA on a teacher's labels: training and generalization error"
                        + " (docs/models.md 2.7)")
                .params(N, ALPHA, K, TEACHER_K, TEST, PerceptronParams.MAX_STEPS, PerceptronParams.BETA0, PerceptronParams.BETA1)
                .samples(6)
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("train_error", "gen_error"), "error", null, null)
                        .withPanels(Figure.panel("generalization error", "gen_error").log(), Figure.panel("training error", "train_error"))
                        .withTitleParams("n", "k", "teacher-k")));
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.examples(pt);
        for (Param<Integer> units : List.of(K, TEACHER_K)) {
            if (pt.get(units) % 2 == 0) {
                throw new UsageError(units + ": " + pt.get(units) + " hidden units can tie (accepted: odd numbers)");
            }
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * pt.get(K) * PerceptronParams.examples(pt);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        int tk = pt.get(TEACHER_K);
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
                new AnnealSpec(pt.get(PerceptronParams.BETA0), pt.get(PerceptronParams.BETA1), pt.get(PerceptronParams.MAX_STEPS), 0.0, 0));
        int test = pt.get(TEST);
        double[] xt = PerceptronProblems.inputs(n, test, false, unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        byte[] yt = labels(teacher, tk, n, xt, test);
        int wrong = 0;
        for (int mu = 0; mu < test; mu++) {
            wrong += CommitteeAnnealing.output(o.weights(), k, n, xt, mu) != yt[mu] ? 1 : 0;
        }
        return new Result((double) o.violations() / p, o.solved(), (double) wrong / test);
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
        return MemoryEstimate.perceptron(pt.get(N), PerceptronParams.examples(pt), pt.get(TEST), pt.get(K) + pt.get(TEACHER_K))
                + 8L * PerceptronParams.examples(pt) * pt.get(K);
    }
}
