package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.backend.Column;
import io.dismc.backend.Network;
import io.dismc.backend.SpinStack;
import io.dismc.data.NdArray;
import io.dismc.model.FeatureKind;
import io.dismc.model.HopfieldNetwork;
import io.dismc.model.RandomFeaturesHopfieldModel;
import io.dismc.model.RandomFeaturesHopfieldModel.Features;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.theory.hopfield.ConvergenceFailure;
import io.dismc.theory.hopfield.MixtureSpinodals;
import java.util.ArrayList;
import java.util.List;

/**
 * Generalization to unseen examples in the RFHM (Kalaj et al. 2024; docs/models.md 1.3): examples mix
 * exactly L features; the network stores P of them. Starting on a stored example, on unseen
 * examples built from the same features with L_test = 3, 5, 7, and on a feature, T = 0 dynamics
 * measures each one's local stability (overlap of the fixed point with the start). The figure marks the RS
 * spinodals alpha_n of the dense model, where n-feature mixtures become attractors (docs/models.md 1.4).
 */
public final class RfhmUnseenExperiment extends Experiment<RfhmUnseenExperiment.Result> {
    static final int[] TEST_SPARSITIES = {3, 5, 7};
    static final Param<Integer> N = CommonParams.n("4000");
    static final Param<Double> ALPHA = CommonParams.alpha("0.01,0.02,0.05,0.1,0.2,0.5,1");
    static final Param<Double> ALPHA_D = Param.real("alpha-d", "0.005", 0, false, 1000, true, "feature density alpha_D = D/N");
    static final Param<Integer> SPARSITY = Param.integer("sparsity", "3", 1, 1_000_000, "L: features mixed in each stored example");
    static final Param<Integer> PROBES = Param.integer("probes", "4", 1, 10_000,
            "examples probed per sample (stored, unseen for each L_test, and a feature each)");
    /**
     * +-1 by default: an unseen example is then a symmetric mixture of its features, the state whose
     * spinodal the theory gives, and the authors' reported numbers follow (docs/models.md 1.4.11).
     */
    static final Param<String> WEIGHTS = Param.choice("weights", "binary", List.of("binary", "gaussian"),
            "mixing weights of the L features: +-1 (symmetric mixtures) or N(0,1)");
    static final Param<Integer> MAX_SWEEPS = CommonParams.maxSweeps("500");

    /**
     * One sample: mean local stabilities of stored examples, unseen ones with L_test = 3, 5, 7, and features;
     * stability: kinds (train, L3, L5, L7, feature) x probes, each the overlap of the fixed point with its start.
     */
    public record Result(double m_train, double m_test_L3, double m_test_L5, double m_test_L7, double m_feature,
                         NdArray stability) {}

    public RfhmUnseenExperiment() {
        super(Descriptor.of("rfhm-unseen", Result.class)
                .title("RFHM generalization: stability of stored examples, unseen examples (L_test = 3, 5, 7) and features"
                        + " (docs/models.md 1.3)")
                .params(N, ALPHA, ALPHA_D, SPARSITY, WEIGHTS, PROBES, CommonParams.TEMPERATURE, CommonParams.RULE, MAX_SWEEPS,
                        CommonParams.FORM)
                .samples(4)
                .figure(new Figure("alpha", "alpha = P/N", true, List.of("m_train", "m_test_L3", "m_test_L5", "m_test_L7", "m_feature"),
                        "overlap with the starting configuration", null, null)
                        .withTitleParams("n", "alpha-d", "sparsity", "temperature")));
    }

    @Override
    public double cost(Point pt) {
        int n = pt.get(N);
        long p = Math.round(pt.get(ALPHA) * n);
        return (double) n * Math.min(p, n) * 5 * pt.get(PROBES);
    }

    static int featureCount(Point pt) {
        return Math.max(1, (int) Math.round(pt.get(ALPHA_D) * pt.get(N)));
    }

    @Override
    public void validate(Point pt) {
        int p = CommonParams.patternCount(pt);
        int d = featureCount(pt);
        int needed = Math.max(pt.get(SPARSITY), TEST_SPARSITIES[TEST_SPARSITIES.length - 1]);
        if (needed > d) {
            throw new UsageError("--alpha-d: D = round(alpha_D N) = " + d + " features, but examples mix up to " + needed
                    + " (accepted: alpha_D N >= " + needed + ")");
        }
        if (pt.get(PROBES) > p) {
            throw new UsageError("--probes: " + pt.get(PROBES) + " probes but only P = " + p
                    + " stored examples (accepted: 1 <= probes <= P)");
        }
    }

