package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.backend.Examples;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.TrainingSnapshot;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.backend.TwoLayerShape;
import io.dismc.backend.cpu.TwoLayerPasses;
import io.dismc.backend.cuda.CudaDevice;
import io.dismc.backend.cuda.DeviceBuffer;
import io.dismc.backend.cuda.TwoLayerDriver;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.rng.RandomStream;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerTrainer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kernels/two_layer.cu (TwoLayerDriver) against its twin backend.cpu.TwoLayerPasses, training sessions
 * on CUDA against the CPU's, and a Langevin teacher-student run end to end.
 */
@Tag("gpu")
@Tag("emulated")
class CudaTwoLayerTest {

    static Examples examples(int n, int p, long seed) {
        Dataset d = Dataset.gaussianInputs(n, p, new RandomStream(seed, 1));
        double[] y = new double[p];
        new RandomStream(seed, 2).gaussians(0, y, 0, p);
        return d.withTargets(y).examples();
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /**
     * Batched losses and gradients equal the twin's to rounding, at sizes that leave partial tiles
     * everywhere (K = 70: the tiled products) and for a narrow network (K = 3: one thread per entry).
     */
    @ParameterizedTest(name = "{0} {1} readout {2} K {3}")
    @CsvSource({"ERF, NTK, true, 70", "ERF, MUP, false, 70", "LINEAR, NTK, false, 70", "TANH, MUP, true, 70", "RELU, NTK, true, 70",
            "ERF, NTK, true, 3", "RELU, MUP, false, 3"})
    void passesMatchTheTwin(Activation g, Parameterization param, boolean trainReadout, int k) {
        CudaBackend gpu = Gpu.backend();
        CudaDevice dev = gpu.device();
        TwoLayerDriver driver = new TwoLayerDriver(dev);
        int n = 37;
        int p = 101;
        int replicas = 3;
        TwoLayerNetwork net = new TwoLayerNetwork(n, k, g, param, 1.3, trainReadout);
        TwoLayerShape s = net.shape();
        int dim = s.parameterCount();
        Examples d = examples(n, p, 21);
        float[] w = new float[replicas * dim];
        for (int r = 0; r < replicas; r++) {
            System.arraycopy(TwoLayerTrainer.initialWeights(net, new RandomStream(22, r)), 0, w, r * dim, dim);
        }
        double[] gg = new double[replicas * dim];
        byte[] packed = new byte[(int) TwoLayerDriver.snapshotBytes(s, replicas)];
        long kp = (long) k * p;
        try (DeviceBuffer x = dev.upload(d.x(), "x"); DeviceBuffer xt = dev.upload(d.xt(), "xt"); DeviceBuffer y = dev.upload(d.y(), "y");
             DeviceBuffer dw = dev.upload(w, "w"); DeviceBuffer h = dev.alloc(8 * kp * replicas, "h");
             DeviceBuffer phi = dev.alloc(8 * kp * replicas, "phi"); DeviceBuffer dphi = dev.alloc(8 * kp * replicas, "dphi");
             DeviceBuffer err = dev.alloc(8L * p * replicas, "err"); DeviceBuffer grad = dev.alloc(8L * dim * replicas, "grad");
             DeviceBuffer snap = dev.alloc(packed.length, "snapshot")) {
            driver.forwardProduct(s, dw, x, 0, p, replicas, h);
            driver.forward(s, h, phi, dphi, dw, y, 0, p, replicas, err);
            driver.backward(s, err, phi, dphi, dw, p, replicas, h, grad);
            driver.backwardProduct(s, h, xt, 0, p, replicas, grad);
            driver.snapshot(s, err, p, replicas, dw, snap);
            dev.download(grad, gg, "gradients");
            dev.download(snap, packed, "snapshot");
        }
        ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < replicas; r++) {
            double[] wide = new double[dim];
            for (int i = 0; i < dim; i++) {
                wide[i] = w[r * dim + i];
            }
            double[] gc = new double[dim];
            double lc = TwoLayerPasses.lossAndGradient(s, wide, d, gc, new TwoLayerPasses.Scratch(s, p));
            assertEquals(lc, b.getDouble(8 * r), 1e-12 * Math.max(1, lc), "loss of replica " + r);
            double scale = maxAbs(gc);
            for (int i = 0; i < dim; i++) {
                assertEquals(gc[i], gg[r * dim + i], 1e-10 * scale, "replica " + r + " parameter " + i);
            }
            for (int i = 0; i < dim; i++) {
                assertEquals(w[r * dim + i], b.getFloat(8 * replicas + 4 * (r * dim + i)), "snapshot weight " + i);
            }
        }
    }

