package io.dismc.experiment;

import io.dismc.amp.AmpProblem;
import io.dismc.amp.AmpResult;
import io.dismc.amp.AmpSettings;
import io.dismc.amp.AmpTrace;
import io.dismc.amp.GaussBernoulliPrior;
import io.dismc.amp.GaussianNoiseChannel;
import io.dismc.amp.SeTrajectory;
import io.dismc.amp.SoftThreshold;
import io.dismc.amp.StateEvolution;
import io.dismc.amp.Thresholds;
import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.experiment.AmpParams.Algorithm;
import io.dismc.experiment.AmpParams.StartKind;
import io.dismc.params.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Compressed sensing by AMP against its state evolution (docs/models.md 4; Krzakala, Mezard, Sausset,
 * Sun, Zdeborova PRX 2012; Donoho, Maleki, Montanari PNAS 2009): y = F x0 + w, x0 Gauss-Bernoulli(rho,
 * mean, variance), F_{mu i} ~ N(0, 1/N) with M = round(alpha N) rows, w ~ N(0, Delta). Bayes-optimal AMP
 * or l1 (soft-threshold) AMP, from the uninformed or the informed start, damped or not; the samples of a
 * point run as one batch of independent instances in lock-step. Per instance: the final MSE beside the SE
 * fixed point, iterations, convergence, success, divergence, and per iteration (arrays) the MSE, mean(v)
 * and the Onsager diagnostic var(R - x0)/Sigma beside SE's E_t.
 */
