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
import java.util.ArrayList;
import java.util.List;

/**
 * Storage and learning in the Random-Features Hopfield Model (Negri et al. 2023; docs/models.md 1.2): per
 * sample, relax once from pattern 1 (storage: overlap m_pattern) and once from feature 1 (learning:
 * overlap m_feature), on the same network.
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

    /** One sample: overlaps of the fixed points reached from pattern 1 and from feature 1, and the sweeps each took. */
    public record Result(double m_pattern, double m_feature, int sweeps_pattern, int sweeps_feature) {}

    public RfhmExperiment() {
        super(Descriptor.of("rfhm", Result.class)
                .title("Random-Features Hopfield Model: pattern and feature overlaps over (alpha, alpha_D) (docs/models.md 1.2)")
                .params(N, ALPHA, ALPHA_D, FEATURES, LATENTS, SPARSITY, CommonParams.TEMPERATURE, CommonParams.RULE, FLIP_FRACTION,
                        CommonParams.MAX_SWEEPS, FORM)
                .samples(8)
                .table("m_pattern", "m_feature")
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
                    out.add(new Result(m[2 * b], m[2 * b + 1], r.get(2 * b).sweeps(), r.get(2 * b + 1).sweeps()));
                }
                return out;
            }
        }
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
