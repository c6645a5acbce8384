package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.dynamics.InitialCondition;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.model.Couplings;
import io.dismc.model.FeatureKind;
import io.dismc.model.HopfieldNetwork;
import io.dismc.model.LatentKind;
import io.dismc.model.Overlap;
import io.dismc.model.RandomFeaturesHopfieldModel;
import io.dismc.model.RandomFeaturesHopfieldModel.Features;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.StreamIds.Purpose;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Storage and learning in the Random-Features Hopfield Model (Negri et al. 2023; docs/models.md 1.2): per
 * sample, relax once from pattern 1 (storage: overlap m_pattern) and once from feature 1 (learning:
 * overlap m_feature), on the same network.
 */
public final class RfhmExperiment implements Experiment {
    static final Param ALPHA_D = Param.real("alpha-d", "0.01,0.03,0.1,0.3", 0, false, 1000, true,
            "feature density alpha_D = D/N");
    static final Param FEATURES = Param.choice("features", "binary", List.of("binary", "gaussian"),
            "feature entries: +-1 or N(0,1)");
    static final Param LATENTS = Param.choice("latents", "gaussian", List.of("gaussian", "binary", "sparse"),
            "coefficients c: N(0,1), sign of N(0,1) (D made odd), or L-sparse Gaussian");
    static final Param SPARSITY = Param.integer("sparsity", "3", 1, 1_000_000,
            "L: features per example with --latents sparse");

    @Override
    public String name() {
        return "rfhm";
    }

    @Override
    public String title() {
        return "Random-Features Hopfield Model: pattern and feature overlaps over (alpha, alpha_D) (docs/models.md 1.2)";
    }

    @Override
    public List<Param> params() {
        return List.of(CommonParams.n("1000"), CommonParams.alpha("0.02,0.05,0.1,0.15,0.2,0.3,0.5"), ALPHA_D, FEATURES,
                LATENTS, SPARSITY, CommonParams.TEMPERATURE, CommonParams.RULE, CommonParams.FLIP_FRACTION,
                CommonParams.maxSweeps("200"), CommonParams.FORM);
    }

    @Override
    public int defaultSamples() {
        return 8;
    }

    @Override
    public List<String> observables() {
        return List.of("m_pattern", "m_feature", "sweeps_pattern", "sweeps_feature");
    }

    @Override
    public List<String> tableObservables() {
        return List.of("m_pattern", "m_feature");
    }

    @Override
    public void validate(Point pt) {
        CommonParams.patternCount(pt);
        int d = featureCount(pt);
        if ((long) pt.integer("n") * d > 2_000_000_000L) {
            throw new UsageError("--alpha-d: N x D = " + pt.integer("n") + " x " + d + " is too large (accepted: N D <= 2e9)");
        }
        if (latents(pt) == LatentKind.SPARSE && pt.integer("sparsity") > d) {
            throw new UsageError("--sparsity: L = " + pt.integer("sparsity") + " exceeds D = " + d
                    + " features (accepted: 1 <= L <= round(alpha_D N))");
        }
    }

    static int featureCount(Point pt) {
        return RandomFeaturesHopfieldModel.featureCount(pt.integer("n"), pt.real("alpha-d"), latents(pt));
    }

    static LatentKind latents(Point pt) {
        return LatentKind.valueOf(pt.choice("latents").toUpperCase(Locale.ROOT));
    }

    /** The patterns of one sample: dense latents on the backend, sparse mixtures on the host. */
    static SpinMatrix patterns(RandomFeaturesHopfieldModel model, Features f, int p, Point pt, Unit unit, Backend backend) {
        LatentKind kind = latents(pt);
        if (kind == LatentKind.SPARSE) {
            return model.sparseMixtures(f, p, pt.integer("sparsity"), false,
                    unit.stream(Purpose.LATENTS, 0), unit.stream(Purpose.LATENTS, 1));
        }
        return model.densePatterns(f, p, kind, unit.stream(Purpose.LATENTS), backend);
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int p = CommonParams.patternCount(pt);
        RandomFeaturesHopfieldModel model = new RandomFeaturesHopfieldModel(n, featureCount(pt),
                FeatureKind.valueOf(pt.choice("features").toUpperCase(Locale.ROOT)));
        Features f = model.features(unit.stream(Purpose.FEATURES), backend);
        SpinMatrix xi = patterns(model, f, p, pt, unit, backend);
        Couplings couplings = HopfieldNetwork.store(xi, CommonParams.form(pt), backend);

        int flips = InitialCondition.flipCount(pt.real("flip-fraction"), n);
        byte[] pattern = xi.column(0);
        byte[] feature = f.feature(0);
        List<Replica> replicas = List.of(
                new Replica(InitialCondition.flipped(pattern, flips, unit.stream(Purpose.INITIAL_STATE, 0)),
                        unit.stream(Purpose.DYNAMICS, 0)),
                new Replica(InitialCondition.flipped(feature, flips, unit.stream(Purpose.INITIAL_STATE, 1)),
                        unit.stream(Purpose.DYNAMICS, 1)));
        List<Relaxation> r = backend.relax(couplings, replicas, CommonParams.dynamics(pt));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("m_pattern", Overlap.of(r.get(0).state(), pattern));
        out.put("m_feature", Overlap.of(r.get(1).state(), feature));
        out.put("sweeps_pattern", (double) r.get(0).sweeps());
        out.put("sweeps_feature", (double) r.get(1).sweeps());
        return UnitOutput.of(out);
    }

    /** Two relaxations of N updates of O(min(P, N)), plus the N x D x P projection. */
    @Override
    public double cost(Point pt) {
        int n = pt.integer("n");
        long p = Math.round(pt.real("alpha") * n);
        return 2.0 * n * Math.min(p, n) + (double) n * featureCount(pt) * p / 64;
    }

    @Override
    public long memoryBytes(Point pt) {
        int n = pt.integer("n");
        return MemoryEstimate.hopfield(n, Math.round(pt.real("alpha") * n), featureCount(pt), pt.choice("features").equals("gaussian"),
                latents(pt) != LatentKind.SPARSE, CommonParams.form(pt));
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/N", false, List.of("m_feature", "m_pattern"), "overlap",
                "alpha-d", "alpha_D = D/N")
                .withPanels(Figure.panel("feature overlap m_feature", "m_feature"), Figure.panel("pattern overlap m_pattern", "m_pattern"))
                .withTitleParams("n", "temperature", "features", "latents");
    }
}
