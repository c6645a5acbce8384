package io.dismc.experiment;

import static io.dismc.experiment.CommonParams.FLIP_FRACTION;
import static io.dismc.experiment.CommonParams.FORM;
import static io.dismc.experiment.CommonParams.N;

import io.dismc.backend.Backend;
import io.dismc.backend.Column;
import io.dismc.backend.Network;
import io.dismc.backend.RelaxationStats;
import io.dismc.backend.SpinStack;
import io.dismc.dynamics.InitialCondition;
import io.dismc.model.FeatureKind;
import io.dismc.model.HopfieldNetwork;
import io.dismc.model.LatentKind;
import io.dismc.model.RandomFeaturesHopfieldModel;
import io.dismc.model.RandomFeaturesHopfieldModel.Features;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.theory.hopfield.BranchCurves;
import io.dismc.theory.hopfield.ConvergenceFailure;
import io.dismc.theory.hopfield.RfhmLearningState;
import io.dismc.theory.hopfield.RfhmLearningTheory;
import io.dismc.theory.hopfield.RfhmStorageTheory;
import io.dismc.theory.hopfield.RfhmVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Storage and learning in the Random-Features Hopfield Model (Negri et al. 2023; docs/models.md 1.2): per
 * sample, relax once from pattern 1 (storage: overlap m_pattern) and once from feature 1 (learning:
 * overlap m_feature), on the same network. The figures carry the replica-symmetric theory (docs/models.md
 * 1.4): the learning branch m_feature(alpha) per alpha_D, and over the heat maps the learning line in both
 * variants and the published storage line, which simulations do not follow at small alpha_D.
 */
public final class RfhmExperiment extends Experiment<RfhmExperiment.Result> {
    static final Param<Double> ALPHA = CommonParams.alpha("0.02,0.05,0.1,0.15,0.2,0.3,0.5");
    static final Param<Double> ALPHA_D = Param.real("alpha-d", "0.01,0.03,0.1,0.3", 0, false, 1000, true,
            "feature density alpha_D = D/N");
    static final Param<FeatureKind> FEATURES = Param.choice("features", "binary", FeatureKind.class,
            "feature entries: +-1 or N(0,1)");
    static final Param<LatentKind> LATENTS = Param.choice("latents", "gaussian", LatentKind.class,
            "coefficients c: N(0,1), sign of N(0,1) (D made odd), or L-sparse Gaussian");
    static final Param<Integer> SPARSITY = Param.integer("sparsity", "3", 1, 1_000_000,
            "L: features per example with --latents sparse");

    /** Points along a drawn learning branch, and alpha_D values along a drawn phase line. */
    static final int BRANCH_POINTS = 100;
    static final int LINE_POINTS = 40;

    /**
     * One sample: overlaps of the fixed points reached from pattern 1 and from feature 1, the sweeps each
     * took, and the RS m_feature on the learning branch at (P/N, D/N) (consistent variant; 0 below the
     * learning line, NaN where the theory does not apply: T &gt; 0, Gaussian features, sparse latents;
     * docs/models.md 1.4).
     */
    public record Result(double m_pattern, double m_feature, int sweeps_pattern, int sweeps_feature, double m_feature_theory) {}

