package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.data.NdArray;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spectral dynamics of the hidden weights (Lauditi, Pehlevan, Bordelon 2025): GD in the NTK and muP
 * parameterizations at several widths K; the singular values of W over training (top outliers vs the
 * bulk) and the final loss vs the learning rate: in muP the best learning rate transfers across
 * widths, in NTK it does not.
 */
public final class SpectraExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "alpha", "teacher-k", "activation");
    static final int TOP = 8;

    @Override
    public String name() {
        return "spectra";
    }

    @Override
    public String title() {
        return "GD in NTK vs muP at several widths: singular values of W over time and learning-rate transfer (docs/models.md 3.8)";
    }

    @Override
    public List<Param> params() {
        return List.of(TwoLayerParams.n("32"), Param.integer("k", "32,128,512", 1, 100_000, "hidden units K (width)"),
                TwoLayerParams.teacherK("1"), Param.real("alpha", "4", 0, false, 1e6, true, "alpha = P/N"), TwoLayerParams.ACTIVATION,
                Param.choice("parameterization", "ntk,mup", List.of("ntk", "mup"), "readout scale 1/sqrt(K) (ntk) or 1/K (mup)"),
                TwoLayerParams.GAMMA, TwoLayerParams.eta("0.1,0.3,1,3"), TwoLayerParams.steps("200"), TwoLayerParams.TEST,
                TwoLayerParams.TIMES);
    }

    @Override
    public int defaultSamples() {
        return 2;
    }

    @Override
    public List<String> observables() {
        return List.of("train_loss", "test_error", "top_singular", "bulk_edge");
    }

    @Override
    public List<String> tableObservables() {
        return observables();
    }

    @Override
    public List<String> arrayObservables() {
        return List.of("singular_values");
    }

    static int examples(Point pt) {
        long p = Math.round(pt.real("alpha") * pt.integer("n"));
        if (p < 1 || p * pt.integer("n") > 200_000_000L) {
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
        return (double) pt.integer("n") * pt.integer("k") * examples(pt) * pt.integer("steps");
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int k = pt.integer("k");
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, false);
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, net, pt.integer("teacher-k"), examples(pt),
                pt.integer("test-size"), false, 0);
        Dataset train = task.train();
        Dataset test = task.test();
        double[] yTest = task.testTeacher();
        List<double[]> svRows = new ArrayList<>();
        double[] lastLoss = {0};
        float[] w = TwoLayerTrainer.train(net, train, List.of(TwoLayerTrainer.initialWeights(net, unit.stream(Purpose.TRAINING, 0))), null,
                List.of(unit.stream(Purpose.TRAINING, 1)), new io.dismc.twolayer.TrainingSpec(pt.real("eta"), 0, 0, 0, pt.integer("steps"),
                        0, pt.integer("time-points")), backend, (step, ws, loss) -> {
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
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("train_loss", Double.isFinite(lastLoss[0]) ? lastLoss[0] : Double.NaN);
        double te = TwoLayerObservables.testError(net, w, test, yTest, false);
        out.put("test_error", Double.isFinite(te) ? te : Double.NaN);
        out.put("top_singular", sv[0] / Math.sqrt(n));
        // the bulk edge: the largest singular value once the top teacher-k + 1 outliers are set aside
        out.put("bulk_edge", sv[Math.min(sv.length - 1, pt.integer("teacher-k") + 1)] / Math.sqrt(n));
        double[] flat = new double[svRows.size() * (TOP + 1)];
        for (int i = 0; i < svRows.size(); i++) {
            System.arraycopy(svRows.get(i), 0, flat, i * (TOP + 1), TOP + 1);
        }
        // rows: recorded times; columns: step, then the top singular values / sqrt(N)
        return new UnitOutput(out, Map.of("singular_values", new NdArray(new int[] {svRows.size(), TOP + 1}, flat)));
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.twoLayer(pt.integer("n"), pt.integer("k"), examples(pt), pt.integer("test-size"), 1);
    }

    @Override
    public Figure figure() {
        return new Figure("eta", "learning rate eta", true, List.of("train_loss"), "final training loss", null, null)
                .withLogY().withTitleParams("n", "alpha", "steps");
    }
}
