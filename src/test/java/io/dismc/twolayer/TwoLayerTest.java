package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.TrainingSnapshot;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.rng.RandomStream;
import io.dismc.experiment.PointSummary;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-hidden-layer network: gradients, the Langevin stationary law, learning and closed forms (docs/models.md 3.1-3.4). */
class TwoLayerTest {

    /**
     * Linear model f = w.x/sqrt(N) with weight decay: exp(-L/T) is Gaussian with precision A/T,
     * A = X^T X/(P N) + lambda I, and mean A^{-1} X^T y/(P sqrt N). Langevin samples match its mean and
     * variances (5 standard errors plus the O(eta) discretization, about 3%).
     */
    @Test
    void langevinSamplesTheGaussianPosterior() {
        int n = 4;
        int p = 12;
        double lambda = 0.5;
        double t = 0.05;
        TwoLayerNetwork net = new TwoLayerNetwork(n, 1, Activation.LINEAR, Parameterization.NTK, 1.0, false);
        Dataset d = Dataset.gaussianInputs(n, p, new RandomStream(7, 1));
        double[] y = new double[p];
        new RandomStream(7, 2).gaussians(0, y, 0, p);
        d = d.withTargets(y);
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int mu = 0; mu < p; mu++) {
                    s += d.x()[mu * n + i] * d.x()[mu * n + j];
                }
                a[i][j] = s / (p * n) + (i == j ? lambda : 0);
            }
            for (int mu = 0; mu < p; mu++) {
                b[i] += d.x()[mu * n + i] * y[mu] / (p * Math.sqrt(n));
            }
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse();
        double[] mean = inv.operate(b);
        int burn = 1000;
        int every = 10;
        int draws = 6000;
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        int[] count = {0};
        try (CpuBackend cpu = new CpuBackend(1)) {
            TwoLayerTrainer.trainEveryStep(net, d, List.of(new float[n]), List.of(new RandomStream(8, 1)),
                    new TrainingSpec(0.04, t, lambda, 0, burn + every * draws, 0, 1), cpu, (step, w, loss) -> {
                        if (step > burn && (step - burn) % every == 0) {
                            count[0]++;
                            for (int i = 0; i < n; i++) {
                                sum[i] += w[0][i];
                                sumSq[i] += (double) w[0][i] * w[0][i];
                            }
                        }
                    });
        }
        for (int i = 0; i < n; i++) {
            double m = sum[i] / count[0];
            double var = sumSq[i] / count[0] - m * m;
            double exactVar = t * inv.getEntry(i, i);
            // samples 10 steps apart are correlated over ~1/(eta lambda_min) ~ 50 steps: about 600 independent ones
            double se = Math.sqrt(exactVar / (count[0] / 10.0));
            assertEquals(mean[i], m, 5 * se, "posterior mean of w_" + i);
            // relative error of a variance from M independent samples: sqrt(2/M) ~ 6%; discretization bias ~ eta A / 2 ~ 3%
            assertEquals(exactVar, var, 0.2 * exactVar, "posterior variance of w_" + i);
        }
    }

    /** Linear student = linear teacher, K = K* = 1, noiseless GD: error -> 0 for alpha > 1/K, finite below. */
    @Test
    void linearStudentLearnsTheTeacherOncePExceedsN() {
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("n", "40", "k", "1", "teacher-k", "1", "activation", "linear",
                "alpha", "0.5,2", "eta", "0.5", "steps", "3000", "time-points", "5"), 3, 4);
        List<PointSummary> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.summarize(s.run(cpu));
        }
        assertTrue(r.get(0).stats().get("test_error").mean() > 0.05, "alpha = 0.5 < 1: the null space is not learned");
        assertTrue(r.get(1).stats().get("test_error").mean() < 1e-4, "alpha = 2 > 1: error " + r.get(1).stats().get("test_error").mean());
    }

    /** Every closed-form Gaussian correlation E[g(u) g(v)] against a Monte Carlo average (5 standard errors). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"LINEAR", "ERF", "RELU"})
    void closedFormCorrelationsMatchMonteCarlo(Activation g) {
        double cuu = 1.3;
        double cvv = 0.7;
        double cuv = -0.4;
        int samples = 400_000;
        double[] z = new double[2 * samples];
        new RandomStream(31, 1).gaussians(0, z, 0, z.length);
        double a = Math.sqrt(cuu);
        double b = cuv / a;
        double c = Math.sqrt(cvv - b * b);
        double sum = 0;
        double sumSq = 0;
        for (int q = 0; q < samples; q++) {
            double x = g.g(a * z[2 * q]) * g.g(b * z[2 * q] + c * z[2 * q + 1]);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / samples;
        double se = Math.sqrt((sumSq / samples - mean * mean) / samples);
        assertEquals(g.correlation(cuv, cuu, cvv), mean, 5 * se);
    }

    /** Minibatch SGD (each replica its own minibatches) learns a linear teacher, identically with 1 and 2 threads. */
    @Test
    void sgdLearnsALinearTeacherReproducibly() {
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("n", "40", "k", "1", "teacher-k", "1", "activation", "linear",
                "alpha", "2", "eta", "0.5", "batch", "8", "steps", "4000", "time-points", "5"), 2, 4);
        List<Map<String, Double>> a = sameWithOneAndTwoThreads(s);
        for (Map<String, Double> o : a) {
            assertTrue(o.get("test_error") < 1e-3, "SGD test error " + o.get("test_error") + " (about 0.5 at the start)");
        }
    }

    /** The erf closed form equals the error on a large test set within 3 standard errors. */
    @Test
    void erfClosedFormMatchesALargeTestSet() {
        int n = 30;
        TwoLayerNetwork net = new TwoLayerNetwork(n, 3, Activation.ERF, Parameterization.NTK, 1.0, true);
        TwoLayerTeacher teacher = TwoLayerTeacher.random(n, 2, Activation.ERF, new RandomStream(3, 1));
        for (int trial = 0; trial < 3; trial++) {
            float[] w = TwoLayerTrainer.initialWeights(net, new RandomStream(4, trial));
            Dataset test = Dataset.gaussianInputs(n, 40_000, new RandomStream(5, trial));
            double[] f = net.predict(w, test);
            double[] fs = teacher.outputs(test);
            double sum = 0;
            double sumSq = 0;
            for (int mu = 0; mu < f.length; mu++) {
                double e = 0.5 * (f[mu] - fs[mu]) * (f[mu] - fs[mu]);
                sum += e;
                sumSq += e * e;
            }
            double mean = sum / f.length;
            double se = Math.sqrt((sumSq / f.length - mean * mean) / f.length);
            assertEquals(TwoLayerObservables.generalizationError(net, w, teacher), mean, 3 * se, "trial " + trial);
        }
    }

    /**
     * The training session keeps the pass at its current weights for a snapshot and the next step: recording
     * at every step ends at the same weights as recording never (full batch and SGD, with an elastic
     * anchor), and a snapshot's losses are those of its weights (a new session opened at them agrees).
     */
    @ParameterizedTest(name = "batch {0} elastic {1}")
    @CsvSource({"0, 0", "4, 0.2"})
    void recordingLeavesTheTrajectoryAlone(int batch, double elastic) {
        int n = 9;
        TwoLayerNetwork net = new TwoLayerNetwork(n, 2, Activation.ERF, Parameterization.MUP, 1.0, true);
        Dataset d = Dataset.gaussianInputs(n, 12, new RandomStream(41, 1));
        d = d.withTargets(TwoLayerTeacher.random(n, 1, Activation.ERF, new RandomStream(41, 2)).outputs(d));
        float[][] starts = {TwoLayerTrainer.initialWeights(net, new RandomStream(41, 3)),
                TwoLayerTrainer.initialWeights(net, new RandomStream(41, 4))};
        float[][] anchors = {starts[1].clone(), starts[0].clone()};
        List<RandomStream> streams = List.of(new RandomStream(41, 5), new RandomStream(41, 6));
        TwoLayerRule rule = new TwoLayerRule(new LangevinSpec(0.3, 0.001, 0.01, false), elastic, 2, batch);
        try (CpuBackend cpu = new CpuBackend(2);
             TwoLayerSession every = cpu.training().openTwoLayer(net.shape(), d.examples(), rule, starts, anchors, streams);
             TwoLayerSession never = cpu.training().openTwoLayer(net.shape(), d.examples(), rule, starts, anchors, streams)) {
            TrainingSnapshot last = null;
            for (int t = 0; t <= 25; t++) {
                every.advanceTo(t);
                last = every.snapshot();
            }
            never.advanceTo(25);
            float[][] a = every.weights();
            float[][] b = never.weights();
            for (int r = 0; r < 2; r++) {
                assertArrayEquals(a[r], b[r], "replica " + r);
            }
            if (batch == 0) {
                try (TwoLayerSession fresh = cpu.training().openTwoLayer(net.shape(), d.examples(), rule, last.weights(),
                        anchors, streams)) {
                    assertArrayEquals(last.losses(), fresh.snapshot().losses());
                }
            }
        }
    }

    /** Runs the sweep with 1 and with 2 threads, asserts identical observables, returns them. */
    static List<Map<String, Double>> sameWithOneAndTwoThreads(Sweep s) {
        List<Map<String, Double>> a = new ArrayList<>();
        List<Map<String, Double>> b = new ArrayList<>();
        try (CpuBackend one = new CpuBackend(1); CpuBackend two = new CpuBackend(2)) {
            s.run(one).stream().map(UnitResult::observables).forEach(a::add);
            s.run(two).stream().map(UnitResult::observables).forEach(b::add);
        }
        assertEquals(a, b);
        return a;
    }

    @Test
    void sameSeedSameTrajectoryWhateverTheThreads() {
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("n", "30", "k", "3", "alpha", "1,2", "steps", "200",
                "temperature", "0,0.001"), 2, 6);
        sameWithOneAndTwoThreads(s);
    }

    @Test
    void specializationIndexSeparatesAlignedFromSymmetricStudents() {
        int n = 50;
        TwoLayerTeacher teacher = TwoLayerTeacher.random(n, 2, Activation.ERF, new RandomStream(9, 1));
        float[] copy = teacher.weights().clone();
        float[] symmetric = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float avg = (teacher.weights()[i] + teacher.weights()[n + i]) / 2;
            symmetric[i] = avg;
            symmetric[n + i] = avg;
        }
        var r = TwoLayerObservables.overlap(teacher.weights(), 2, teacher.weights(), 2, n);
        double aligned = TwoLayerObservables.specialization(TwoLayerObservables.overlap(copy, 2, copy, 2, n),
                TwoLayerObservables.overlap(copy, 2, teacher.weights(), 2, n), r);
        double sym = TwoLayerObservables.specialization(TwoLayerObservables.overlap(symmetric, 2, symmetric, 2, n),
                TwoLayerObservables.overlap(symmetric, 2, teacher.weights(), 2, n), r);
        assertTrue(aligned > 0.8, "a copy of the teacher is specialized: " + aligned);
        assertTrue(Math.abs(sym) < 0.05, "the symmetric student is not: " + sym);
    }
}
