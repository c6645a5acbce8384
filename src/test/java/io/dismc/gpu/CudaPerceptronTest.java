package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.backend.AnnealOutcome;
import io.dismc.backend.AnnealSpec;
import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.data.PerceptronInstance;
import io.dismc.perceptron.DescentSpec;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.perceptron.SphericalDescent;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The perceptron's SA flip kernel and Langevin-on-sphere step on the GPU against the Java backend. */
@Tag("gpu")
class CudaPerceptronTest {

    @ParameterizedTest(name = "alpha={0} kappa={1} r={2}")
    @CsvSource({"0.4, 0, 0", "0.4, 0, 1", "0.7, 0.2, 1", "1.2, 0, 1"})
    void annealingFollowsTheSameTrajectories(double alpha, double kappa, int r) {
        checkAnnealing(alpha, kappa, r, 151, 20, 300);
    }

    /** The same check at a size the emulating driver runs in about a second (its block threads are fibers). */
    @ParameterizedTest(name = "alpha={0} kappa={1} r={2}")
    @CsvSource({"0.4, 0, 0", "1.2, 0, 1"})
    @Tag("emulated")
    void annealingFollowsTheSameTrajectoriesAtEmulatorSize(double alpha, double kappa, int r) {
        checkAnnealing(alpha, kappa, r, 31, 2, 4);
    }

    private static void checkAnnealing(double alpha, double kappa, int r, int n, int replicaCount, int sweeps) {
        CudaBackend gpu = Gpu.backend();
        int p = (int) Math.round(alpha * n);
        PerceptronInstance inst = PerceptronProblems.instance(PerceptronProblems.inputs(n, p, false, new RandomStream(1, p)),
                PerceptronProblems.randomLabels(p, new RandomStream(2, p)), n, p, false);
        // two instances, the replicas alternating between them: each replica on its own disorder in one launch
        PerceptronInstance other = PerceptronProblems.instance(PerceptronProblems.inputs(n, p, false, new RandomStream(5, p)),
                PerceptronProblems.randomLabels(p, new RandomStream(6, p)), n, p, false);
        List<byte[]> starts = new ArrayList<>();
        List<RandomStream> streams = new ArrayList<>();
        int[] instance = new int[replicaCount];
        for (int k = 0; k < replicaCount; k++) {
            byte[] w0 = new byte[n];
            new RandomStream(3, k).spins(0, w0, 0, n);
            starts.add(w0);
            streams.add(new RandomStream(4, k));
            instance[k] = k % 2;
        }
        AnnealSpec spec = new AnnealSpec(2, 50, sweeps, kappa, r);
        try (CpuBackend cpu = new CpuBackend(2)) {
            List<AnnealOutcome> a = cpu.anneal(List.of(inst, other), instance, starts, streams, spec);
            List<AnnealOutcome> b = gpu.anneal(List.of(inst, other), instance, starts, streams, spec);
            for (int k = 0; k < replicaCount; k++) {
                assertArrayEquals(a.get(k).weights(), b.get(k).weights(), "replica " + k);
                assertEquals(a.get(k).steps(), b.get(k).steps());
                assertEquals(a.get(k).violated(), b.get(k).violated());
            }
        }
    }

    /**
     * Spherical descent run to its end on the device (kernels/sphere_descent.cu, langevin.cu) against the
     * CPU twin: at T = 0 the same floats, violations and step counts, also when replicas stop at different
     * steps before, between and after the host's reads of the replicas still moving (P = 60: stops at
     * 38 to 45 of 45; P = 10: every replica solved by step 48 of 80); with noise the
     * Gaussians may differ in the last ulp (device math library), so weights agree to float precision.
     */
    @ParameterizedTest(name = "T={0} P={1} max steps={2} r={3}")
    @CsvSource({"0, 300, 30, 1", "0, 60, 45, 1", "0, 10, 80, 1", "0, 150, 40, 2", "0.01, 300, 30, 1"})
    @Tag("emulated")
    void sphericalDescentAgreesWithTheCpu(double temperature, int p, int maxSteps, int r) {
        CudaBackend gpu = Gpu.backend();
        int n = 200;
        PerceptronInstance inst = PerceptronProblems.instance(PerceptronProblems.inputs(n, p, true, new RandomStream(5, 1)),
                PerceptronProblems.randomLabels(p, new RandomStream(5, 2)), n, p, true);
        List<float[]> starts = new ArrayList<>();
        List<RandomStream> streams = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            starts.add(SphericalDescent.randomStart(n, new RandomStream(6, k)));
            streams.add(new RandomStream(7, k));
        }
        DescentSpec spec = new DescentSpec(0.05, temperature, maxSteps, 0, r);
        try (CpuBackend cpu = new CpuBackend(2)) {
            List<SolverOutcome> a = SphericalDescent.run(inst, starts, streams, spec, cpu);
            List<SolverOutcome> b = SphericalDescent.run(inst, starts, streams, spec, gpu);
            for (int k = 0; k < starts.size(); k++) {
                if (temperature == 0) {
                    assertArrayEquals(a.get(k).weights(), b.get(k).weights(), 0.0, "replica " + k);
                    assertEquals(a.get(k).steps(), b.get(k).steps(), "steps of replica " + k);
                    assertEquals(a.get(k).violations(), b.get(k).violations(), "violations of replica " + k);
                    assertEquals(a.get(k).solved(), b.get(k).solved());
                } else {
                    assertArrayEquals(a.get(k).weights(), b.get(k).weights(), 1e-3, "replica " + k);
                }
            }
        }
    }
}
