package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTeacher;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transfer learning (Lauditi, Bordelon, Pehlevan 2025): pretrain on data from a source teacher, then
 * train on a target teacher whose units overlap the source's by rho, with the elastic coupling
 * (delta/2)|W - W_source|^2 to the pretrained weights. Test error on the target vs delta and rho,
 * against training on the target alone from a random start (same steps, no coupling).
 */
public final class TransferExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "k", "teacher-k", "alpha", "source-alpha", "alignment", "activation");
    static final Param ALIGNMENT = Param.real("alignment", "0,0.5,0.9", -1, true, 1, true, "overlap rho of target and source teacher units");
    static final Param DELTA = Param.real("delta", "0,0.03,0.1,0.3", 0, true, 1e6, true, "elastic coupling delta to the pretrained weights");
    static final Param SOURCE_ALPHA = Param.real("source-alpha", "8", 0, false, 1e6, true, "source examples per student weight, P_s/(K N)");

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public String title() {
        return "transfer learning with elastic coupling: target test error vs delta and source-target alignment (docs/models.md 3.6)";
    }

    @Override
    public List<Param> params() {
        return List.of(TwoLayerParams.n("50"), TwoLayerParams.k("2"), TwoLayerParams.teacherK("2"),
                Param.real("alpha", "0.5", 0, false, 1e6, true, "target examples per student weight, P_t/(K N)"), SOURCE_ALPHA,
                ALIGNMENT, DELTA, TwoLayerParams.ACTIVATION, TwoLayerParams.parameterization("ntk"), TwoLayerParams.GAMMA,
                TwoLayerParams.eta("2"), TwoLayerParams.temperature("0"), TwoLayerParams.LAMBDA, TwoLayerParams.steps("2000"),
                TwoLayerParams.BATCH, TwoLayerParams.TEST, TwoLayerParams.TIMES);
    }

    @Override
    public int defaultSamples() {
        return 3;
    }

    @Override
    public List<String> observables() {
        return List.of("target_test_error", "scratch_test_error", "source_test_error");
    }

    @Override
    public List<String> tableObservables() {
        return observables();
    }

    static int examples(Point pt, String alpha) {
        long p = Math.round(pt.real(alpha) * pt.integer("k") * pt.integer("n"));
        if (p < 1 || p * pt.integer("n") > 200_000_000L) {
            throw new UsageError("--" + alpha + ": " + p + " examples (accepted: 1 <= P and P N <= 2e8)");
        }
        return (int) p;
    }

    @Override
    public void validate(Point pt) {
        examples(pt, "alpha");
        examples(pt, "source-alpha");
        TwoLayerParams.checkStable(pt, pt.real("delta"), "delta");
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * pt.integer("k") * (2 * examples(pt, "alpha") + examples(pt, "source-alpha")) * pt.integer("steps");
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int k = pt.integer("k");
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, false);
        TwoLayerTeacher source = TwoLayerTeacher.random(n, pt.integer("teacher-k"), net.activation(),
                unit.instanceStream(INSTANCE, Purpose.TEACHER, 0));
        TwoLayerTeacher target = source.aligned(pt.real("alignment"), unit.instanceStream(INSTANCE, Purpose.TEACHER, 1));
        Dataset srcData = Dataset.gaussianInputs(n, examples(pt, "source-alpha"), unit.instanceStream(INSTANCE, Purpose.INPUTS, 0));
        srcData = srcData.withTargets(source.outputs(srcData));
        Dataset tgtData = Dataset.gaussianInputs(n, examples(pt, "alpha"), unit.instanceStream(INSTANCE, Purpose.INPUTS, 1));
        tgtData = tgtData.withTargets(target.outputs(tgtData));
        Dataset test = Dataset.gaussianInputs(n, pt.integer("test-size"), unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        TrainingSpec plain = TwoLayerParams.training(pt, 0);
        TwoLayerTrainer.Observer none = (s, w, l) -> {};
        // initial weights and training streams come from the instance too: every delta starts from the
        // same pretrained network, and the from-scratch baseline is the same for every delta
        float[] w0 = TwoLayerTrainer.initialWeights(net, unit.instanceStream(INSTANCE, Purpose.TRAINING, 0));
        float[] pre = TwoLayerTrainer.train(net, srcData, List.of(w0), null, List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 1)),
                plain, backend, none)[0];
        float[] fine = TwoLayerTrainer.train(net, tgtData, List.of(pre), new float[][] {pre},
                List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 2)), TwoLayerParams.training(pt, pt.real("delta")), backend, none)[0];
        float[] scratch = TwoLayerTrainer.train(net, tgtData, List.of(w0), null, List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 3)),
                plain, backend, none)[0];
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("target_test_error", TwoLayerObservables.testError(net, fine, test, target.outputs(test), false));
        out.put("scratch_test_error", TwoLayerObservables.testError(net, scratch, test, target.outputs(test), false));
        out.put("source_test_error", TwoLayerObservables.testError(net, pre, test, source.outputs(test), false));
        return UnitOutput.of(out);
    }

    @Override
    public long memoryBytes(Point pt) {
        long p = Math.round(Math.max(pt.real("alpha"), pt.real("source-alpha")) * pt.integer("k") * pt.integer("n"));
        return 2 * MemoryEstimate.twoLayer(pt.integer("n"), Math.max(pt.integer("k"), pt.integer("teacher-k")), p,
                pt.integer("test-size"), 2);
    }

    @Override
    public Figure figure() {
        return new Figure("delta", "elastic coupling delta", false, List.of("target_test_error", "scratch_test_error"),
                "test error on the target task", null, null).withLogY().withTitleParams("n", "k", "alpha", "source-alpha");
    }
}