    public RfhmExperiment() {
        super(Descriptor.of("rfhm", Result.class)
                .title("Random-Features Hopfield Model: pattern and feature overlaps over (alpha, alpha_D) (docs/models.md 1.2)")
                .params(N, ALPHA, ALPHA_D, FEATURES, LATENTS, SPARSITY, CommonParams.TEMPERATURE, CommonParams.RULE, FLIP_FRACTION,
                        CommonParams.MAX_SWEEPS, FORM)
                .samples(8)
                .table("m_pattern", "m_feature", "m_feature_theory")
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("m_feature", "m_pattern"), "overlap",
                        "alpha-d", "alpha_D = D/N")
                        .withPanels(Figure.panel("feature overlap m_feature", "m_feature"),
                                Figure.panel("pattern overlap m_pattern", "m_pattern"))
                        .withTitleParams("n", "temperature", "features", "latents")));
    }

    @Override
    public void validate(Point pt) {
        CommonParams.patternCount(pt);
        int d = featureCount(pt);
        if ((long) pt.get(N) * d > 2_000_000_000L) {
            throw new UsageError("--alpha-d: N x D = " + pt.get(N) + " x " + d + " is too large (accepted: N D <= 2e9)");
        }
        if (pt.get(LATENTS) == LatentKind.SPARSE && pt.get(SPARSITY) > d) {
            throw new UsageError("--sparsity: L = " + pt.get(SPARSITY) + " exceeds D = " + d
                    + " features (accepted: 1 <= L <= round(alpha_D N))");
        }
    }

    static int featureCount(Point pt) {
        return RandomFeaturesHopfieldModel.featureCount(pt.get(N), pt.get(ALPHA_D), pt.get(LATENTS));
    }

    /** The patterns of a batch: dense latents projected on the backend, or sparse mixtures. */
    static SpinStack patterns(RandomFeaturesHopfieldModel model, Features f, int p, Point pt, List<Unit> batch, Backend backend) {
        LatentKind kind = pt.get(LATENTS);
        if (kind == LatentKind.SPARSE) {
            return model.sparseMixtures(f, p, pt.get(SPARSITY), false, Batch.streams(batch, Purpose.LATENTS, 0),
                    Batch.streams(batch, Purpose.LATENTS, 1), backend);
        }
        return model.densePatterns(f, p, kind, Batch.streams(batch, Purpose.LATENTS, 0), backend);
    }

    /**
     * A batch of samples of one point: features, latents and patterns generated, projected and stored
     * on the backend, and both relaxations of every sample (from pattern 1 and from feature 1) in one
     * sweep launch; only the start choices, the statistics and the overlaps cross.
     */
    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        Point pt = batch.get(0).point();
        int n = pt.get(N);
        int p = CommonParams.patternCount(pt);
        RandomFeaturesHopfieldModel model = new RandomFeaturesHopfieldModel(n, featureCount(pt), pt.get(FEATURES));
        double mTheory = theoryApplies(pt) ? theoryOverlap((double) p / n, (double) model.d() / n) : Double.NaN;
        try (Features f = model.features(Batch.streams(batch, Purpose.FEATURES, 0), backend);
             SpinStack xi = patterns(model, f, p, pt, batch, backend);
             Network network = HopfieldNetwork.store(xi, pt.get(FORM), backend)) {
            List<Column> targets = new ArrayList<>();
            List<Column> starts = new ArrayList<>();
            List<RandomStream> dynamics = new ArrayList<>();
            int[] instance = new int[2 * batch.size()];
            for (int b = 0; b < batch.size(); b++) {
                Unit u = batch.get(b);
                targets.add(Column.of(xi, b, 0));
                targets.add(Column.of(f.signs(), b, 0));
                for (int k = 0; k < 2; k++) {
                    starts.add(targets.get(2 * b + k).flipped(InitialCondition.flipSites(n, flips(u), u.stream(Purpose.INITIAL_STATE, k))));
                    dynamics.add(u.stream(Purpose.DYNAMICS, k));
                    instance[2 * b + k] = b;
                }
            }
            try (SpinStack s = backend.states(starts)) {
                List<RelaxationStats> r = backend.relax(network, instance, s, dynamics, CommonParams.dynamics(pt));
                double[] m = backend.overlaps(s, targets);
                List<Result> out = new ArrayList<>();
                for (int b = 0; b < batch.size(); b++) {
                    out.add(new Result(m[2 * b], m[2 * b + 1], r.get(2 * b).sweeps(), r.get(2 * b + 1).sweeps(), mTheory));
                }
                return out;
            }
        }
    }

    /**
     * Whether the RS theory describes this point: T = 0 sign dynamics, +-1 features and dense latents (Gaussian,
     * or binary, which give the same RS equations; docs/models.md 1.4).
     */
    static boolean theoryApplies(Point pt) {
        return pt.get(CommonParams.TEMPERATURE) == 0 && pt.get(FEATURES) == FeatureKind.BINARY && pt.get(LATENTS) != LatentKind.SPARSE;
    }

    /** m_feature on the consistent RS learning branch, 0 below alpha_L; NaN should the solver fail (a run never stops for it). */
    static double theoryOverlap(double alpha, double alphaD) {
        try {
            return new RfhmLearningTheory(RfhmVariant.CONSISTENT).featureOverlap(alpha, alphaD);
        } catch (ConvergenceFailure e) {
            return Double.NaN;
        }
    }

    /**
     * On the m_feature panel, the RS learning branch at each alpha_D (from the fold alpha_L, with a drop to
     * 0 there); over the heat maps, the learning line alpha_L(alpha_D) in both variants and the published
     * storage line. Only for points the theory describes ({@link #theoryApplies}).
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        TreeSet<Double> alphas = new TreeSet<>();
        Map<Double, Set<Double>> realized = new TreeMap<>(); // nominal alpha_D -> D/N of its points
        boolean all = true;
        for (PointSummary s : summaries) {
            Point pt = s.point();
            if (!theoryApplies(pt)) {
                all = false;
                continue;
            }
            alphas.add(pt.get(ALPHA));
            realized.computeIfAbsent(pt.get(ALPHA_D), k -> new TreeSet<>()).add((double) featureCount(pt) / pt.get(N));
        }
        List<TheoryCurve> out = new ArrayList<>();
        if (alphas.isEmpty()) {
            return out;
        }
        double lo = alphas.first();
        double hi = alphas.last();
        boolean sweptD = swept.contains(ALPHA_D.name());
        for (Map.Entry<Double, Set<Double>> e : realized.entrySet()) {
            double nominal = e.getKey();
            // binary latents make D odd: the curve is drawn at the D/N simulated when the group shares one
            double alphaD = e.getValue().size() == 1 ? e.getValue().iterator().next() : nominal;
            TheoryCurve c = learningBranch(nominal, alphaD, lo, hi);
            if (c != null) {
                out.add(sweptD ? c.at(ALPHA_D.name(), nominal) : c);
            }
        }
        if (all && swept.contains(ALPHA.name()) && sweptD && realized.size() > 1) {
            out.addAll(phaseLines(new ArrayList<>(realized.keySet())));
        }
        return out;
    }

    /** The learning branch m_feature(alpha) on [lo, hi] with its drop at alpha_L; null when it does not reach into [lo, hi]. */
    private static TheoryCurve learningBranch(double nominal, double alphaD, double lo, double hi) {
        List<RfhmLearningState> branch;
        try {
            branch = BranchCurves.learning(RfhmVariant.CONSISTENT, alphaD, hi, BRANCH_POINTS);
        } catch (ConvergenceFailure e) {
            return null;
        }
        List<double[]> pts = new ArrayList<>();
        if (!branch.isEmpty() && branch.get(0).alpha() >= lo) {
            pts.add(new double[] {branch.get(0).alpha(), 0}); // below alpha_L no learning state exists
        }
        for (RfhmLearningState st : branch) {
            if (st.alpha() >= lo) {
                pts.add(new double[] {st.alpha(), st.m()});
            }
        }
        if (pts.size() < 2) {
            return null;
        }
        String at = nominal == alphaD ? "alpha_D = " + plain(nominal)
                : "alpha_D = " + plain(nominal) + " (D/N = " + plain(alphaD) + ")";
        String name = String.format(Locale.ROOT, "RS m_feature, %s: alpha_L = %.4f", at, branch.get(0).alpha());
        return new TheoryCurve(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray())
                .of("m_feature");
    }

    /**
     * The phase lines over the (alpha, alpha_D) heat maps, sampled on a log scale of alpha_D across the rows and
     * half a row beyond: the consistent learning line, the published storage line (labelled as what it is: not a
     * simulation target at small alpha_D) and the published learning line.
     */
    private static List<TheoryCurve> phaseLines(List<Double> rows) {
        double first = rows.get(0);
        double last = rows.get(rows.size() - 1);
        double from = first * Math.sqrt(first / rows.get(1));
        double to = last * Math.sqrt(last / rows.get(rows.size() - 2));
        double[] alphaD = new double[LINE_POINTS];
        for (int k = 0; k < LINE_POINTS; k++) {
            alphaD[k] = from * Math.pow(to / from, k / (LINE_POINTS - 1.0));
        }
        List<TheoryCurve> out = new ArrayList<>();
        RfhmLearningTheory consistent = new RfhmLearningTheory(RfhmVariant.CONSISTENT);
        RfhmLearningTheory published = new RfhmLearningTheory(RfhmVariant.PUBLISHED);
        try {
            out.add(line("learning line alpha_L, RS (consistent)", alphaD, consistent::learningLoad));
            out.add(line("published RS storage line alpha_c (not followed by T = 0 simulations at alpha_D < ~0.2)", alphaD,
                    RfhmStorageTheory::storageLoad));
            out.add(line("learning line alpha_L as published (authors' code, den1 not squared)", alphaD,
                    published::learningLoad));
        } catch (ConvergenceFailure e) {
            return List.of(); // no lines rather than no figure
        }
        return out;
    }

    private static TheoryCurve line(String name, double[] alphaD, java.util.function.DoubleUnaryOperator load) {
        List<double[]> pts = new ArrayList<>();
        for (double a : alphaD) {
            double alpha = load.applyAsDouble(a);
            if (Double.isFinite(alpha)) {
                pts.add(new double[] {alpha, a});
            }
        }
        return TheoryCurve.phaseLine(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Two relaxations of N updates of O(min(P, N)), plus the N x D x P projection. */
    /**
     * Points that differ only in the initial distance share shapes and dynamics: their samples batch
     * together (one sweep launch over all of them, each replica with its own disorder and start).
     */
    @Override
    public Object batchKey(Point pt) {
        return CommonParams.dynamicsKey(pt);
    }

    private static int flips(Unit u) {
        return InitialCondition.flipCount(u.point().get(FLIP_FRACTION), u.point().get(N));
    }

    @Override
    public double cost(Point pt) {
        int n = pt.get(N);
        long p = Math.round(pt.get(ALPHA) * n);
        return 2.0 * n * Math.min(p, n) + (double) n * featureCount(pt) * p / 64;
    }

    @Override
    public long memoryBytes(Point pt) {
        int n = pt.get(N);
        return MemoryEstimate.hopfield(n, Math.round(pt.get(ALPHA) * n), featureCount(pt), pt.get(FEATURES) == FeatureKind.GAUSSIAN,
                pt.get(LATENTS) != LatentKind.SPARSE, pt.get(FORM));
    }
}
