package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.perceptron.ChainResult;
import io.dismc.perceptron.Geodesic;
import io.dismc.perceptron.HitAndRunMove;
import io.dismc.perceptron.HitAndRunSampler;
import io.dismc.perceptron.HitAndRunSpec;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.SolutionSpaceStatistics;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.theory.perceptron.MixedMarginPair;
import io.dismc.theory.perceptron.SphericalGardner;
import io.dismc.theory.perceptron.StarGeometry;
import io.dismc.theory.perceptron.TypicalGeodesic;
import io.dismc.theory.perceptron.TypicalSimplex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Geometry of the spherical negative perceptron's solution space (Annesi et al., PRL 131, 227301 (2023);
 * docs/models.md 2.6): `vertices` typical solutions at margin kappa and one high-margin solution at
 * kappa_high, the energy (fraction of constraints below kappa) along the geodesics between them and inside
 * the simplex of the typical ones. Vertices are sampled from the equilibrium (uniform) measure on the
 * solutions (pair-rotation hit-and-run from gradient-descent starts), or are the gradient-descent points
 * themselves (`--vertices-from gd`, the algorithmic solutions on the boundary of the space), so the two
 * can be compared on the same instances and starts. The high-margin vertex is a typical solution at
 * kappa_high, by default the RS star-centre margin kappa_star(alpha, kappa): a typical kappa_star-solution
 * is joined by a zero-energy geodesic to almost every typical kappa-solution. The deterministic criterion
 * (margin of the high vertex &gt;= p kappa, p the overlap of the pair) makes a geodesic zero-energy on every
 * pattern; it is reported beside the measured zero-barrier fraction. The figure draws the RS lines of
 * docs/models.md 2.9 beside the measurements: q and p, the midpoint, simplex and barrier energies, and
 * kappa_star and kappa_convex.
 */
