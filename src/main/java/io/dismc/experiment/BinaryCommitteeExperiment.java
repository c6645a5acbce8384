package io.dismc.experiment;

import io.dismc.backend.AnnealSpec;
import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.perceptron.CommitteeAnnealing;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.theory.perceptron.BinaryTeacherStudent;
import java.util.List;

/**
 * Overparameterized binary networks (Baldassi et al. 2021, "atypical phase transitions"; docs/models.md
 * 2.7): a binary committee machine student with K hidden units learns from a teacher committee with K*
 * hidden units (K* = 1: a perceptron teacher), P = alpha N examples, by simulated annealing. The teacher
 * is spherical by default (Gaussian weights): no +-1 network copies it, so the labels are not realizable
 * and a student interpolates them only below a threshold alpha_interp(K) that grows with K, measured as
 * the alpha where the solved fraction falls through 1/2. A binary teacher (`--teacher binary`) is
 * realizable by any K &gt;= K*, so there "solved" is purely algorithmic; for K = K* = 1 the figure marks the
 * Gibbs transition to perfect generalization at alpha = 1.245. Theory on the figure: that transition, and
 * for K = 1 with a spherical teacher the least generalization error any +-1 perceptron can have,
 * arccos(sqrt(2/pi))/pi (the clipped teacher sign(w*)).
 */
public final class BinaryCommitteeExperiment extends Experiment<BinaryCommitteeExperiment.Result> {
    static final Param<Integer> N = Param.integer("n", "51", 3, 100_000, "inputs N (odd keeps fields nonzero)");
    static final Param<Double> ALPHA = PerceptronParams.alpha("0.25:3:0.25");
    static final Param<Integer> K = Param.integer("k", "1,3,5", 1, 1001, "hidden units of the student (odd)");
    static final Param<Integer> TEACHER_K = Param.integer("teacher-k", "1", 1, 1001, "hidden units of the teacher (odd)");
    static final Param<String> TEACHER = Param.choice("teacher", "spherical", List.of("spherical", "binary"),
            "teacher weights: spherical (Gaussian, not realizable by +-1 students: a true interpolation threshold) or binary"
                    + " (+-1, realizable by every K >= K*)");
    static final Param<Integer> TEST = Param.integer("test-size", "2000", 10, 10_000_000, "fresh examples for the generalization error");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, TEACHER_K, TEACHER);
    /** Least generalization error of a +-1 perceptron against a spherical perceptron teacher: R = sqrt(2/pi) for sign(w*). */
    static final double CLIPPED_TEACHER_ERROR = Math.acos(Math.sqrt(2 / Math.PI)) / Math.PI;

    /** One sample: training error and whether it reached zero, and the error on fresh examples. */
    public record Result(double train_error, boolean solved, double gen_error) {}

    public BinaryCommitteeExperiment() {
        super(Descriptor.of("binary-committee", Result.class)
                .title("binary committee machines trained by SA on a teacher's labels: training and generalization error"
                        + " (docs/models.md 2.7)")
                .params(N, ALPHA, K, TEACHER_K, TEACHER, TEST, PerceptronParams.MAX_STEPS, PerceptronParams.BETA0, PerceptronParams.BETA1)
                .samples(6)
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("solved", "train_error", "gen_error"), "error", null, null)
                        .withPanels(Figure.panel("fraction of instances interpolated (zero training error)", "solved"),
                                Figure.panel("training error", "train_error"), Figure.panel("generalization error", "gen_error"))
                        .withTitleParams("n", "k", "teacher-k", "teacher")));
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
        double[] teacher = teacher(n, tk, pt.get(TEACHER).equals("binary"), unit.instanceStream(INSTANCE, Purpose.TEACHER, 0));
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

    /** K* teacher units, row k = unit k: +-1 spins, or Gaussians (the sign of a unit's field needs no normalization). */
    static double[] teacher(int n, int tk, boolean binary, io.dismc.rng.RandomStream stream) {
        double[] teacher = new double[tk * n];
        if (binary) {
            byte[] ts = new byte[tk * n];
            stream.spins(0, ts, 0, ts.length);
            for (int i = 0; i < ts.length; i++) {
                teacher[i] = ts[i];
            }
        } else {
            stream.gaussians(0, teacher, 0, teacher.length);
        }
        return teacher;
    }

    /**
     * K = K* = 1 with a binary teacher: the Gibbs transition to perfect generalization at alpha = 1.245; K = 1
     * with a spherical perceptron teacher: the least error of a +-1 perceptron, arccos(sqrt(2/pi))/pi.
     */
    @Override
    public List<io.dismc.experiment.TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new java.util.ArrayList<>();
        double lo = summaries.stream().mapToDouble(s -> s.point().get(ALPHA)).min().orElse(0);
        double hi = summaries.stream().mapToDouble(s -> s.point().get(ALPHA)).max().orElse(1);
        boolean gibbs = false;
        boolean clipped = false;
        for (PointSummary s : summaries) {
            Point p = s.point();
            boolean k1 = p.get(K) == 1 && p.get(TEACHER_K) == 1;
            gibbs |= k1 && p.get(TEACHER).equals("binary");
            clipped |= k1 && p.get(TEACHER).equals("spherical");
        }
        if (gibbs) {
            double a = BinaryTeacherStudent.PERFECT_GENERALIZATION_ALPHA;
            out.add(TheoryCurve.vertical("K=K*=1 binary teacher: Gibbs student generalizes perfectly above alpha=1.245", a, 0, 0.5).of("gen_error").at("k", 1).at("teacher", "binary"));
        }
        if (clipped) {
            out.add(new TheoryCurve(String.format(java.util.Locale.ROOT, "K=1, spherical teacher: least error of a +-1 perceptron %.4f",
                    CLIPPED_TEACHER_ERROR), new double[] {lo, hi}, new double[] {CLIPPED_TEACHER_ERROR, CLIPPED_TEACHER_ERROR}).of("gen_error").at("k", 1).at("teacher", "spherical"));
        }
        return out;
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
