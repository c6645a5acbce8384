package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.amp.AmpProblem;
import io.dismc.amp.AmpResult;
import io.dismc.amp.AmpSettings;
import io.dismc.amp.GampBatch;
import io.dismc.amp.GaussBernoulliPrior;
import io.dismc.amp.GaussianNoiseChannel;
import io.dismc.amp.InstanceStreams;
import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.backend.cpu.CpuLinear;
import io.dismc.linalg.MatrixProduct;
import io.dismc.backend.cpu.StoredMatrices;
import io.dismc.backend.cuda.DeviceGaussianMatrices;
import io.dismc.experiment.AmpCsExperiment;
import io.dismc.experiment.AmpPerceptronExperiment;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kernels/linear.cu against the CPU twin (backend.cpu.StoredMatrices / RegeneratedMatrices), value for
 * value: the device's entries are the CPU's up to the last ulps of CUDA's log/sin/cos (most bit-identical);
 * the device's products, stored and regenerated, are bit-identical to each other and to the CPU summation
 * order applied to the device's own entries; whole GAMP runs agree with the CPU's to the rounding those
 * ulps cause.
 */
@Tag("gpu")
@Tag("emulated")
class CudaLinearTest {
    static final long SEED = 0x5eedL;
    static final long[] STREAMS = {11, 0xabcdefL, 7};

    @ParameterizedTest(name = "M={0} N={1}")
    @CsvSource({"37, 50", "21, 33", "1, 9"})
    void productsFollowTheCpuSummationOrderBitForBit(int m, int n) {
        CudaBackend gpu = Gpu.backend();
        int batch = STREAMS.length;
        double[][] x = vectors(batch, n, 1);
        double[][] y = vectors(batch, m, 2);
        boolean[] active = {true, false, true};
        try (DeviceGaussianMatrices stored = (DeviceGaussianMatrices) gpu.linear().gaussianMatrices(SEED, STREAMS, m, n, true);
             DeviceGaussianMatrices regenerated = (DeviceGaussianMatrices) gpu.linear().gaussianMatrices(SEED, STREAMS, m, n, false);
             StoredMatrices cpu = new StoredMatrices(SEED, STREAMS, m, n, null)) {
            int exact = 0;
            for (int b = 0; b < batch; b++) {
                double[] f = stored.entries(b);
                for (int mu = 0; mu < m; mu++) {
                    for (int i = 0; i < n; i++) {
                        double c = cpu.entry(b, mu, i);
                        assertEquals(c, f[mu * n + i], 4 * Math.ulp(c) + 1e-300, "entry " + b + "," + mu + "," + i);
                        exact += c == f[mu * n + i] ? 1 : 0;
                    }
                }
            }
            assertTrue(exact > batch * m * n / 2, "most entries should be bit-identical, got " + exact + " of " + batch * m * n);
            for (boolean squared : new boolean[] {false, true}) {
                double[][] rs = fill(batch, m, -7);
                double[][] rr = fill(batch, m, -7);
                double[][] rc = fill(batch, m, -7);
                stored.multiply(x, rs, active, squared);
                regenerated.multiply(x, rr, active, squared);
                cpu.multiply(x, rc, active, squared);
                double[][] cs = fill(batch, n, -7);
                double[][] cr = fill(batch, n, -7);
                double[][] cc = fill(batch, n, -7);
                stored.multiplyTransposed(y, cs, active, squared);
                regenerated.multiplyTransposed(y, cr, active, squared);
                cpu.multiplyTransposed(y, cc, active, squared);
                for (int b = 0; b < batch; b++) {
                    String what = "instance " + b + (squared ? " squared" : "");
                    assertArrayEquals(rs[b], rr[b], "F x stored = regenerated, " + what);
                    assertArrayEquals(cs[b], cr[b], "F^T y stored = regenerated, " + what);
                    if (!active[b]) {
                        assertArrayEquals(fill(1, m, -7)[0], rs[b], "inactive output untouched");
                        assertArrayEquals(fill(1, n, -7)[0], cs[b], "inactive output untouched");
                        continue;
                    }
                    double[] f = stored.entries(b);
                    assertArrayEquals(rowsInCpuOrder(f, m, n, x[b], squared), rs[b], "F x in the CPU order, " + what);
                    assertArrayEquals(columnsInCpuOrder(f, m, n, y[b], squared), cs[b], "F^T y in the CPU order, " + what);
                    // against the CPU's own entries: the ulps of the Gaussians only
                    for (int mu = 0; mu < m; mu++) {
                        assertEquals(rc[b][mu], rs[b][mu], 1e-13 * norm(x[b]), "F x vs CPU, " + what);
                    }
                    for (int i = 0; i < n; i++) {
                        assertEquals(cc[b][i], cs[b][i], 1e-13 * norm(y[b]), "F^T y vs CPU, " + what);
                    }
                }
            }
        }
    }

