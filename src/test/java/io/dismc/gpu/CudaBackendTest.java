package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CouplingStack;
import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.Network;
import io.dismc.backend.RealStack;
import io.dismc.backend.RelaxationStats;
import io.dismc.backend.SpinStack;
import io.dismc.backend.UpdateRule;
import io.dismc.backend.cpu.LangevinStep;
import io.dismc.backend.cuda.CudaDevice;
import io.dismc.backend.cuda.CudaFailure;
import io.dismc.backend.cuda.DeviceBuffer;
import io.dismc.backend.cuda.LangevinDriver;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.experiment.HopfieldExperiment;
import io.dismc.experiment.RfhmExperiment;
import io.dismc.model.ProjectionGrid;
import io.dismc.rng.RandomStream;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import io.dismc.testing.OneInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CUDA backend against the Java backend, value by value (skipped without a GPU). */
@Tag("gpu")
class CudaBackendTest {
    static CpuBackend cpu;

    @BeforeAll
    static void open() {
        cpu = new CpuBackend(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    @Test
    @Tag("emulated")
    void randomFillsAreTheSameBits() {
        CudaBackend gpu = Gpu.backend();
        List<RandomStream> streams = List.of(new RandomStream(0x5eedL, 0xabcdefL), new RandomStream(0x5eedL, 7), new RandomStream(0x5eedL, 9));
        try (SpinStack a = cpu.randomSpins(streams, 333, 97); SpinStack b = gpu.randomSpins(streams, 333, 97)) {
            for (int m = 0; m < streams.size(); m++) {
                assertEquals(cpu.read(a, m), gpu.read(b, m), "matrix " + m);
            }
        }
        double[] a = OneInstance.gaussians(cpu, streams.get(0), 10_001);
        double[] b = OneInstance.gaussians(gpu, streams.get(0), 10_001);
        int exact = 0;
        for (int i = 0; i < a.length; i++) {
            // CUDA's log/sin/cos may differ from Java's in the last ulp
            assertEquals(a[i], b[i], 4 * Math.ulp(a[i]) + 1e-300, "gaussian " + i);
            exact += a[i] == b[i] ? 1 : 0;
        }
        assertTrue(exact > a.length * 0.5, "most Gaussians should be bit-identical, got " + exact);
    }

    @Test
    @Tag("emulated")
    void hebbianProductIsExactlyTheCpuOne() {
        CudaBackend gpu = Gpu.backend();
        for (int p : new int[] {1, 63, 64, 65, 700}) {
            List<RandomStream> streams = List.of(new RandomStream(1, p), new RandomStream(1, p + 1000));
            try (SpinStack xa = cpu.randomSpins(streams, 301, p); SpinStack xb = gpu.randomSpins(streams, 301, p);
                 CouplingStack a = cpu.hebbian(xa); CouplingStack b = gpu.hebbian(xb)) {
                for (int m = 0; m < 2; m++) {
                    assertArrayEquals(cpu.read(a, m), gpu.read(b, m), "P = " + p + " instance " + m);
                }
            }
        }
    }

    @Test
    @Tag("emulated")
    void projectionIsExactlyTheCpuOne() {
        CudaBackend gpu = Gpu.backend();
        int n = 513;
        int d = 77;
        int p = 1031;
        SpinMatrix f = OneInstance.spins(cpu, new RandomStream(2, 1), n, d);
        double[] c = ProjectionGrid.snap(OneInstance.gaussians(cpu, new RandomStream(2, 2), d * p), ProjectionGrid.LATENTS_WITH_SPIN_FEATURES);
        RealMatrix cm = new RealMatrix(d, p, c);
        assertEquals(OneInstance.projection(cpu, f, cm), OneInstance.projection(gpu, f, cm), "spin features");
        double[] fr = ProjectionGrid.snap(OneInstance.gaussians(cpu, new RandomStream(2, 3), n * d), ProjectionGrid.GAUSSIAN_FEATURES);
        double[] c2 = ProjectionGrid.snap(c.clone(), ProjectionGrid.GAUSSIAN_FEATURES);
        assertEquals(OneInstance.projection(cpu, new RealMatrix(n, d, fr), new RealMatrix(d, p, c2)),
                OneInstance.projection(gpu, new RealMatrix(n, d, fr), new RealMatrix(d, p, c2)), "Gaussian features");
    }

    /** A stack of instances generated, projected, mixed and relaxed on the device equals the CPU's, matrix by matrix. */
    @Test
    @Tag("emulated")
    void stacksOfInstancesAreTheCpuOnes() {
        CudaBackend gpu = Gpu.backend();
        int n = 96;
        int d = 9;
        int p = 40;
        List<RandomStream> fs = List.of(new RandomStream(3, 1), new RandomStream(3, 2), new RandomStream(3, 3));
        List<RandomStream> cs = List.of(new RandomStream(3, 11), new RandomStream(3, 12), new RandomStream(3, 13));
        List<List<SpinMatrix>> results = new ArrayList<>();
        for (io.dismc.backend.Backend b : List.<io.dismc.backend.Backend>of(cpu, gpu)) {
            List<SpinMatrix> got = new ArrayList<>();
            try (RealStack g = b.gaussians(fs, n, d); RealStack c = b.gaussians(cs, d, p)) {
                b.snapToGrid(g, ProjectionGrid.GAUSSIAN_FEATURES);
                b.snapToGrid(c, ProjectionGrid.GAUSSIAN_FEATURES);
                try (SpinStack signs = b.signs(g); SpinStack xi = b.signProjection(g, c)) {
                    int[][] chosen = new int[3][];
                    double[][] w = new double[3][];
                    for (int m = 0; m < 3; m++) {
                        chosen[m] = new int[p * 3];
                        w[m] = new double[p * 3];
                        for (int e = 0; e < p * 3; e++) {
                            chosen[m][e] = (e * 7 + m) % d;
                            w[m][e] = new RandomStream(4, m).gaussian(e);
                        }
                    }
                    try (SpinStack mix = b.mixtures(g, p, 3, chosen, w); SpinStack mixSpins = b.mixtures(signs, p, 3, chosen, w)) {
                        List<io.dismc.backend.Column> starts = new ArrayList<>();
                        List<RandomStream> dyn = new ArrayList<>();
                        int[] instance = new int[6];
                        for (int r = 0; r < 6; r++) {
                            instance[r] = r / 2;
                            SpinStack source = r % 2 == 0 ? xi : signs;
                            starts.add(io.dismc.backend.Column.of(source, r / 2, r % 3).flipped(new int[] {r, r + 5, 40 + r}));
                            dyn.add(new RandomStream(5, r));
                        }
                        try (SpinStack s = b.states(starts)) {
                            List<RelaxationStats> stats = b.relax(new Network.Patterns(mix), instance, s, dyn,
                                    new DynamicsSpec(0, UpdateRule.GLAUBER, 40, true));
                            double[] m = b.overlaps(s, starts);
                            for (int r = 0; r < 6; r++) {
                                got.add(b.read(s, r));
                                got.add(new SpinMatrix(1, 3, new byte[] {(byte) stats.get(r).sweeps(), (byte) (stats.get(r).converged() ? 1 : 0),
                                    (byte) Math.round(100 * m[r])}));
                            }
                        }
                        for (int k = 0; k < 3; k++) {
                            got.add(b.read(signs, k));
                            got.add(b.read(xi, k));
                            got.add(b.read(mix, k));
                            got.add(b.read(mixSpins, k));
                        }
                    }
                }
            }
            results.add(got);
        }
        assertEquals(results.get(0), results.get(1));
    }

    @ParameterizedTest(name = "{0} form, T={1}, {2}")
    @CsvSource({"pattern, 0, GLAUBER", "pattern, 0.3, GLAUBER", "pattern, 0.3, METROPOLIS", "j, 0, GLAUBER",
            "j, 0.5, GLAUBER", "j, 0.5, METROPOLIS"})
    void sweepsFollowTheSameTrajectories(String form, double t, UpdateRule rule) {
        checkSweeps(form, t, rule, 700, form.equals("j") ? 900 : 60, 37, 70);
    }

    /** The same check at a size the emulating driver runs in about a second (its block threads are fibers). */
    @ParameterizedTest(name = "{0} form, T={1}, {2}")
    @CsvSource({"pattern, 0, GLAUBER", "pattern, 0.3, GLAUBER", "pattern, 0.3, METROPOLIS", "j, 0, GLAUBER",
            "j, 0.5, GLAUBER", "j, 0.5, METROPOLIS"})
    @Tag("emulated")
    void sweepsFollowTheSameTrajectoriesAtEmulatorSize(String form, double t, UpdateRule rule) {
        checkSweeps(form, t, rule, 64, form.equals("j") ? 80 : 6, 3, 5);
    }

    private void checkSweeps(String form, double t, UpdateRule rule, int n, int p, int replicaCount, int sweeps) {
        CudaBackend gpu = Gpu.backend();
        SpinMatrix xi = OneInstance.spins(cpu, new RandomStream(4, p), n, p);
        List<byte[]> starts = new ArrayList<>();
        List<RandomStream> streams = new ArrayList<>();
        for (int r = 0; r < replicaCount; r++) {
            byte[] start = new byte[n];
            new RandomStream(5, r).spins(0, start, 0, n);
            starts.add(r % 2 == 0 ? start : xi.column(r % p));
            streams.add(new RandomStream(6, r));
        }
        DynamicsSpec spec = new DynamicsSpec(t, rule, sweeps, true);
        OneInstance.Relaxed a = OneInstance.relax(cpu, xi, form.equals("j"), starts, streams, spec);
        OneInstance.Relaxed b = OneInstance.relax(gpu, xi, form.equals("j"), starts, streams, spec);
        for (int r = 0; r < replicaCount; r++) {
            assertArrayEquals(a.states().get(r), b.states().get(r), "replica " + r + " final state");
            assertEquals(a.stats().get(r), b.stats().get(r), "replica " + r + " sweeps, convergence, flips, energy");
        }
    }

    @Test
    void experimentsGiveIdenticalResultsOnBothBackends() {
        checkExperiments(List.of(
                Sweep.of(new HopfieldExperiment(), Map.of("n", "800", "alpha", "0.1,0.16,1.1"), 3, 7),
                Sweep.of(new RfhmExperiment(), Map.of("n", "600", "alpha", "0.05,0.4", "alpha-d", "0.02,0.4", "temperature", "0,0.2"), 2, 8)));
    }

    /** Whole experiments through the CUDA backend at a size the emulating driver runs in seconds. */
    @Test
    @Tag("emulated")
    void experimentsGiveIdenticalResultsAtEmulatorSize() {
        checkExperiments(List.of(
                Sweep.of(new HopfieldExperiment(), Map.of("n", "100", "alpha", "0.1,0.3", "max-sweeps", "4"), 1, 7),
                Sweep.of(new RfhmExperiment(), Map.of("n", "100", "alpha", "0.1", "alpha-d", "0.1", "temperature", "0,0.2",
                        "max-sweeps", "4"), 1, 8)));
    }

    private void checkExperiments(List<Sweep> sweeps) {
        CudaBackend gpu = Gpu.backend();
        for (Sweep s : sweeps) {
            List<Map<String, Double>> a = s.run(cpu).stream().map(UnitResult::observables).toList();
            List<Map<String, Double>> b = s.run(gpu).stream().map(UnitResult::observables).toList();
            assertEquals(a, b, s.experiment().name());
        }
    }

    /**
     * kernels/langevin.cu (LangevinDriver) against its twin backend.cpu.LangevinStep: the same floats, off
     * and on the sphere; replicas marked inactive are left as they are.
     */
    @Test
    @Tag("emulated")
    void langevinStepMatchesTheCpuStep() {
        CudaBackend gpu = Gpu.backend();
        CudaDevice dev = gpu.device();
        LangevinDriver driver = new LangevinDriver(dev);
        int n = 1000;
        int replicas = 5;
        for (boolean sphere : new boolean[] {false, true}) {
            LangevinSpec spec = new LangevinSpec(0.02, 0.4, 0.1, sphere);
            float[][] wa = new float[replicas][n];
            float[] g = new float[replicas * n];
            long[] ids = new long[replicas];
            int[] active = {1, 0, 1, 1, 0};
            for (int r = 0; r < replicas; r++) {
                for (int i = 0; i < n; i++) {
                    wa[r][i] = 1f + 0.001f * i;
                    g[r * n + i] = (float) Math.cos(i * 0.1 + r);
                }
                ids[r] = r;
            }
            float[] wb = new float[replicas * n];
            for (int r = 0; r < replicas; r++) {
                System.arraycopy(wa[r], 0, wb, r * n, n);
            }
            float[] start = wb.clone();
            try (DeviceBuffer dw = dev.upload(wb, "weights"); DeviceBuffer dg = dev.upload(g, "gradients");
                 DeviceBuffer di = dev.upload(ids, "ids"); DeviceBuffer da = dev.upload(active, "active")) {
                for (long step = 0; step < 20; step++) {
                    for (int r = 0; r < replicas; r++) {
                        if (active[r] == 1) {
                            float[] gr = java.util.Arrays.copyOfRange(g, r * n, (r + 1) * n);
                            LangevinStep.apply(wa[r], gr, spec, new RandomStream(11, r), step);
                        }
                    }
                    driver.step(dw, dg, da, n, replicas, di, 11, step, spec);
                }
                dev.download(dw, wb, "weights");
            }
            for (int r = 0; r < replicas; r++) {
                float[] b = java.util.Arrays.copyOfRange(wb, r * n, (r + 1) * n);
                if (active[r] == 1) {
                    assertArrayEquals(wa[r], b, "sphere=" + sphere + " replica " + r);
                } else {
                    assertArrayEquals(java.util.Arrays.copyOfRange(start, r * n, (r + 1) * n), b, "inactive replica " + r + " moved");
                }
            }
        }
    }

    @Test
    @Tag("emulated")
    void errorsSayWhatWasBeingDone() {
        CudaBackend gpu = Gpu.backend();
        CudaFailure oom = assertThrows(CudaFailure.class, () -> {
            try (DeviceBuffer b = gpu.device().alloc(1L << 50, "an absurd test buffer")) {
                b.bytes();
            }
        });
        assertTrue(oom.getMessage().contains("an absurd test buffer") && oom.getMessage().contains("free"), oom.getMessage());
        try (DeviceBuffer in = gpu.device().alloc(8 * 16, "test input"); DeviceBuffer out = gpu.device().alloc(16, "test output")) {
            // 4096 threads per block exceeds every GPU's limit: the launch itself is refused
            CudaFailure launch = assertThrows(CudaFailure.class,
                    () -> io.dismc.backend.cuda.DeviceAccess.launch(gpu.device(), "sign_of", 1, 4096, "a deliberately invalid block", in, out, 16L));
            assertTrue(launch.getMessage().contains("sign_of") && launch.getMessage().contains("4096"), launch.getMessage());
        }
    }
}