public final class AmpCsExperiment extends Experiment<AmpCsExperiment.Result> {
    static final Param<Integer> N = AmpParams.n("2000");
    static final Param<Double> ALPHA = AmpParams.alpha("0.1:0.6:0.05");
    static final Param<Double> RHO = Param.real("rho", "0.2", 0, false, 1, true,
            "fraction of nonzero components rho = k/N of the Gauss-Bernoulli signal (DMM's rho is rho/alpha)");
    static final Param<Double> DELTA = Param.real("delta", "1e-8", 0, true, 1e6, true, "noise variance Delta of y = F x0 + w");
    static final Param<Double> PRIOR_MEAN = Param.real("prior-mean", "0", -1e6, true, 1e6, true,
            "mean of the nonzero components (Gauss-Bernoulli prior)");
    static final Param<Double> PRIOR_VARIANCE = Param.real("prior-variance", "1", 0, false, 1e6, true,
            "variance of the nonzero components (Gauss-Bernoulli prior)");
    static final Param<Double> THETA = Param.real("theta", "0", 0, true, 20, true,
            "l1-AMP threshold lam = theta tau_hat; 0: theta*(rho), the one that minimises the l1 transition alpha_l1(rho)");
    static final Param<Integer> MAX_ITERATIONS = AmpParams.maxIterations("500");
    static final Param<Double> SUCCESS_MSE = Param.real("success-mse", "1e-4", 0, false, 1e6, true,
            "an instance succeeds when its final MSE is below this");
    /** F, x0 and the noise depend on these only. */
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, RHO, DELTA, PRIOR_MEAN, PRIOR_VARIANCE);
    static final String ITERATIONS_FIGURE = "iterations";

    /**
     * One instance: final MSE and the SE fixed point (same start, realised alpha = M/N), iterations and the
     * stop, mean(v) (the algorithm's own MSE estimate), the realised signal power mean(x0^2), the MSE at the
     * checkpoint iterations, and per iteration t = 0..T the MSE, mean(v), var(R - x0)/Sigma and SE's E_t.
     */
    public record Result(double mse, double mse_se, int iterations, boolean converged, boolean success, boolean diverged,
                         int diverged_at, double mean_v, double signal_power, double mse_1, double mse_2, double mse_3, double mse_5,
                         double mse_10, double mse_20, double mse_50, double mse_100, double mse_200, double mse_500, NdArray mse_t,
                         NdArray mean_v_t, NdArray onsager_t, NdArray mse_se_t) {}

    public AmpCsExperiment() {
        super(Descriptor.of("amp-cs", Result.class)
                .title("compressed sensing by AMP (Bayes-optimal or l1) against state evolution: MSE vs alpha, iterations, success"
                        + " over (rho, alpha) (docs/models.md 4)")
                .params(N, ALPHA, RHO, DELTA, PRIOR_MEAN, PRIOR_VARIANCE, AmpParams.ALGORITHM, THETA, AmpParams.START,
                        AmpParams.DAMPING, MAX_ITERATIONS, AmpParams.TOLERANCE, SUCCESS_MSE, AmpParams.MATRIX)
                .samples(4)
                .table("mse", "mse_se", "success", "iterations")
                .figure(new Figure("alpha", "alpha = M/N", false, List.of("success"), "final MSE", "rho", "rho = k/N")
                        .withPanels(Figure.panel("final MSE", "mse").log(),
                                Figure.panel("success (final MSE < success level)", "success"),
                                Figure.panel("iterations", "iterations"))
                        .withTitleParams("n", "rho", "delta", "algorithm", "start", "damping")
                        .withExtra(ITERATIONS_FIGURE, iterationsFigure())));
    }

    /** MSE_t at the checkpoints, one curve per point, with SE's E_t. */
    static Figure iterationsFigure() {
        Map<String, Double> at = new LinkedHashMap<>();
        for (int t : AmpParams.CHECKPOINTS) {
            at.put("mse_" + t, (double) t);
        }
        return new Figure(null, "iteration t", true, List.copyOf(at.keySet()), "MSE_t = mean((a^t - x0)^2)", null, null, at)
                .withLogY().withTitleParams("n", "rho", "delta", "algorithm", "start", "damping");
    }

    static GaussBernoulliPrior prior(Point pt) {
        return new GaussBernoulliPrior(pt.get(RHO), pt.get(PRIOR_MEAN), pt.get(PRIOR_VARIANCE));
    }

    static double theta(Point pt) {
        double t = pt.get(THETA);
        return t > 0 ? t : Thresholds.l1(pt.get(RHO)).theta();
    }

    static AmpProblem problem(Point pt) {
        int n = pt.get(N);
        AmpParams.rows(n, pt.get(ALPHA), ALPHA.name());
        return AmpProblem.of(prior(pt), new GaussianNoiseChannel(pt.get(DELTA)), n, pt.get(ALPHA));
    }

    static AmpSettings settings(Point pt, AmpProblem p) {
        AmpSettings base = pt.get(AmpParams.ALGORITHM) == Algorithm.L1 ? AmpSettings.of(new SoftThreshold(theta(pt)), p.channel())
                : AmpSettings.bayesOptimal(p);
        return AmpParams.settings(base, pt, MAX_ITERATIONS).withSuccessMse(pt.get(SUCCESS_MSE));
    }

    /** State evolution of the algorithm at this point, from the run's start, at alpha (the realised M/N in a run). */
    static SeTrajectory stateEvolution(Point pt, double alpha) {
        GaussBernoulliPrior prior = prior(pt);
        StateEvolution se = pt.get(AmpParams.ALGORITHM) == Algorithm.L1
                ? StateEvolution.softThreshold(prior, theta(pt), alpha, pt.get(DELTA))
                : StateEvolution.bayesOptimal(prior, new GaussianNoiseChannel(pt.get(DELTA)), alpha);
        // AMP starts from the prior mean (MSE_0 = the prior variance) or from x0 perturbed (MSE_0 = 1e-6)
        double e0 = pt.get(AmpParams.START) == StartKind.INFORMED ? AmpParams.INFORMED_VARIANCE : prior.priorVariance();
        return se.run(e0, AmpParams.SE_ITERATIONS, AmpParams.SE_TOLERANCE);
    }

    @Override
    public void validate(Point pt) {
        AmpParams.rows(pt.get(N), pt.get(ALPHA), ALPHA.name());
    }

    @Override
    public double cost(Point pt) {
        int n = pt.get(N);
        double entries = (double) n * AmpParams.rows(n, pt.get(ALPHA), ALPHA.name());
        return entries * (AmpParams.stored(pt) ? 100 : 3000);
    }

    @Override
    public long memoryBytes(Point pt) {
        int n = pt.get(N);
        return AmpParams.memoryBytes(n, AmpParams.rows(n, pt.get(ALPHA), ALPHA.name()), AmpParams.stored(pt));
    }

    /** The samples of a point: one batch of instances in lock-step on the backend's products. */
    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        Point pt = batch.get(0).point();
        AmpProblem p = problem(pt);
        List<AmpResult> runs = AmpParams.run(batch, backend, p, settings(pt, p), INSTANCE, AmpParams.stored(pt));
        SeTrajectory se = stateEvolution(pt, p.alpha());
        List<Result> out = new ArrayList<>(runs.size());
        for (AmpResult r : runs) {
            AmpTrace tr = r.trace();
            int t = r.iterations();
            double[] c = AmpParams.checkpoints(tr.mse());
            double[] seT = AmpParams.seTrace(se, t + 1);
            out.add(new Result(r.finalMse(), se.fixedPoint(), t, r.converged(), r.success(), r.diverged(), r.divergedAt(),
                    tr.meanVariance()[t], tr.signalPower(), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9],
                    array(tr.mse().clone(), t + 1), array(tr.meanVariance().clone(), t + 1), array(tr.onsagerRatio().clone(), t + 1),
                    array(seT, t + 1)));
        }
        return out;
    }

    /**
     * Figure lines: the SE fixed point against alpha for every combination of the other parameters (and
     * the thresholds alpha_BP, alpha_l1 and alpha = rho as vertical lines); over the (rho, alpha) success
     * map the same three lines against rho; on the iterations figure SE's E_t for every point.
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new ArrayList<>();
        if (summaries.isEmpty()) {
            return out;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double rhoLo = Double.POSITIVE_INFINITY;
        double rhoHi = Double.NEGATIVE_INFINITY;
        Map<String, Point> combos = new TreeMap<>();
        for (PointSummary s : summaries) {
            Point p = s.point();
            lo = Math.min(lo, p.get(ALPHA));
            hi = Math.max(hi, p.get(ALPHA));
            rhoLo = Math.min(rhoLo, p.get(RHO));
            rhoHi = Math.max(rhoHi, p.get(RHO));
            StringBuilder key = new StringBuilder();
            for (Param<?> q : List.of(RHO, DELTA, PRIOR_MEAN, PRIOR_VARIANCE, AmpParams.ALGORITHM, THETA, AmpParams.START)) {
                key.append(Point.canonical(p.values().get(q.name()))).append('|');
            }
            combos.putIfAbsent(key.toString(), p);
        }
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = 0;
        List<TheoryCurve> curves = new ArrayList<>();
        List<double[]> thresholds = new ArrayList<>();
        for (Point p : combos.values()) {
            double rho = p.get(RHO);
            boolean l1 = p.get(AmpParams.ALGORITHM) == Algorithm.L1;
            OptionalDouble bp = l1 ? OptionalDouble.empty() : Thresholds.compressedSensingBp(rho, p.get(DELTA));
            double al1 = Thresholds.l1(rho).alpha();
            // a few points beside alpha_BP draw the jump (SE slows down critically right at it)
            double[] x = AmpParams.grid(lo, hi, 26, bp.isPresent() ? bp.getAsDouble() - 2e-3 : Double.NaN,
                    bp.isPresent() ? bp.getAsDouble() + 2e-3 : Double.NaN);
            double[] y = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                y[k] = stateEvolution(p, x[k]).fixedPoint();
                if (y[k] > 0 && Double.isFinite(y[k])) { // l1's SE diverges (infinity) at small alpha: not drawn
                    yLo = Math.min(yLo, y[k]);
                    yHi = Math.max(yHi, y[k]);
                }
            }
            // in the colour of the curve it predicts (the values of the swept parameters it is computed at)
            List<String> others = swept.stream().filter(q -> !q.equals(ALPHA.name())).toList();
            curves.add(at(new TheoryCurve(label("SE fixed point", p, others), x, y).of("mse"), p, others));
            if (bp.isPresent()) {
                thresholds.add(new double[] {bp.getAsDouble(), 0});
            }
            if (l1) {
                thresholds.add(new double[] {al1, 1});
            }
            thresholds.add(new double[] {rho, 2});
        }
        for (PointSummary s : summaries) {
            double m = s.stats().get("mse").mean();
            if (m > 0 && Double.isFinite(m)) {
                yLo = Math.min(yLo, m);
                yHi = Math.max(yHi, m);
            }
        }
        out.addAll(curves);
        String[] names = {"alpha_BP (uninformed SE jumps)", "alpha_l1 (Donoho-Tanner)", "alpha = rho (noiseless IT)"};
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (double[] th : thresholds) {
            if (th[0] >= lo - 0.02 && th[0] <= hi + 0.02 && drawn.add(th[1] + ":" + th[0]) && yHi > 0) {
                out.add(new TheoryCurve(names[(int) th[1]], new double[] {th[0], th[0]}, new double[] {yLo / 2, yHi * 2}));
            }
        }
        if (swept.contains(ALPHA.name()) && swept.contains(RHO.name())) {
            out.addAll(phaseLines(rhoLo, rhoHi, summaries));
        }
        for (PointSummary s : summaries) {
            SeTrajectory se = stateEvolution(s.point(), AmpProblem.of(prior(s.point()), new GaussianNoiseChannel(s.point().get(DELTA)),
                    s.point().get(N), s.point().get(ALPHA)).alpha());
            double[] t = new double[AmpParams.CHECKPOINTS.length];
            double[] e = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                t[k] = AmpParams.CHECKPOINTS[k];
                e[k] = AmpParams.held(se.mse(), AmpParams.CHECKPOINTS[k]);
            }
            out.add(at(new TheoryCurve("state evolution E_t", t, e), s.point(), swept).onFigure(ITERATIONS_FIGURE));
        }
        return out;
    }

    /** alpha_BP(rho) at the smallest Delta of the run, alpha_l1(rho) and alpha = rho, for the (rho, alpha) heat maps. */
    static List<TheoryCurve> phaseLines(double rhoLo, double rhoHi, List<PointSummary> summaries) {
        double delta = summaries.stream().mapToDouble(s -> s.point().get(DELTA)).min().orElse(0);
        double[] rhos = AmpParams.grid(Math.max(1e-3, rhoLo * 0.8), Math.min(0.999, rhoHi * 1.1 + 0.02), 25);
        List<Double> bpR = new ArrayList<>();
        List<Double> bpA = new ArrayList<>();
        double[] l1 = new double[rhos.length];
        for (int k = 0; k < rhos.length; k++) {
            OptionalDouble bp = Thresholds.compressedSensingBp(rhos[k], delta);
            if (bp.isPresent()) {
                bpR.add(rhos[k]);
                bpA.add(bp.getAsDouble());
            }
            l1[k] = Thresholds.l1(rhos[k]).alpha();
        }
        List<TheoryCurve> out = new ArrayList<>();
        out.add(TheoryCurve.phaseLine(String.format(Locale.ROOT, "alpha_BP(rho), Delta = %s", Point.canonical(delta)),
                bpA.stream().mapToDouble(Double::doubleValue).toArray(), bpR.stream().mapToDouble(Double::doubleValue).toArray()));
        out.add(TheoryCurve.phaseLine("alpha_l1(rho) (Donoho-Tanner)", l1, rhos));
        out.add(TheoryCurve.phaseLine("alpha = rho", rhos, rhos));
        return out;
    }

    /** name, followed by p's values of these parameters (the legend tells the lines of several curves apart). */
    static String label(String name, Point p, List<String> params) {
        StringBuilder b = new StringBuilder(name);
        for (String q : params) {
            b.append(", ").append(q).append(" = ").append(Point.canonical(p.values().get(q)));
        }
        return b.toString();
    }

    /** The line computed at point p, for the curves with p's values of these parameters: it takes their colour. */
    static TheoryCurve at(TheoryCurve c, Point p, List<String> params) {
        TheoryCurve out = c;
        for (String name : params) {
            out = out.at(name, p.values().get(name));
        }
        return out;
    }
}