    @Test
    void gampOnTheDeviceFollowsTheCpuRun() {
        CudaBackend gpu = Gpu.backend();
        int n = 400;
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-4), n, 0.5);
        AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(40);
        List<InstanceStreams> streams = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            streams.add(new InstanceStreams(100 + b, 200 + b, 300 + b));
        }
        List<AmpResult> cpu = new GampBatch(p, s, null).run(new CpuLinear(null, null), true, SEED, streams);
        List<AmpResult> stored = new GampBatch(p, s, null).run(gpu.linear(), true, SEED, streams);
        List<AmpResult> regenerated = new GampBatch(p, s, null).run(gpu.linear(), false, SEED, streams);
        for (int b = 0; b < streams.size(); b++) {
            AmpResult c = cpu.get(b);
            AmpResult d = stored.get(b);
            assertArrayEquals(d.trace().mse(), regenerated.get(b).trace().mse(), "device stored = regenerated, instance " + b);
            assertEquals(c.stop(), d.stop(), "instance " + b);
            assertEquals(c.iterations(), d.iterations(), "instance " + b);
            // measured on the emulating driver: at most 2.6e-12 relative over 40 iterations
            for (int t = 0; t <= c.iterations(); t++) {
                double e = c.trace().mse()[t];
                assertEquals(e, d.trace().mse()[t], 1e-9 * e, "MSE at t = " + t + ", instance " + b);
            }
        }
    }

    /** The AMP experiments through the CUDA backend: every observable as on the CPU, up to the Gaussians' last ulps. */
    @Test
    void ampExperimentsGiveTheCpuResults() {
        CudaBackend gpu = Gpu.backend();
        try (CpuBackend cpu = new CpuBackend(2)) {
            for (Sweep s : List.of(
                    Sweep.of(new AmpCsExperiment(), Map.of("n", "200", "alpha", "0.3,0.6", "max-iterations", "40", "matrix",
                            "stored,regenerate"), 2, 5),
                    Sweep.of(new AmpPerceptronExperiment(), Map.of("n", "150", "alpha", "1,2", "max-iterations", "30", "test-examples",
                            "200"), 2, 5))) {
                List<Map<String, Double>> a = s.run(cpu).stream().map(UnitResult::observables).toList();
                List<Map<String, Double>> b = s.run(gpu).stream().map(UnitResult::observables).toList();
                assertEquals(a.size(), b.size());
                for (int u = 0; u < a.size(); u++) {
                    for (Map.Entry<String, Double> e : a.get(u).entrySet()) {
                        double x = e.getValue();
                        double y = b.get(u).get(e.getKey());
                        assertEquals(x, y, 1e-9 * Math.abs(x) + 1e-300, s.experiment().name() + " unit " + u + " " + e.getKey());
                    }
                }
            }
        }
    }

    static double[] rowsInCpuOrder(double[] f, int m, int n, double[] x, boolean squared) {
        double[] g = squared ? squares(f) : f;
        double[] out = new double[m];
        MatrixProduct.multiplyTransposed(x, 1, n, g, m, out);
        return out;
    }

    static double[] columnsInCpuOrder(double[] f, int m, int n, double[] y, boolean squared) {
        double[] out = new double[n];
        for (int mu = 0; mu < m; mu++) {
            for (int i = 0; i < n; i++) {
                double e = f[mu * n + i];
                out[i] = Math.fma(squared ? e * e : e, y[mu], out[i]);
            }
        }
        return out;
    }

    static double[] squares(double[] f) {
        double[] out = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            out[k] = f[k] * f[k];
        }
        return out;
    }

    static double[][] vectors(int batch, int len, long stream) {
        double[][] out = new double[batch][len];
        for (int b = 0; b < batch; b++) {
            new RandomStream(3, stream * 100 + b).gaussians(0, out[b], 0, len);
        }
        return out;
    }

    static double[][] fill(int batch, int len, double v) {
        double[][] out = new double[batch][len];
        for (double[] o : out) {
            java.util.Arrays.fill(o, v);
        }
        return out;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