public final class GeodesicExperiment extends Experiment<GeodesicExperiment.Result> {
    static final Param<Integer> N = PerceptronParams.n("200");
    static final Param<Double> ALPHA = PerceptronParams.alpha("0.5,1,1.5,2");
    static final Param<Double> KAPPA = PerceptronParams.kappa("-0.5");
    static final Param<String> HIGH_MARGIN = Param.choice("high-margin", "star", List.of("star", "convex", "value"),
            "margin of the high-margin vertex: star (the RS star-centre margin kappa_star(alpha, kappa)), convex (the RS convex-core"
                    + " margin kappa_convex), value (--kappa-high); for kappa >= 0 (a convex space) star and convex mean kappa");
    static final Param<Double> KAPPA_HIGH = Param.real("kappa-high", "0", -10, true, 10, true,
            "margin of the high-margin vertex with --high-margin value (>= kappa)");
    static final Param<String> VERTICES_FROM = Param.choice("vertices-from", "equilibrium", List.of("equilibrium", "gd"),
            "equilibrium: typical solutions (hit-and-run on the uniform measure from GD starts); gd: the GD starts themselves");
    static final Param<Integer> VERTICES = Param.integer("vertices", "3", 2, 20, "typical solutions (simplex vertices)");
    static final Param<Integer> PATH_POINTS = Param.integer("path-points", "41", 3, 10_000, "points on each geodesic");
    static final Param<Integer> SIMPLEX_SAMPLES = Param.integer("simplex-samples", "200", 1, 1_000_000, "random points in the simplex");
    static final Param<Double> BURN_IN = Param.real("burn-in", "1.5", 0, false, 1000, true,
            "equilibrium: hit-and-run moves per chain, in units of max(alpha^2, 1/2) N^2 pair rotations (the decorrelation time)");
    static final Param<Integer> MAX_STEPS = Param.integer("max-steps", "20000", 1, 100_000_000,
            "gradient steps of the GD starts (hinge loss at margin + 0.01)");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, PerceptronParams.INPUTS);
    /** The typical vertices depend on these only: every high-margin choice and both vertex kinds meet the same ones. */
    static final List<Param<?>> TYPICAL = List.of(N, ALPHA, PerceptronParams.INPUTS, KAPPA, MAX_STEPS, BURN_IN);
    static final List<Param<?>> TYPICAL_STARTS = List.of(N, ALPHA, PerceptronParams.INPUTS, KAPPA, MAX_STEPS);

    /**
     * One sample. solved: every vertex found. kappa_h: the high vertex's margin (kappa_star, kappa_convex or
     * --kappa-high); margin_high: its measured margin min_mu Delta^mu (&gt;= kappa_h). self_overlap: mean
     * overlap of a typical vertex with its GD start (1 for gd vertices; the decorrelation diagnostic wants it
     * within 0.02 of overlap_typical). overlap_typical: mean overlap of typical pairs (RS: q). overlap_high:
     * mean overlap of the high vertex with the typical ones (RS: p). midpoint_energy: mean energy at the
     * geodesic midpoint of typical pairs. barrier_*: mean over pairs of the largest energy along the geodesic;
     * zero_barrier_*: fraction of pairs whose geodesic has zero energy at every path point. star_criterion:
     * fraction of (high, typical) pairs with margin(high) &gt;= p kappa, which makes that geodesic zero-energy on
     * every pattern. simplex_energy: mean energy at Dirichlet(1) points of the typical simplex. geodesics: the
     * energy profile of every pair (rows: typical pairs a &lt; b in order, then high to typical a; columns t).
     */
    public record Result(boolean solved, double kappa_h, double margin_high, double self_overlap, double overlap_typical, double overlap_high,
                         double midpoint_energy, double barrier_typical, double zero_barrier_typical, double barrier_high,
                         double zero_barrier_high, double star_criterion, double simplex_energy, NdArray geodesics) {}

    public GeodesicExperiment() {
        super(Descriptor.of("geodesic", Result.class)
                .title("spherical negative perceptron: typical and high-margin solutions, energies along geodesics and in"
                        + " simplices, the star centre (docs/models.md 2.6)")
                .params(N, ALPHA, KAPPA, HIGH_MARGIN, KAPPA_HIGH, VERTICES_FROM, PerceptronParams.INPUTS, VERTICES, PATH_POINTS,
                        SIMPLEX_SAMPLES, BURN_IN, MAX_STEPS)
                .samples(6)
                .table("overlap_typical", "overlap_high", "midpoint_energy", "simplex_energy", "barrier_high", "zero_barrier_high",
                        "star_criterion")
                .figure(new Figure("alpha", "alpha = P/N", false,
                        List.of("overlap_typical", "overlap_high", "midpoint_energy", "simplex_energy", "barrier_high",
                                "zero_barrier_typical", "zero_barrier_high", "star_criterion", "kappa_h"),
                        "", null, null)
                        .withPanels(Figure.panel("overlap", "overlap_typical", "overlap_high"),
                                Figure.panel("energy at margin kappa", "midpoint_energy", "simplex_energy", "barrier_high"),
                                Figure.panel("fraction of pairs", "zero_barrier_typical", "zero_barrier_high", "star_criterion"),
                                Figure.panel("margin of the high vertex kappa_h", "kappa_h"))
                        .withTitleParams("n", "kappa", "high-margin", "vertices-from")));
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.examples(pt);
        double kappa = pt.get(KAPPA);
        if (!(pt.get(ALPHA) < SphericalGardner.capacity(kappa))) {
            throw new UsageError("--alpha: " + pt.get(ALPHA) + " is at or above the RS capacity " + fmt(SphericalGardner.capacity(kappa))
                    + " at kappa " + kappa + ": no typical solutions (accepted: alpha < alpha_c(kappa))");
        }
        double given = pt.get(KAPPA_HIGH);
        if (given != 0 && given < kappa) { // a bad value is refused even where --high-margin does not use it (0: the default)
            throw new UsageError("--kappa-high: " + given + " is below --kappa " + kappa + " (accepted: kappa-high >= kappa)");
        }
        double kh = highMargin(pt);
        if (Double.isNaN(kh)) {
            throw new UsageError("--high-margin " + pt.get(HIGH_MARGIN) + ": no RS " + pt.get(HIGH_MARGIN) + " margin at alpha "
                    + pt.get(ALPHA) + ", kappa " + kappa + " (past the RS star breakdown; accepted: --high-margin value)");
        }
        if (kh < kappa) {
            throw new UsageError("--kappa-high: " + kh + " is below --kappa " + kappa + " (accepted: kappa-high >= kappa)");
        }
        if (!(pt.get(ALPHA) < SphericalGardner.capacity(kh))) {
            throw new UsageError("--kappa-high: " + kh + " has no solutions at alpha " + pt.get(ALPHA) + " (RS capacity "
                    + fmt(SphericalGardner.capacity(kh)) + "; accepted: a margin below kappa_max(alpha) = "
                    + fmt(SphericalGardner.maxMargin(pt.get(ALPHA))) + ")");
        }
    }

    @Override
    public List<String> warnings(Point pt) {
        List<String> out = new ArrayList<>(super.warnings(pt));
        if (!pt.get(HIGH_MARGIN).equals("value") && pt.get(KAPPA_HIGH) != 0) {
            out.add("--kappa-high " + pt.get(KAPPA_HIGH) + " is not used: --high-margin is " + pt.get(HIGH_MARGIN)
                    + " (give --high-margin value to use it)");
        }
        return out;
    }

    private static final Map<String, Double> MARGINS = new ConcurrentHashMap<>();

    /** The high vertex's margin at the point: kappa_star, kappa_convex (kappa itself for kappa &gt;= 0), or --kappa-high. */
    static double highMargin(Point pt) {
        String how = pt.get(HIGH_MARGIN);
        return highMargin(how, pt.get(ALPHA), pt.get(KAPPA), pt.get(KAPPA_HIGH));
    }

    static double highMargin(String how, double alpha, double kappa, double kappaHigh) {
        if (how.equals("value")) {
            return kappaHigh;
        }
        if (kappa >= 0) {
            return kappa; // a convex space: every solution is a star centre
        }
        if (!(alpha < SphericalGardner.capacity(kappa))) {
            return Double.NaN;
        }
        // deterministic, so cached across units: a star margin takes ~0.2 s
        return MARGINS.computeIfAbsent(how + "|" + alpha + "|" + kappa,
                k -> how.equals("star") ? StarGeometry.starMargin(alpha, kappa) : StarGeometry.convexMargin(alpha, kappa));
    }

    @Override
    public double cost(Point pt) {
        double alpha = pt.get(ALPHA);
        double moves = pt.get(VERTICES_FROM).equals("gd") ? 1 : pt.get(BURN_IN) * Math.max(alpha * alpha, 0.5) * pt.get(N);
        return (double) pt.get(N) * PerceptronParams.examples(pt) * (pt.get(VERTICES) + 1) * moves;
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        PerceptronInstance inst = PerceptronParams.storage(pt, unit, INSTANCE);
        double kappa = pt.get(KAPPA);
        double kh = highMargin(pt);
        int k = pt.get(VERTICES);
        int maxSteps = pt.get(MAX_STEPS);
        boolean equilibrium = pt.get(VERTICES_FROM).equals("equilibrium");
        // typical starts and chains are keyed without the high-margin choice and the vertex kind
        List<RandomStream> startStreams = new ArrayList<>();
        List<RandomStream> chainStreams = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            startStreams.add(unit.instanceStream(TYPICAL_STARTS, Purpose.TRAINING, 2L * a));
            chainStreams.add(unit.instanceStream(TYPICAL, Purpose.TRAINING, 2L * a + 1));
        }
        List<SolverOutcome> starts = PerceptronParams.descentStarts(inst, kappa, startStreams, maxSteps, backend);
        SolverOutcome highStart = PerceptronParams.descentStarts(inst, kh, List.of(unit.stream(Purpose.PERTURBATION, 0)), maxSteps,
                backend).get(0);
        int points = pt.get(PATH_POINTS);
        int pairs = k * (k - 1) / 2 + k;
        boolean solved = starts.stream().allMatch(SolverOutcome::solved) && highStart.solved();
        if (!solved) {
            double[] profiles = new double[pairs * points];
            Arrays.fill(profiles, Double.NaN);
            double nan = Double.NaN;
            return new Result(false, kh, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, array(profiles, pairs, points));
        }
        List<double[]> typical = new ArrayList<>();
        double[] high;
        if (equilibrium) {
            List<HitAndRunSampler.Chain> chains = new ArrayList<>();
            for (int a = 0; a < k; a++) {
                chains.add(new HitAndRunSampler.Chain(starts.get(a).weights(), chainStreams.get(a)));
            }
            for (ChainResult r : HitAndRunSampler.sample(inst, chains, spec(pt, inst, kappa), backend.pool())) {
                typical.add(r.last());
            }
            high = HitAndRunSampler.sample(inst, List.of(new HitAndRunSampler.Chain(highStart.weights(), unit.stream(Purpose.PERTURBATION, 1))),
                    spec(pt, inst, kh), backend.pool()).get(0).last();
        } else {
            for (SolverOutcome s : starts) {
                typical.add(s.weights());
            }
            high = highStart.weights();
        }
        return measure(pt, unit, inst, kappa, kh, starts, typical, high);
    }

    /** burn-in times the decorrelation time, one sample, pair rotations (re-anchored every 4N moves). */
    static HitAndRunSpec spec(Point pt, PerceptronInstance inst, double kappa) {
        long moves = (long) Math.ceil(pt.get(BURN_IN) * HitAndRunSpec.decorrelationMoves(inst.n(), inst.p()));
        return new HitAndRunSpec(kappa, HitAndRunMove.PAIR_ROTATION, moves, 1, 1, 4 * inst.n());
    }

    private static Result measure(Point pt, Unit unit, PerceptronInstance inst, double kappa, double kh, List<SolverOutcome> starts,
                                  List<double[]> typical, double[] high) {
        int k = typical.size();
        int points = pt.get(PATH_POINTS);
        int pairs = k * (k - 1) / 2 + k;
        double[] profiles = new double[pairs * points];
        double self = 0;
        for (int a = 0; a < k; a++) {
            self += PerceptronProblems.overlap(typical.get(a), starts.get(a).weights()) / k;
        }
        double sumT = 0;
        double zeroT = 0;
        double mid = 0;
        int row = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++, row++) {
                double[] prof = Geodesic.profile(inst, typical.get(a), typical.get(b), kappa, points);
                System.arraycopy(prof, 0, profiles, row * points, points);
                double barrier = Geodesic.barrier(prof);
                sumT += barrier;
                zeroT += barrier == 0 ? 1 : 0;
                mid += Geodesic.profile(inst, typical.get(a), typical.get(b), kappa, 3)[1];
            }
        }
        double sumH = 0;
        double zeroH = 0;
        double criterion = 0;
        double pHigh = 0;
        double marginHigh = SolutionSpaceStatistics.margin(inst, high);
        for (int a = 0; a < k; a++, row++) {
            double[] prof = Geodesic.profile(inst, high, typical.get(a), kappa, points);
            System.arraycopy(prof, 0, profiles, row * points, points);
            double barrier = Geodesic.barrier(prof);
            sumH += barrier;
            zeroH += barrier == 0 ? 1 : 0;
            double p = PerceptronProblems.overlap(high, typical.get(a));
            pHigh += p / k;
            criterion += marginHigh >= p * kappa ? 1 : 0;
        }
        int typicalPairs = k * (k - 1) / 2;
        double simplex = Geodesic.simplexEnergy(inst, typical, kappa, pt.get(SIMPLEX_SAMPLES), unit.stream(Purpose.PERTURBATION, 99));
        return new Result(true, kh, marginHigh, self, SolutionSpaceStatistics.meanPairOverlap(typical), pHigh, mid / typicalPairs,
                sumT / typicalPairs, zeroT / typicalPairs, sumH / k, zeroH / k, criterion / k, simplex, array(profiles, pairs, points));
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.get(N), PerceptronParams.examples(pt), 0, 4 + 3 * pt.get(VERTICES))
                + 8L * pt.get(VERTICES) * pt.get(VERTICES) * pt.get(PATH_POINTS);
    }

    /**
     * The RS lines of docs/models.md 2.9 against alpha, for every swept combination of the other parameters:
     * q (typical pairs) and p (high vertex vs typical); the midpoint energy of a typical pair, the uniform
     * simplex energy of three typical solutions (drawn for --vertices 3) and the barrier from a typical
     * kappa_high-solution; kappa_star and kappa_convex beside the margin used.
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        Map<String, List<Point>> groups = new LinkedHashMap<>();
        for (PointSummary s : summaries) {
            Point p = s.point();
            String key = p.get(KAPPA) + "|" + p.get(HIGH_MARGIN) + "|" + p.get(KAPPA_HIGH) + "|" + p.get(VERTICES);
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
        }
        List<TheoryCurve> out = new ArrayList<>();
        for (List<Point> g : groups.values()) {
            Point p0 = g.get(0);
            double kappa = p0.get(KAPPA);
            String how = p0.get(HIGH_MARGIN);
            TreeSet<Double> alphas = new TreeSet<>();
            for (Point p : g) {
                alphas.add(p.get(ALPHA));
            }
            double[] x = grid(alphas);
            int m = x.length;
            double[] q = new double[m];
            double[] pp = new double[m];
            double[] mid = new double[m];
            double[] simplex = new double[m];
            double[] barrier = new double[m];
            double[] star = new double[m];
            double[] convex = new double[m];
            for (int i = 0; i < m; i++) {
                double a = x[i];
                q[i] = SphericalGardner.typicalOverlap(a, kappa);
                double kh = highMargin(how, a, kappa, p0.get(KAPPA_HIGH));
                MixedMarginPair pair = Double.isNaN(kh) || Double.isNaN(q[i]) ? null : MixedMarginPair.of(a, kh, kappa);
                pp[i] = pair == null ? Double.NaN : pair.crossOverlap();
                barrier[i] = pair == null ? Double.NaN : (kappa >= 0 ? 0 : pair.barrier().energy());
                mid[i] = Double.isNaN(q[i]) ? Double.NaN : TypicalGeodesic.midpoint(q[i], kappa);
                simplex[i] = Double.isNaN(q[i]) || p0.get(VERTICES) != 3 ? Double.NaN : TypicalSimplex.uniformMean(q[i], kappa);
                star[i] = kappa >= 0 ? Double.NaN : highMargin("star", a, kappa, 0);
                convex[i] = kappa >= 0 ? Double.NaN : highMargin("convex", a, kappa, 0);
            }
            String tag = groups.size() > 1 ? label(p0, swept) : "";
            String high = how.equals("value") ? "kappa_high=" + fmt(p0.get(KAPPA_HIGH)) : "kappa_" + how;
            out.add(PerceptronParams.atSwept(new TheoryCurve("RS q (typical pairs)" + tag, x, q).of("overlap_typical"), p0, swept, "alpha"));
            out.add(PerceptronParams.atSwept(new TheoryCurve("RS p (" + high + " vs typical)" + tag, x, pp).of("overlap_high"), p0, swept, "alpha"));
            out.add(PerceptronParams.atSwept(new TheoryCurve("RS midpoint energy, typical pair" + tag, x, mid).of("midpoint_energy"), p0, swept, "alpha"));
            out.add(PerceptronParams.atSwept(new TheoryCurve("RS simplex energy, 3 typical" + tag, x, simplex).of("simplex_energy"), p0, swept, "alpha"));
            out.add(PerceptronParams.atSwept(new TheoryCurve("RS barrier from a typical " + high + " solution" + tag, x, barrier).of("barrier_high"), p0, swept, "alpha"));
            out.add(PerceptronParams.atSwept(new TheoryCurve("RS kappa_star (star centre)" + tag, x, star).of("kappa_h"), p0, swept, "alpha"));
            out.add(PerceptronParams.atSwept(new TheoryCurve("RS kappa_convex (convex core)" + tag, x, convex).of("kappa_h"), p0, swept, "alpha"));
        }
        return out;
    }

    /** The swept alphas and the midpoints between neighbours (the RS lines are smooth in alpha). */
    static double[] grid(TreeSet<Double> alphas) {
        List<Double> x = new ArrayList<>();
        Double prev = null;
        for (double a : alphas) {
            if (prev != null) {
                x.add((prev + a) / 2);
            }
            x.add(a);
            prev = a;
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String label(Point p, List<String> swept) {
        StringBuilder sb = new StringBuilder();
        for (String name : swept) {
            if (!name.equals("alpha")) {
                sb.append(sb.length() == 0 ? ", " : " ").append(name).append('=').append(Point.canonical(p.values().get(name)));
            }
        }
        return sb.toString();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
