package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.model.Couplings;
import io.dismc.model.FeatureKind;
import io.dismc.model.HopfieldNetwork;
import io.dismc.model.Overlap;
import io.dismc.model.RandomFeaturesHopfieldModel;
import io.dismc.model.RandomFeaturesHopfieldModel.Features;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.data.NdArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generalization to unseen examples in the RFHM (Kalaj et al. 2024; docs/models.md 1.3): examples mix
 * exactly L features; the network stores P of them. Starting on a stored example, on unseen
 * examples built from the same features with L_test = 3, 5, 7, and on a feature, T = 0 dynamics
 * measures each one's local stability (overlap of the fixed point with the start).
 */
public final class RfhmUnseenExperiment implements Experiment {
    static final int[] TEST_SPARSITIES = {3, 5, 7};
    static final Param PROBES = Param.integer("probes", "4", 1, 10_000,
            "examples probed per sample (stored, unseen for each L_test, and a feature each)");
    static final Param WEIGHTS = Param.choice("weights", "gaussian", List.of("gaussian", "binary"),
            "mixing weights of the L features: N(0,1) or +-1");

    @Override
    public String name() {
        return "rfhm-unseen";
    }

    @Override
    public String title() {
        return "RFHM generalization: stability of stored examples, unseen examples (L_test = 3, 5, 7) and features (docs/models.md 1.3)";
    }

    @Override
    public List<Param> params() {
        return List.of(CommonParams.n("4000"), CommonParams.alpha("0.01,0.02,0.05,0.1,0.2,0.5,1"),
                Param.real("alpha-d", "0.005", 0, false, 1000, true, "feature density alpha_D = D/N"),
                Param.integer("sparsity", "3", 1, 1_000_000, "L: features mixed in each stored example"), WEIGHTS, PROBES, CommonParams.TEMPERATURE, CommonParams.RULE,
                CommonParams.maxSweeps("500"), CommonParams.FORM);
    }

    @Override
    public int defaultSamples() {
        return 4;
    }

    @Override
    public List<String> observables() {
        return List.of("m_train", "m_test_L3", "m_test_L5", "m_test_L7", "m_feature");
    }

    /** stability: kinds (train, L3, L5, L7, feature) x probes, each the overlap of the fixed point with its start. */
    @Override
    public List<String> arrayObservables() {
        return List.of("stability");
    }

    @Override
    public double cost(Point pt) {
        int n = pt.integer("n");
        long p = Math.round(pt.real("alpha") * n);
        return (double) n * Math.min(p, n) * 5 * pt.integer("probes");
    }

    @Override
    public List<String> tableObservables() {
        return observables();
    }

    static int featureCount(Point pt) {
        return Math.max(1, (int) Math.round(pt.real("alpha-d") * pt.integer("n")));
    }

    @Override
    public void validate(Point pt) {
        int p = CommonParams.patternCount(pt);
        int d = featureCount(pt);
        int needed = Math.max(pt.integer("sparsity"), TEST_SPARSITIES[TEST_SPARSITIES.length - 1]);
        if (needed > d) {
            throw new UsageError("--alpha-d: D = round(alpha_D N) = " + d + " features, but examples mix up to " + needed
                    + " (accepted: alpha_D N >= " + needed + ")");
        }
        if (pt.integer("probes") > p) {
            throw new UsageError("--probes: " + pt.integer("probes") + " probes but only P = " + p
                    + " stored examples (accepted: 1 <= probes <= P)");
        }
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int p = CommonParams.patternCount(pt);
        int l = pt.integer("sparsity");
        int probes = pt.integer("probes");
        boolean binaryWeights = pt.choice("weights").equals("binary");
        RandomFeaturesHopfieldModel model = new RandomFeaturesHopfieldModel(n, featureCount(pt), FeatureKind.BINARY);
        Features f = model.features(unit.stream(Purpose.FEATURES), backend);
        SpinMatrix stored = model.sparseMixtures(f, p, l, binaryWeights,
                unit.stream(Purpose.LATENTS, 0), unit.stream(Purpose.LATENTS, 1));
        Couplings couplings = HopfieldNetwork.store(stored, CommonParams.form(pt), backend);

        // starts[kind][probe]: kind 0 = stored example, 1..3 = unseen with L_test 3/5/7, 4 = feature
        List<byte[]> starts = new ArrayList<>();
        for (int mu = 0; mu < probes; mu++) {
            starts.add(stored.column(mu));
        }
        for (int t = 0; t < TEST_SPARSITIES.length; t++) {
            SpinMatrix unseen = model.sparseMixtures(f, probes, TEST_SPARSITIES[t], binaryWeights,
                    unit.stream(Purpose.TEST_EXAMPLES, 2L * t), unit.stream(Purpose.TEST_EXAMPLES, 2L * t + 1));
            for (int mu = 0; mu < probes; mu++) {
                starts.add(unseen.column(mu));
            }
        }
        for (int mu = 0; mu < probes; mu++) {
            starts.add(f.feature(mu % model.d()));
        }
        List<Replica> replicas = new ArrayList<>();
        for (int r = 0; r < starts.size(); r++) {
            replicas.add(new Replica(starts.get(r), unit.stream(Purpose.DYNAMICS, r)));
        }
        List<Relaxation> results = backend.relax(couplings, replicas, CommonParams.dynamics(pt));
        String[] names = observables().toArray(new String[0]);
        Map<String, Double> out = new LinkedHashMap<>();
        double[] stability = new double[names.length * probes];
        for (int kind = 0; kind < names.length; kind++) {
            double sum = 0;
            for (int mu = 0; mu < probes; mu++) {
                int r = kind * probes + mu;
                stability[r] = Overlap.of(results.get(r).state(), starts.get(r));
                sum += stability[r];
            }
            out.put(names[kind], sum / probes);
        }
        // every probe's overlap: the outcomes cluster at distinct attractors (docs/models.md 1.3.3)
        return new UnitOutput(out, Map.of("stability", new NdArray(new int[] {names.length, probes}, stability)));
    }

    @Override
    public long memoryBytes(Point pt) {
        int n = pt.integer("n");
        long d = Math.max(1, Math.round(pt.real("alpha-d") * n));
        return MemoryEstimate.hopfield(n, Math.round(pt.real("alpha") * n), d, false, false, CommonParams.form(pt))
                + 4L * n * pt.integer("probes");
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/N", true, observables(), "overlap with the starting configuration", null, null)
                .withTitleParams("n", "alpha-d", "sparsity", "temperature");
    }
}