    /**
     * A batch of samples of one point: features and stored examples built and stored on the backend,
     * unseen examples mixed there too, and every probe of every sample relaxed in one sweep launch.
     */
    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        Point pt = batch.get(0).point();
        int n = pt.get(N);
        int p = CommonParams.patternCount(pt);
        int l = pt.get(SPARSITY);
        int probes = pt.get(PROBES);
        boolean binaryWeights = pt.get(WEIGHTS).equals("binary");
        int kinds = 2 + TEST_SPARSITIES.length;
        RandomFeaturesHopfieldModel model = new RandomFeaturesHopfieldModel(n, featureCount(pt), FeatureKind.BINARY);
        List<SpinStack> unseen = new ArrayList<>();
        try (Features f = model.features(Batch.streams(batch, Purpose.FEATURES, 0), backend);
             SpinStack stored = model.sparseMixtures(f, p, l, binaryWeights, Batch.streams(batch, Purpose.LATENTS, 0),
                     Batch.streams(batch, Purpose.LATENTS, 1), backend);
             Network network = HopfieldNetwork.store(stored, pt.get(CommonParams.FORM), backend)) {
            for (int t = 0; t < TEST_SPARSITIES.length; t++) {
                unseen.add(model.sparseMixtures(f, probes, TEST_SPARSITIES[t], binaryWeights,
                        Batch.streams(batch, Purpose.TEST_EXAMPLES, 2L * t), Batch.streams(batch, Purpose.TEST_EXAMPLES, 2L * t + 1), backend));
            }
            // per sample, replicas kind x probe: kind 0 = stored example, 1..3 = unseen with L_test 3/5/7, 4 = feature
            List<Column> starts = new ArrayList<>();
            List<RandomStream> dynamics = new ArrayList<>();
            int[] instance = new int[batch.size() * kinds * probes];
            for (int b = 0; b < batch.size(); b++) {
                for (int kind = 0; kind < kinds; kind++) {
                    for (int mu = 0; mu < probes; mu++) {
                        SpinStack source = kind == 0 ? stored : kind <= TEST_SPARSITIES.length ? unseen.get(kind - 1) : f.signs();
                        int column = kind == kinds - 1 ? mu % model.d() : mu;
                        int r = starts.size();
                        starts.add(Column.of(source, b, column));
                        dynamics.add(batch.get(b).stream(Purpose.DYNAMICS, kind * probes + mu));
                        instance[r] = b;
                    }
                }
            }
            try (SpinStack s = backend.states(starts)) {
                backend.relax(network, instance, s, dynamics, CommonParams.dynamics(pt));
                double[] stability = backend.overlaps(s, starts);
                List<Result> out = new ArrayList<>();
                for (int b = 0; b < batch.size(); b++) {
                    double[] own = java.util.Arrays.copyOfRange(stability, b * kinds * probes, (b + 1) * kinds * probes);
                    double[] mean = new double[kinds];
                    for (int kind = 0; kind < kinds; kind++) {
                        double sum = 0;
                        for (int mu = 0; mu < probes; mu++) {
                            sum += own[kind * probes + mu];
                        }
                        mean[kind] = sum / probes;
                    }
                    // every probe's overlap: the outcomes cluster at distinct attractors (docs/models.md 1.3.3)
                    out.add(new Result(mean[0], mean[1], mean[2], mean[3], mean[4], array(own, kinds, probes)));
                }
                return out;
            }
        } finally {
            unseen.forEach(SpinStack::close);
        }
    }

    /**
     * The RS spinodals of the dense RFHM (Kalaj et al.; docs/models.md 1.4) at each alpha_D of the run at T = 0:
     * vertical lines at alpha_n, beyond which a symmetric mixture of n features is an attractor: n = 1 (a
     * feature, the learning line) with m_feature, n = 3, 5, 7 with the unseen examples of L_test = n, which are
     * such mixtures exactly with --weights binary (the labels say so otherwise). Only those inside the run's
     * load range are drawn.
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        java.util.TreeSet<Double> alphas = new java.util.TreeSet<>();
        java.util.TreeSet<Double> densities = new java.util.TreeSet<>();
        java.util.Set<String> weights = new java.util.TreeSet<>();
        for (PointSummary s : summaries) {
            if (s.point().get(CommonParams.TEMPERATURE) == 0) {
                alphas.add(s.point().get(ALPHA));
                densities.add(s.point().get(ALPHA_D));
                weights.add(s.point().get(WEIGHTS));
            }
        }
        // with +-1 weights an unseen L-example is exactly a symmetric L-mixture; Gaussian weights make most
        // of them close to their strongest feature instead (docs/models.md 1.4)
        boolean symmetric = weights.equals(java.util.Set.of("binary"));
        List<TheoryCurve> out = new ArrayList<>();
        if (alphas.isEmpty()) {
            return out;
        }
        boolean sweptD = swept.contains(ALPHA_D.name());
        for (double alphaD : densities) {
            for (int n : MixtureSpinodals.REPORTED) {
                double an;
                try {
                    an = MixtureSpinodals.load(n, alphaD);
                } catch (ConvergenceFailure e) {
                    continue;
                }
                if (!(an >= alphas.first() && an <= alphas.last())) {
                    continue;
                }
                String what = n == 1 ? "a feature (learning line)"
                        : symmetric ? n + "-mixtures, the L_test = " + n + " examples"
                        : "symmetric " + n + "-mixtures (L_test = " + n + " with --weights binary)";
                String name = String.format(java.util.Locale.ROOT, "RS spinodal alpha_%d = %.4f%s: %s", n, an,
                        sweptD ? " at alpha_D = " + Point.canonical(alphaD) : "", what);
                TheoryCurve c = new TheoryCurve(name, new double[] {an, an}, new double[] {0, 1})
                        .of(n == 1 ? "m_feature" : "m_test_L" + n);
                out.add(sweptD ? c.at(ALPHA_D.name(), alphaD) : c);
            }
        }
        return out;
    }

    @Override
    public long memoryBytes(Point pt) {
        int n = pt.get(N);
        return MemoryEstimate.hopfield(n, Math.round(pt.get(ALPHA) * n), featureCount(pt), false, false, pt.get(CommonParams.FORM))
                + 4L * n * pt.get(PROBES);
    }
}
