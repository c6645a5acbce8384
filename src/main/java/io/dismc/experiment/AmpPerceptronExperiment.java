package io.dismc.experiment;

import io.dismc.amp.AmpProblem;
import io.dismc.amp.AmpResult;
import io.dismc.amp.AmpSettings;
import io.dismc.amp.AmpTrace;
import io.dismc.amp.BinaryPrior;
import io.dismc.amp.GaussBernoulliPrior;
import io.dismc.amp.GaussianPrior;
import io.dismc.amp.InstanceStreams;
import io.dismc.amp.OutputChannel;
import io.dismc.amp.Prior;
import io.dismc.amp.ProbitChannel;
import io.dismc.amp.SeTrajectory;
import io.dismc.amp.SignChannel;
import io.dismc.amp.StateEvolution;
import io.dismc.amp.StopReason;
import io.dismc.amp.Thresholds;
import io.dismc.backend.Backend;
import io.dismc.backend.GaussianMatrices;
import io.dismc.data.NdArray;
import io.dismc.experiment.AmpParams.Algorithm;
import io.dismc.experiment.AmpParams.StartKind;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The teacher-student perceptron by GAMP against its Bayes-optimal state evolution (docs/models.md 4;
 * Barbier, Krzakala, Macris, Miolane, Zdeborova PNAS 2019): labels y = sign(F x0) (probit with noise
 * variance Delta > 0), F_{mu i} ~ N(0, 1/N), i.e. Gaussian i.i.d. inputs, M = round(alpha N); teacher
 * spherical (Gaussian, or Gauss-Bernoulli with rho &lt; 1) or +-1. GAMP with the clamps and the stopping
 * rule of pitfall P6 (V &gt;= 1e-12, stop at mean(v) &lt; 1e-10 or once a near-certain estimate reproduces every
 * label). Per instance: overlap m, generalization error measured on fresh examples and in its arccos form,
 * beside the Bayes-optimal SE, and iterations.
 */
public final class AmpPerceptronExperiment extends Experiment<AmpPerceptronExperiment.Result> {
    enum Teacher { SPHERICAL, BINARY }