    /**
     * Sessions on both backends from the same starts and streams, recorded at a few times: weights and
     * losses agree to rounding (full batch and SGD minibatches drawn on the device; elastic anchors; the
     * muP hidden factor; Langevin noise), and the GPU session's weights do not depend on when it records.
     */
    @ParameterizedTest(name = "{0} {1} readout {2} batch {3} elastic {4} T {5}")
    @CsvSource({"ERF, NTK, false, 0, 0, 0", "TANH, MUP, true, 0, 0.3, 0", "RELU, NTK, true, 16, 0, 0.001",
            "ERF, MUP, false, 8, 0.2, 0.0001", "LINEAR, NTK, false, 0, 0, 0.01"})
    void sessionsMatchTheCpu(Activation g, Parameterization param, boolean trainReadout, int batch, double elastic, double temperature) {
        CudaBackend gpu = Gpu.backend();
        int n = 23;
        int k = 5;
        int p = 40;
        int replicas = 3;
        TwoLayerNetwork net = new TwoLayerNetwork(n, k, g, param, 1.0, trainReadout);
        TwoLayerShape s = net.shape();
        Examples d = examples(n, p, 31);
        float[][] starts = new float[replicas][];
        float[][] anchors = new float[replicas][];
        List<RandomStream> streams = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            starts[r] = TwoLayerTrainer.initialWeights(net, new RandomStream(32, r));
            anchors[r] = TwoLayerTrainer.initialWeights(net, new RandomStream(33, r));
            streams.add(new RandomStream(34, r));
        }
        double hidden = param == Parameterization.MUP && temperature == 0 ? k : 1;
        TwoLayerRule rule = new TwoLayerRule(new LangevinSpec(0.2, temperature, 0.01, false), elastic, hidden, batch);
        int[] times = {0, 1, 7, 30};
        try (CpuBackend cpu = new CpuBackend(2);
             TwoLayerSession a = cpu.training().openTwoLayer(s, d, rule, starts, anchors, streams);
             TwoLayerSession b = gpu.training().openTwoLayer(s, d, rule, starts, anchors, streams);
             TwoLayerSession once = gpu.training().openTwoLayer(s, d, rule, starts, anchors, streams)) {
            for (int t : times) {
                a.advanceTo(t);
                b.advanceTo(t);
                TrainingSnapshot sa = a.snapshot();
                TrainingSnapshot sb = b.snapshot();
                assertEquals(t, sb.step());
                for (int r = 0; r < replicas; r++) {
                    assertEquals(sa.losses()[r], sb.losses()[r], 1e-9 * Math.max(1, sa.losses()[r]), "loss of replica " + r + " at " + t);
                    for (int i = 0; i < s.parameterCount(); i++) {
                        float x = sa.weights()[r][i];
                        assertEquals(x, sb.weights()[r][i], 1e-5f * Math.max(1f, Math.abs(x)),
                                "replica " + r + " weight " + i + " at " + t);
                    }
                }
            }
            once.advanceTo(times[times.length - 1]);
            float[][] wb = b.weights();
            float[][] wo = once.weights();
            for (int r = 0; r < replicas; r++) {
                assertArrayEquals(wb[r], wo[r], "recording changed replica " + r);
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
