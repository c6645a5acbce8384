package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.cli.Param;
import io.dismc.cli.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.KernelRegression;
import io.dismc.twolayer.TrainingSpec;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adaptive kernel predictors (Lauditi, Bordelon, Pehlevan 2025): a wide mean-field network (hidden
 * weights and readout trained) sampled by Langevin at temperature T with weight decay lambda, i.e. from
 * exp(-L/T) (see TrainingSpec), on a teacher's regression data. Compared on a test set: the network's posterior-mean predictor (outputs averaged
 * over samples after burn-in), kernel ridge regression with the lazy NNGP kernel of the network at
 * initialization, and kernel ridge regression with the adapted feature kernel Phi^T Phi / K averaged
 * over the same samples. The readout scale gamma sets the feature-learning strength: at small gamma
 * the adapted kernel stays the lazy one. Kernel predictors use the ridge given (not derived from T).
 */
public final class BayesKernelExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "alpha", "teacher-k", "activation");
    static final Param BURN_IN = Param.integer("burn-in", "2000", 0, 100_000_000, "Langevin steps before sampling");
    static final Param SAMPLES_EVERY = Param.integer("thin", "50", 1, 1_000_000, "steps between posterior samples");
    static final Param DRAWS = Param.integer("draws", "20", 1, 1_000_000, "posterior samples averaged");
    static final Param RIDGE = Param.real("ridge", "0.001", 0, false, 1e6, true, "ridge of the kernel predictors");

    @Override
    public String name() {
        return "bayes-kernel";
    }

    @Override
    public String title() {
        return "wide network sampled by Langevin vs lazy (NNGP) and adapted kernel predictors, vs feature-learning strength gamma (models.md 3)";
    }

    @Override
    public List<Param> params() {
        return List.of(TwoLayerParams.n("16"), TwoLayerParams.k("128"), TwoLayerParams.teacherK("1"),
                Param.real("alpha", "4", 0, false, 1e6, true, "alpha = P/N"), TwoLayerParams.ACTIVATION,
                TwoLayerParams.parameterization("mup"), Param.real("gamma", "0.1,0.5,1,2", 0, false, 1e6, true,
                        "readout scale gamma (feature-learning strength)"),
                TwoLayerParams.eta("0.2"), TwoLayerParams.temperature("0.0005"),
                Param.real("lambda", "0.0005", 0, true, 1e6, true,
                        "weight decay lambda: prior N(0, T/lambda); equal to T (the default) the prior is the N(0,1) of the lazy kernel"),
                BURN_IN, SAMPLES_EVERY, DRAWS, RIDGE,
                Param.integer("test-size", "500", 10, 1_000_000, "test examples"));
    }

    @Override
    public int defaultSamples() {
        return 3;
    }

    @Override
    public List<String> observables() {
        return List.of("test_loss_network", "test_loss_lazy", "test_loss_adapted", "kernel_change");
    }

    @Override
    public List<String> tableObservables() {
        return observables();
    }

    static int examples(Point pt) {
        long p = Math.round(pt.real("alpha") * pt.integer("n"));
        if (p < 1 || p > 5000) {
            throw new UsageError("--alpha: P = alpha N = " + p + " (accepted: 1 <= P <= 5000, kernel systems are dense)");
        }
        return (int) p;
    }

    @Override
    public void validate(Point pt) {
        examples(pt);
        if (pt.real("temperature") <= 0) {
            throw new UsageError("--temperature: the posterior needs T > 0 (accepted: reals > 0)");
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * pt.integer("k") * examples(pt)
                * (pt.integer("burn-in") + (long) pt.integer("thin") * pt.integer("draws"));
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int k = pt.integer("k");
        int p = examples(pt);
        TwoLayerNetwork net = TwoLayerParams.network(pt, k, true);
        TwoLayerParams.Task task = TwoLayerParams.task(unit, INSTANCE, net, pt.integer("teacher-k"), p, pt.integer("test-size"), false, 0);
        Dataset train = task.train();
        Dataset test = task.test();
        double[] yTest = task.testTeacher();
        double t = pt.real("temperature");
        int burn = pt.integer("burn-in");
        int thin = pt.integer("thin");
        int draws = pt.integer("draws");
        int steps = burn + thin * draws;
        int tp = test.p();
        double[] meanOut = new double[tp];
        double[] kTrain = new double[p * p];
        double[] kTest = new double[tp * p];
        int[] taken = {0};
        Dataset trainF = train;
        TrainingSpec spec = new TrainingSpec(pt.real("eta"), t, pt.real("lambda"), 0, steps, 0, 1);
        // record every thin steps after burn-in: a custom grid through the observer on every step
        TwoLayerTrainer.trainEveryStep(net, train, List.of(TwoLayerTrainer.initialWeights(net, unit.stream(Purpose.TRAINING, 0))),
                List.of(unit.stream(Purpose.TRAINING, 1)), spec, backend, (step, w, loss) -> {
                    if (step > burn && (step - burn) % thin == 0 && taken[0] < draws) {
                        taken[0]++;
                        double[] f = net.predict(w[0], test);
                        for (int q = 0; q < tp; q++) {
                            meanOut[q] += f[q] / draws;
                        }
                        double[] hTrain = net.preactivations(w[0], trainF);
                        double[] hTest = net.preactivations(w[0], test);
                        accumulateKernel(net, hTrain, p, hTrain, p, kTrain, draws);
                        accumulateKernel(net, hTest, tp, hTrain, p, kTest, draws);
                    }
                });
        double[] lazyTrain = KernelRegression.lazyKernel(net.activation(), train, train);
        double[] lazyTest = KernelRegression.lazyKernel(net.activation(), test, train);
        double ridge = pt.real("ridge");
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("test_loss_network", loss(meanOut, yTest));
        out.put("test_loss_lazy", loss(KernelRegression.predict(lazyTrain, lazyTest, train.y(), ridge), yTest));
        out.put("test_loss_adapted", loss(KernelRegression.predict(kTrain, kTest, train.y(), ridge), yTest));
        double diff = 0;
        double norm = 0;
        for (int e = 0; e < kTrain.length; e++) {
            diff += (kTrain[e] - lazyTrain[e]) * (kTrain[e] - lazyTrain[e]);
            norm += lazyTrain[e] * lazyTrain[e];
        }
        out.put("kernel_change", Math.sqrt(diff / norm));
        return UnitOutput.of(out);
    }

    /** target += (1/draws) Phi_a^T Phi_b / K for pre-activations a (K x pa), b (K x pb). */
    static void accumulateKernel(TwoLayerNetwork net, double[] ha, int pa, double[] hb, int pb, double[] target, int draws) {
        int k = net.k();
        double[] fb = new double[hb.length];
        for (int e = 0; e < hb.length; e++) {
            fb[e] = net.activation().g(hb[e]);
        }
        for (int u = 0; u < k; u++) {
            for (int i = 0; i < pa; i++) {
                double fa = net.activation().g(ha[u * pa + i]) / ((double) k * draws);
                int bo = u * pb;
                for (int j = 0; j < pb; j++) {
                    target[i * pb + j] += fa * fb[bo + j];
                }
            }
        }
    }

    static double loss(double[] f, double[] y) {
        double s = 0;
        for (int q = 0; q < f.length; q++) {
            s += 0.5 * (f[q] - y[q]) * (f[q] - y[q]);
        }
        return s / f.length;
    }

    @Override
    public Figure figure() {
        return new Figure("gamma", "readout scale gamma (feature-learning strength)", true,
                List.of("test_loss_network", "test_loss_lazy", "test_loss_adapted"), "test loss", null, null);
    }
}
