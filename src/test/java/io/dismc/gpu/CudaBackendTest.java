package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.cpu.LangevinStep;
import io.dismc.backend.cuda.CudaDevice;
import io.dismc.backend.cuda.LangevinDriver;
import io.dismc.backend.cuda.CudaFailure;
import io.dismc.backend.cuda.DeviceBuffer;
import io.dismc.dynamics.DynamicsSpec;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.dynamics.UpdateRule;
import io.dismc.experiment.HopfieldExperiment;
import io.dismc.experiment.RfhmExperiment;
import io.dismc.model.Couplings;
import io.dismc.model.HebbianCouplings;
import io.dismc.model.PatternCouplings;
import io.dismc.model.ProjectionGrid;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
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
        RandomStream s = new RandomStream(0x5eedL, 0xabcdefL);
        assertEquals(cpu.randomSpins(s, 333, 97), gpu.randomSpins(s, 333, 97));
        double[] a = cpu.gaussians(s, 10_001);
        double[] b = gpu.gaussians(s, 10_001);
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
            SpinMatrix xi = cpu.randomSpins(new RandomStream(1, p), 301, p);
            HebbianCouplings a = cpu.hebbian(xi);
            HebbianCouplings b = gpu.hebbian(xi);
            assertArrayEquals(a.numerators(), b.numerators(), "P = " + p);
        }
    }

    @Test
    @Tag("emulated")
    void projectionIsExactlyTheCpuOne() {
        CudaBackend gpu = Gpu.backend();
        int n = 513;
        int d = 77;
        int p = 1031;
        SpinMatrix f = cpu.randomSpins(new RandomStream(2, 1), n, d);
        double[] c = ProjectionGrid.snap(cpu.gaussians(new RandomStream(2, 2), d * p), ProjectionGrid.LATENTS_WITH_SPIN_FEATURES);
        RealMatrix cm = new RealMatrix(d, p, c);
        assertEquals(cpu.signProjection(f, cm), gpu.signProjection(f, cm), "spin features");
        double[] fr = ProjectionGrid.snap(cpu.gaussians(new RandomStream(2, 3), n * d), ProjectionGrid.GAUSSIAN_FEATURES);
        double[] c2 = ProjectionGrid.snap(c.clone(), ProjectionGrid.GAUSSIAN_FEATURES);
        assertEquals(cpu.signProjection(new RealMatrix(n, d, fr), new RealMatrix(d, p, c2)),
                gpu.signProjection(new RealMatrix(n, d, fr), new RealMatrix(d, p, c2)), "Gaussian features");
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
        SpinMatrix xi = cpu.randomSpins(new RandomStream(4, p), n, p);
        Couplings c = form.equals("j") ? cpu.hebbian(xi) : new PatternCouplings(xi);
        List<Replica> replicas = new ArrayList<>();
        for (int r = 0; r < replicaCount; r++) {
            byte[] start = new byte[n];
            new RandomStream(5, r).spins(0, start, 0, n);
            replicas.add(new Replica(r % 2 == 0 ? start : xi.column(r % p), new RandomStream(6, r)));
        }
        DynamicsSpec spec = new DynamicsSpec(t, rule, sweeps, true);
        List<Relaxation> a = cpu.relax(c, replicas, spec);
        List<Relaxation> b = gpu.relax(c, replicas, spec);
        for (int r = 0; r < replicas.size(); r++) {
            assertArrayEquals(a.get(r).state(), b.get(r).state(), "replica " + r + " final state");
            assertEquals(a.get(r).sweeps(), b.get(r).sweeps(), "replica " + r + " sweeps");
            assertEquals(a.get(r).converged(), b.get(r).converged());
            assertEquals(a.get(r).flips(), b.get(r).flips());
            assertEquals(a.get(r).energyPerSpin(), b.get(r).energyPerSpin(), 0.0);
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
                    () -> gpu.device().launch("sign_of", 1, 1, 4096, 1, "a deliberately invalid block", in, out, 16L));
            assertTrue(launch.getMessage().contains("sign_of") && launch.getMessage().contains("4096"), launch.getMessage());
        }
    }
}
