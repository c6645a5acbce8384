package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * Spectral dynamics of the hidden weights (Lauditi, Pehlevan, Bordelon 2025): GD in the NTK and muP
 * parameterizations at several widths K; the singular values of W over training (top outliers vs the
 * bulk) and the final loss vs the learning rate: in muP the best learning rate transfers across
 * widths, in NTK it does not.
 */
public final class SpectraExperiment extends Experiment<SpectraExperiment.Result> {
    static final Param<Integer> N = TwoLayerParams.n("32");
    static final Param<Integer> K = Param.integer("k", "32,128,512", 1, 100_000, "hidden units K (width)");
    static final Param<Integer> TEACHER_K = TwoLayerParams.teacherK("1");
    static final Param<Double> ALPHA = Param.real("alpha", "4", 0, false, 1e6, true, "alpha = P/N");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, TEACHER_K, TwoLayerParams.ACTIVATION);
    static final int TOP = 8;

    /**
     * One sample at the end of training: losses, top singular value and bulk edge of W / sqrt(N);
     * singular_values: rows are recorded times, columns the step then the top singular values / sqrt(N).
     */
    public record Result(double train_loss, double test_error, double top_singular, double bulk_edge, NdArray singular_values) {}

    public SpectraExperiment() {
        super(Descriptor.of("spectra", Result.class)
                .title("GD in NTK vs muP at several widths: singular values of W over time and learning-rate transfer"
                        + " (docs/models.md 3.8)")
                .params(N, K, TEACHER_K, ALPHA, TwoLayerParams.ACTIVATION,
                        Param.choice("parameterization", "ntk,mup", List.of("ntk", "mup"), "readout scale 1/sqrt(K) (ntk) or 1/K (mup)"),
                        TwoLayerParams.GAMMA, TwoLayerParams.eta("0.1,0.3,1,3"), TwoLayerParams.steps("200"), TwoLayerParams.TEST,
                        TwoLayerParams.TIMES)
                .samples(2)
                .figure(new Figure("eta", "learning rate eta", true, List.of("train_loss"), "final training loss", null, null)
                        .withLogY().withTitleParams("n", "alpha", "steps")));
    }

    static int examples(Point pt) {
        long p = Math.round(pt.get(ALPHA) * pt.get(N));
        if (p < 1 || p * pt.get(N) > 200_000_000L) {
            throw new UsageError("--alpha: P = alpha N = " + p + " (accepted: 1 <= P and P N <= 2e8)");
        }
        return (int) p;
    }

    @Override
    public void validate(Point pt) {
        examples(pt);
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * pt.get(K) * examples(pt) * pt.get(TwoLayerParams.STEPS);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int k = pt.get(K);
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, false);
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, net, pt.get(TEACHER_K), examples(pt),
                pt.get(TwoLayerParams.TEST), false, 0);
        Dataset train = task.train();
        Dataset test = task.test();
        double[] yTest = task.testTeacher();
        List<double[]> svRows = new ArrayList<>();
        double[] lastLoss = {0};
        float[] w = TwoLayerTrainer.train(net, train, List.of(TwoLayerTrainer.initialWeights(net, unit.stream(Purpose.TRAINING, 0))), null,
                List.of(unit.stream(Purpose.TRAINING, 1)), new io.dismc.twolayer.TrainingSpec(pt.get(TwoLayerParams.ETA), 0, 0, 0,
                        pt.get(TwoLayerParams.STEPS), 0, pt.get(TwoLayerParams.TIMES)), backend, (step, ws, loss) -> {
                    double[] sv = TwoLayerObservables.singularValues(ws[0], k, n);
                    double[] row = new double[TOP + 1];
                    row[0] = step;
                    for (int q = 0; q < TOP && q < sv.length; q++) {
                        row[q + 1] = sv[q] / Math.sqrt(n);
                    }
                    svRows.add(row);
                    lastLoss[0] = loss[0];
                })[0];
        double[] sv = TwoLayerObservables.singularValues(w, k, n);
        double te = TwoLayerObservables.testError(net, w, test, yTest, false);
        double[] flat = new double[svRows.size() * (TOP + 1)];
        for (int i = 0; i < svRows.size(); i++) {
            System.arraycopy(svRows.get(i), 0, flat, i * (TOP + 1), TOP + 1);
        }
        // the bulk edge: the largest singular value once the top teacher-k + 1 outliers are set aside
        return new Result(Double.isFinite(lastLoss[0]) ? lastLoss[0] : Double.NaN, Double.isFinite(te) ? te : Double.NaN,
                sv[0] / Math.sqrt(n), sv[Math.min(sv.length - 1, pt.get(TEACHER_K) + 1)] / Math.sqrt(n),
                array(flat, svRows.size(), TOP + 1));
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.twoLayer(pt.get(N), pt.get(K), examples(pt), pt.get(TwoLayerParams.TEST), 1);
    }
}
