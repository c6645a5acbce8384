package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Map;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerTrainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two-layer passes (kernels/two_layer.cu) and a Langevin training run on CUDA against the Java backend. */
@Tag("gpu")
@Tag("emulated")
class CudaTwoLayerTest {

    /** Batched losses and gradients equal the CPU's to rounding, at sizes that leave partial tiles everywhere. */
    @ParameterizedTest(name = "{0} {1} readout {2}")
    @CsvSource({"ERF, NTK, true", "ERF, MUP, false", "LINEAR, NTK, false", "TANH, MUP, true", "RELU, NTK, true"})
    void gradientsMatchTheCpu(Activation g, Parameterization param, boolean trainReadout) {
        CudaBackend gpu = Gpu.backend();
        int n = 37;
        int k = 70;
        int p = 101;
        int replicas = 3;
        TwoLayerNetwork net = new TwoLayerNetwork(n, k, g, param, 1.3, trainReadout);
        Dataset d = Dataset.gaussianInputs(n, p, new RandomStream(21, 1));
        double[] y = new double[p];
        new RandomStream(21, 2).gaussians(0, y, 0, p);
        d = d.withTargets(y);
        float[][] w = new float[replicas][];
        for (int r = 0; r < replicas; r++) {
            w[r] = TwoLayerTrainer.initialWeights(net, new RandomStream(22, r));
        }
        double[][] gc = new double[replicas][net.parameterCount()];
        double[][] gg = new double[replicas][net.parameterCount()];
        try (CpuBackend cpu = new CpuBackend(2)) {
            double[] lc = cpu.training().twoLayerGradients(net, d, w, gc);
            double[] lg = gpu.training().twoLayerGradients(net, d, w, gg);
            for (int r = 0; r < replicas; r++) {
                assertEquals(lc[r], lg[r], 1e-12 * Math.max(1, lc[r]), "loss of replica " + r);
                double scale = 0;
                for (double v : gc[r]) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < gc[r].length; i++) {
                    assertEquals(gc[r][i], gg[r][i], 1e-10 * scale, "replica " + r + " parameter " + i);
                }
            }
        }
    }

    @Test
    void langevinTrainingMatchesTheCpu() {
        CudaBackend gpu = Gpu.backend();
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("n", "50", "k", "3", "alpha", "2", "steps", "300",
                "temperature", "0.0001", "lambda", "0.01", "time-points", "5"), 2, 12);
        try (CpuBackend cpu = new CpuBackend(2)) {
            List<UnitResult> a = s.run(cpu);
            List<UnitResult> b = s.run(gpu);
            for (int u = 0; u < a.size(); u++) {
                for (String o : List.of("train_loss", "test_error", "test_error_theory", "specialization")) {
                    double x = a.get(u).observables().get(o);
                    double y = b.get(u).observables().get(o);
                    assertEquals(x, y, 1e-3 * Math.max(1, Math.abs(x)), "unit " + u + " " + o);
                }
            }
        }
    }
}