    static final Param<Integer> N = AmpParams.n("1000");
    static final Param<Double> ALPHA = AmpParams.alpha("0.5,1,1.25,1.5,1.75,2,3");
    static final Param<Teacher> TEACHER = Param.choice("teacher", "spherical,binary", Teacher.class,
            "teacher weights x0: spherical (N(0,1) components) or binary (+-1)");
    static final Param<Double> RHO = Param.real("rho", "1", 0, false, 1, true,
            "fraction of nonzero teacher components (rho < 1: Gauss-Bernoulli teacher; spherical only)");
    static final Param<Double> DELTA = Param.real("delta", "0", 0, true, 100, true,
            "label noise variance Delta: y = sign(F x0 + sqrt(Delta) xi) (0: noiseless sign)");
    static final Param<Integer> MAX_ITERATIONS = AmpParams.maxIterations("200");
    static final Param<Integer> TEST_EXAMPLES = Param.integer("test-examples", "1000", 1, 10_000_000,
            "fresh examples on which the generalization error is measured");
    /** F, x0 and the label noise depend on these only. */
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, TEACHER, RHO, DELTA);

    /**
     * One instance: overlap m = a.x0/N and SE's q, the generalization error of sign(x.a) on fresh Gaussian
     * examples against the teacher's sign(x.x0), its arccos form arccos(m/sqrt(Q |x0|^2/N))/pi, the
     * Bayes-optimal SE value arccos(sqrt(q/rho_x))/pi and the Gibbs one arccos(q/rho_x)/pi, the MSE, mean(v),
     * iterations and the stop; per iteration the overlap, the arccos error, mean(v) and SE's error.
     */
    public record Result(double overlap, double overlap_se, double gen_error, double gen_error_arccos, double gen_error_se,
                         double gibbs_error_se, double mse, double mse_se, double mean_v, int iterations, boolean converged,
                         boolean labels_fitted, boolean diverged, int diverged_at, NdArray overlap_t, NdArray gen_error_t,
                         NdArray mean_v_t, NdArray gen_error_se_t) {}

    public AmpPerceptronExperiment() {
        super(Descriptor.of("amp-perceptron", Result.class)
                .title("teacher-student perceptron by GAMP against Bayes-optimal state evolution: generalization error vs alpha,"
                        + " spherical or +-1 teacher (docs/models.md 4)")
                .params(N, ALPHA, TEACHER, RHO, DELTA, AmpParams.ALGORITHM, AmpParams.START, AmpParams.DAMPING, MAX_ITERATIONS,
                        AmpParams.TOLERANCE, TEST_EXAMPLES, AmpParams.MATRIX)
                .samples(4)
                .table("gen_error", "gen_error_arccos", "gen_error_se", "overlap", "iterations")
                .figure(new Figure("alpha", "alpha = M/N", false, List.of("gen_error"), "generalization error", null, null)
                        .withPanels(Figure.panel("generalization error eps_g", "gen_error", "gen_error_arccos"),
                                Figure.panel("overlap m = a.x0/N", "overlap"), Figure.panel("iterations", "iterations"))
                        .withTitleParams("n", "teacher", "rho", "delta", "start", "damping")));
    }

    static Prior teacher(Point pt) {
        double rho = pt.get(RHO);
        if (pt.get(TEACHER) == Teacher.BINARY) {
            return BinaryPrior.INSTANCE;
        }
        return rho == 1 ? GaussianPrior.standard() : GaussBernoulliPrior.standard(rho);
    }

    static OutputChannel channel(Point pt) {
        double delta = pt.get(DELTA);
        return delta == 0 ? SignChannel.INSTANCE : new ProbitChannel(delta);
    }

    static AmpProblem problem(Point pt) {
        int n = pt.get(N);
        AmpParams.rows(n, pt.get(ALPHA), ALPHA.name());
        return AmpProblem.of(teacher(pt), channel(pt), n, pt.get(ALPHA));
    }

    /** Bayes-optimal SE from the run's start. */
    static SeTrajectory stateEvolution(Point pt, double alpha) {
        Prior prior = teacher(pt);
        double e0 = pt.get(AmpParams.START) == StartKind.INFORMED ? AmpParams.INFORMED_VARIANCE : prior.priorVariance();
        return StateEvolution.bayesOptimal(prior, channel(pt), alpha).run(e0, AmpParams.SE_ITERATIONS, 1e-12);
    }

    @Override
    public void validate(Point pt) {
        AmpParams.rows(pt.get(N), pt.get(ALPHA), ALPHA.name());
        if (pt.get(AmpParams.ALGORITHM) == Algorithm.L1) {
            throw UsageError.option(AmpParams.ALGORITHM.name(), "l1 (soft-threshold) AMP has a state evolution only for the Gaussian"
                    + " channel of compressed sensing (amp-cs), not for sign labels", "bayes");
        }
        if (pt.get(TEACHER) == Teacher.BINARY && pt.get(RHO) != 1) {
            throw UsageError.option(RHO.name(), "rho = " + pt.get(RHO) + " with --teacher binary: a sparse +-1 teacher has no prior"
                    + " object here, so neither GAMP nor its state evolution can describe it", "rho = 1 with --teacher binary"
                    + " (rho in (0, 1] with --teacher spherical)");
        }
    }

    @Override
    public double cost(Point pt) {
        int n = pt.get(N);
        double entries = (double) n * (AmpParams.rows(n, pt.get(ALPHA), ALPHA.name()) + pt.get(TEST_EXAMPLES));
        return entries * (AmpParams.stored(pt) ? 40 : 300);
    }

    @Override
    public long memoryBytes(Point pt) {
        int n = pt.get(N);
        int m = AmpParams.rows(n, pt.get(ALPHA), ALPHA.name());
        boolean stored = AmpParams.stored(pt);
        return AmpParams.memoryBytes(n, m, stored) + (stored ? 8L * pt.get(TEST_EXAMPLES) * n : 0) + 16L * pt.get(TEST_EXAMPLES);
    }

    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        Point pt = batch.get(0).point();
        AmpProblem p = problem(pt);
        // P6: V >= 1e-12 (the sign channels' floor), stop below mean(v) = 1e-10 or once a near-certain estimate fits every label
        AmpSettings s = AmpParams.settings(AmpSettings.bayesOptimal(p), pt, MAX_ITERATIONS).withStopOnFittedLabels(true);
        List<AmpResult> runs = AmpParams.run(batch, backend, p, s, INSTANCE, AmpParams.stored(pt));
        double[] testErrors = testErrors(batch, backend, p, runs, pt.get(TEST_EXAMPLES), AmpParams.stored(pt));
        SeTrajectory se = stateEvolution(pt, p.alpha());
        int ts = se.iterations();
        List<Result> out = new ArrayList<>(runs.size());
        for (int b = 0; b < runs.size(); b++) {
            AmpResult r = runs.get(b);
            AmpTrace tr = r.trace();
            int t = r.iterations();
            double[] eps = new double[t + 1];
            double[] epsSe = new double[t + 1];
            for (int k = 0; k <= t; k++) {
                eps[k] = tr.generalizationError(k);
                epsSe[k] = se.generalizationError(Math.min(k, ts));
            }
            out.add(new Result(tr.overlap()[t], se.overlap(ts), testErrors[b], eps[t], se.generalizationError(ts), se.gibbsError(ts),
                    r.finalMse(), se.fixedPoint(), tr.meanVariance()[t], t, r.converged(), r.stop() == StopReason.LABELS_FITTED,
                    r.diverged(), r.divergedAt(), array(tr.overlap().clone(), t + 1), array(eps, t + 1),
                    array(tr.meanVariance().clone(), t + 1), array(epsSe, t + 1)));
        }
        return out;
    }

    /**
     * The fraction of fresh Gaussian examples x (entries of a Gaussian matrix from each unit's test stream)
     * on which sign(x.a) differs from the teacher's sign(x.x0); both products on one matrix stack, the
     * teacher and the estimate as two vectors through the same matrix.
     */
    static double[] testErrors(List<Unit> batch, Backend backend, AmpProblem p, List<AmpResult> runs, int examples, boolean stored) {
        int n = p.n();
        int b = batch.size();
        long seed = batch.get(0).seed();
        long[] ids = new long[2 * b];
        double[][] vectors = new double[2 * b][];
        for (int k = 0; k < b; k++) {
            Unit u = batch.get(k);
            InstanceStreams st = AmpParams.streams(u, INSTANCE);
            long test = u.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0).streamId();
            ids[2 * k] = test;
            ids[2 * k + 1] = test;
            double[] x0 = new double[n];
            p.signal().sample(new RandomStream(seed, st.signal()), x0); // the teacher, as GampBatch drew it
            vectors[2 * k] = x0;
            vectors[2 * k + 1] = runs.get(k).estimate();
        }
        double[][] fields = new double[2 * b][examples];
        boolean[] all = new boolean[2 * b];
        Arrays.fill(all, true);
        try (GaussianMatrices x = backend.linear().gaussianMatrices(seed, ids, examples, n, stored)) {
            x.multiply(vectors, fields, all, false);
        }
        double[] out = new double[b];
        for (int k = 0; k < b; k++) {
            int wrong = 0;
            for (int nu = 0; nu < examples; nu++) {
                wrong += (fields[2 * k][nu] >= 0) != (fields[2 * k + 1][nu] >= 0) ? 1 : 0;
            }
            out[k] = (double) wrong / examples;
        }
        return out;
    }

    /**
     * The Bayes-optimal SE error and the Gibbs error against alpha for every combination of the other
     * parameters, and for the noiseless +-1 teacher its thresholds alpha_IT and alpha_alg.
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new ArrayList<>();
        if (summaries.isEmpty()) {
            return out;
        }
        double lo = summaries.stream().mapToDouble(s -> s.point().get(ALPHA)).min().orElse(0);
        double hi = summaries.stream().mapToDouble(s -> s.point().get(ALPHA)).max().orElse(1);
        Map<String, Point> combos = new TreeMap<>();
        for (PointSummary s : summaries) {
            Point p = s.point();
            combos.putIfAbsent(p.get(TEACHER) + "|" + p.get(RHO) + "|" + p.get(DELTA) + "|" + p.get(AmpParams.START), p);
        }
        boolean thresholds = false;
        for (Point p : combos.values()) {
            boolean binary = p.get(TEACHER) == Teacher.BINARY && p.get(DELTA) == 0;
            double alg = binary ? Thresholds.binaryPerceptronAlgorithmic().alpha() : Double.NaN;
            double[] x = AmpParams.grid(lo, hi, 60, alg - 1e-3, alg + 1e-3);
            double[] bayes = new double[x.length];
            double[] gibbs = new double[x.length];
            double[] overlap = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                SeTrajectory se = stateEvolution(p, x[k]);
                bayes[k] = se.generalizationError(se.iterations());
                gibbs[k] = se.gibbsError(se.iterations());
                overlap[k] = se.overlap(se.iterations());
            }
            // each in the colour of the curves it is computed for (their values of the swept parameters but alpha)
            List<String> others = swept.stream().filter(q -> !q.equals(ALPHA.name())).toList();
            out.add(line("Bayes-optimal SE", x, bayes, p, others).of("gen_error"));
            out.add(line("Gibbs classifier (SE)", x, gibbs, p, others));
            out.add(line("Bayes-optimal SE overlap", x, overlap, p, others).of("overlap"));
            thresholds |= binary;
        }
        if (thresholds) {
            double it = Thresholds.binaryPerceptronIt().alpha();
            double alg = Thresholds.binaryPerceptronAlgorithmic().alpha();
            out.add(new TheoryCurve(String.format(Locale.ROOT, "alpha_IT = %.4f (+-1)", it), new double[] {it, it}, new double[] {0, 0.5}));
            out.add(new TheoryCurve(String.format(Locale.ROOT, "alpha_alg = %.4f (+-1)", alg), new double[] {alg, alg},
                    new double[] {0, 0.5}));
        }
        return out;
    }

    /** A theory line computed at point p, named and coloured by p's values of the other swept parameters. */
    static TheoryCurve line(String name, double[] x, double[] y, Point p, List<String> others) {
        return AmpCsExperiment.at(new TheoryCurve(AmpCsExperiment.label(name, p, others), x, y), p, others);
    }

}
