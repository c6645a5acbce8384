package io.dismc.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.UpdateRule;
import io.dismc.backend.cpu.AsynchronousDynamics;
import io.dismc.backend.cpu.Couplings;
import io.dismc.backend.cpu.HebbianCouplings;
import io.dismc.backend.cpu.HebbianProduct;
import io.dismc.backend.cpu.LocalField;
import io.dismc.backend.cpu.PatternCouplings;
import io.dismc.backend.cpu.Relaxation;
import io.dismc.backend.cpu.SpinKernels;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The J form and the pattern form of the local field give identical trajectories (docs/models.md 1.1.2),
 * and the incrementally kept fields always equal a recomputation from scratch.
 */
class FieldFormsTest {

    static SpinMatrix patterns(int n, int p, long seed) {
        byte[] d = new byte[n * p];
        new RandomStream(seed, 77).spins(0, d, 0, d.length);
        return new SpinMatrix(n, p, d);
    }

    static byte[] randomStart(int n, long seed) {
        byte[] s = new byte[n];
        new RandomStream(seed, 78).spins(0, s, 0, n);
        return s;
    }

    record Trace(List<byte[]> states, List<Integer> flips, Relaxation end) {}

    static Trace trace(Couplings c, byte[] start, DynamicsSpec spec, SpinKernels kernels) {
        List<byte[]> states = new ArrayList<>();
        List<Integer> flips = new ArrayList<>();
        Relaxation r = AsynchronousDynamics.relax(LocalField.of(c, kernels), start.clone(), new RandomStream(9, 10), spec,
                (t, s, f, field) -> {
                    states.add(s.clone());
                    flips.add(f);
                });
        return new Trace(states, flips, r);
    }

    @ParameterizedTest(name = "N={0} P={1} T={2} {3}")
    @CsvSource({"300, 40, 0, GLAUBER", "300, 40, 0.4, GLAUBER", "300, 40, 0.4, METROPOLIS", "200, 260, 0, GLAUBER",
            "200, 260, 0.7, METROPOLIS", "129, 65, 0.2, GLAUBER"})
    void jFormAndPatternFormGiveIdenticalTrajectories(int n, int p, double t, UpdateRule rule) {
        SpinMatrix xi = patterns(n, p, n + p);
        HebbianCouplings j;
        try (CpuBackend cpu = new CpuBackend(2)) {
            j = HebbianProduct.of(xi, cpu.pool());
        }
        DynamicsSpec spec = new DynamicsSpec(t, rule, 30, true);
        byte[] start = randomStart(n, 5);
        Trace a = trace(new PatternCouplings(xi), start, spec, SpinKernels.best());
        Trace b = trace(j, start, spec, SpinKernels.best());
        Trace c = trace(new PatternCouplings(xi), start, spec, SpinKernels.scalar());
        assertEquals(a.states().size(), b.states().size(), "sweep counts differ");
        assertTrue(a.flips().stream().mapToInt(Integer::intValue).sum() > 0, "the test must exercise flips");
        for (int k = 0; k < a.states().size(); k++) {
            assertArrayEquals(a.states().get(k), b.states().get(k), "J vs pattern form after sweep " + k);
            assertArrayEquals(a.states().get(k), c.states().get(k), "vector vs scalar kernels after sweep " + k);
        }
        assertEquals(a.flips(), b.flips());
        assertEquals(a.end().energyPerSpin(), b.end().energyPerSpin(), 0.0);
    }

    @ParameterizedTest(name = "{0} form, T={1}")
    @CsvSource({"pattern, 0", "pattern, 0.5", "j, 0", "j, 0.5"})
    void incrementalFieldsEqualRecomputedFieldsAfterEverySweep(String form, double t) {
        int n = 250;
        SpinMatrix xi = patterns(n, 30, 3);
        Couplings c;
        try (CpuBackend cpu = new CpuBackend(1)) {
            c = form.equals("j") ? HebbianProduct.of(xi, cpu.pool()) : new PatternCouplings(xi);
        }
        DynamicsSpec spec = new DynamicsSpec(t, UpdateRule.GLAUBER, 20, false);
        int[] checked = {0};
        AsynchronousDynamics.relax(LocalField.of(c, SpinKernels.best()), randomStart(n, 8), new RandomStream(1, 2), spec,
                (sweep, s, flips, field) -> {
                    LocalField fresh = LocalField.of(c, SpinKernels.scalar());
                    fresh.reset(s);
                    for (int i = 0; i < n; i++) {
                        assertEquals(naiveField(xi, s, i), field.numerator(i, s), "incremental field " + i);
                        assertEquals(naiveField(xi, s, i), fresh.numerator(i, s), "recomputed field " + i);
                    }
                    assertEquals(fresh.sumSpinTimesField(s), field.sumSpinTimesField(s));
                    checked[0]++;
                });
        assertEquals(20, checked[0]);
    }

    /** N h_i = sum_{j != i} sum_mu xi_i^mu xi_j^mu s_j, straight from the definition. */
    static int naiveField(SpinMatrix xi, byte[] s, int i) {
        int h = 0;
        for (int j = 0; j < xi.rows(); j++) {
            if (j == i) {
                continue;
            }
            int jij = 0;
            for (int mu = 0; mu < xi.cols(); mu++) {
                jij += xi.get(i, mu) * xi.get(j, mu);
            }
            h += jij * s[j];
        }
        return h;
    }
}
