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
import java.util.List;

/**
 * Transfer learning (Lauditi, Bordelon, Pehlevan 2025): pretrain on data from a source teacher, then
 * train on a target teacher whose units overlap the source's by rho, with the elastic coupling
 * (delta/2)|W - W_source|^2 to the pretrained weights. Test error on the target vs delta and rho,
 * against training on the target alone from a random start (same steps, no coupling).
 */
public final class TransferExperiment extends Experiment<TransferExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("50");
    static final Param<Integer> K = TwoLayerParams.k("2");
    static final Param<Integer> TEACHER_K = TwoLayerParams.teacherK("2");
    static final Param<Double> ALPHA = Param.real("alpha", "0.5", 0, false, 1e6, true, "target examples per student weight, P_t/(K N)");
    static final Param<Double> SOURCE_ALPHA = Param.real("source-alpha", "8", 0, false, 1e6, true,
            "source examples per student weight, P_s/(K N)");
    static final Param<Double> ALIGNMENT = Param.real("alignment", "0,0.5,0.9", -1, true, 1, true,
            "overlap rho of target and source teacher units");
    static final Param<Double> DELTA = Param.real("delta", "0,0.03,0.1,0.3", 0, true, 1e6, true,
            "elastic coupling delta to the pretrained weights");
    static final List<Param<?>> INSTANCE = List.of(N, K, TEACHER_K, ALPHA, SOURCE_ALPHA, ALIGNMENT, TwoLayerParams.ACTIVATION);

    /** One sample: test errors on the target after transfer and from scratch, and of the pretrained network on the source. */
    public record Result(double target_test_error, double scratch_test_error, double source_test_error) {}

    public TransferExperiment() {
        super(Descriptor.of("transfer", Result.class)
                .title("transfer learning with elastic coupling: target test error vs delta and source-target alignment"
                        + " (docs/models.md 3.6)")
                .params(N, K, TEACHER_K, ALPHA, SOURCE_ALPHA, ALIGNMENT, DELTA, TwoLayerParams.ACTIVATION,
                        TwoLayerParams.parameterization("ntk"), TwoLayerParams.GAMMA, TwoLayerParams.eta("2"),
                        TwoLayerParams.temperature("0"), TwoLayerParams.LAMBDA, TwoLayerParams.steps("2000"), TwoLayerParams.BATCH,
                        TwoLayerParams.TEST, TwoLayerParams.TIMES)
                .samples(3)
                .figure(new Figure("delta", "elastic coupling delta", false, List.of("target_test_error", "scratch_test_error"),
                        "test error on the target task", null, null).withLogY().withTitleParams("n", "k", "alpha", "source-alpha")));
    }

    static int examples(Point pt, Param<Double> alpha) {
        long p = Math.round(pt.get(alpha) * pt.get(K) * pt.get(N));
        if (p < 1 || p * pt.get(N) > 200_000_000L) {
            throw new UsageError(alpha + ": " + p + " examples (accepted: 1 <= P and P N <= 2e8)");
        }
        return (int) p;
    }

    @Override
    public void validate(Point pt) {
        examples(pt, ALPHA);
        examples(pt, SOURCE_ALPHA);
        TwoLayerParams.checkStable(pt, pt.get(DELTA), "delta");
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * pt.get(K) * (2 * examples(pt, ALPHA) + examples(pt, SOURCE_ALPHA)) * pt.get(TwoLayerParams.STEPS);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, false);
        TwoLayerTeacher source = TwoLayerTeacher.random(n, pt.get(TEACHER_K), net.activation(),
                unit.instanceStream(INSTANCE, Purpose.TEACHER, 0));
        TwoLayerTeacher target = source.aligned(pt.get(ALIGNMENT), unit.instanceStream(INSTANCE, Purpose.TEACHER, 1));
        Dataset srcData = Dataset.gaussianInputs(n, examples(pt, SOURCE_ALPHA), unit.instanceStream(INSTANCE, Purpose.INPUTS, 0));
        srcData = srcData.withTargets(source.outputs(srcData));
        Dataset tgtData = Dataset.gaussianInputs(n, examples(pt, ALPHA), unit.instanceStream(INSTANCE, Purpose.INPUTS, 1));
        tgtData = tgtData.withTargets(target.outputs(tgtData));
        Dataset test = Dataset.gaussianInputs(n, pt.get(TwoLayerParams.TEST), unit.instanceStream(INSTANCE, Purpose.TEST_EXAMPLES, 0));
        TrainingSpec plain = TwoLayerParams.training(pt, 0);
        // initial weights and training streams come from the instance too: every delta starts from the
        // same pretrained network, and the from-scratch baseline is the same for every delta
        float[] w0 = TwoLayerTrainer.initialWeights(net, unit.instanceStream(INSTANCE, Purpose.TRAINING, 0));
        float[] pre = TwoLayerTrainer.train(net, srcData, List.of(w0), null, List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 1)),
                plain, backend)[0];
        float[] fine = TwoLayerTrainer.train(net, tgtData, List.of(pre), new float[][] {pre},
                List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 2)), TwoLayerParams.training(pt, pt.get(DELTA)), backend)[0];
        float[] scratch = TwoLayerTrainer.train(net, tgtData, List.of(w0), null,
                List.of(unit.instanceStream(INSTANCE, Purpose.TRAINING, 3)), plain, backend)[0];
        return new Result(TwoLayerObservables.testError(net, fine, test, target.outputs(test), false),
                TwoLayerObservables.testError(net, scratch, test, target.outputs(test), false),
                TwoLayerObservables.testError(net, pre, test, source.outputs(test), false));
    }

    @Override
    public long memoryBytes(Point pt) {
        long p = Math.round(Math.max(pt.get(ALPHA), pt.get(SOURCE_ALPHA)) * pt.get(K) * pt.get(N));
        return 2 * MemoryEstimate.twoLayer(pt.get(N), Math.max(pt.get(K), pt.get(TEACHER_K)), p, pt.get(TwoLayerParams.TEST), 2);
    }
}
