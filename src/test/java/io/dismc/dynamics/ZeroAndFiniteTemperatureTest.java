package io.dismc.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.UpdateRule;
import io.dismc.backend.cpu.AsynchronousDynamics;
import io.dismc.backend.cpu.Couplings;
import io.dismc.backend.cpu.HebbianProduct;
import io.dismc.backend.cpu.LocalField;
import io.dismc.backend.cpu.PatternCouplings;
import io.dismc.backend.cpu.Relaxation;
import io.dismc.backend.cpu.SpinKernels;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import io.dismc.testing.OneInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** T = 0: energy never increases and runs stop at true fixed points. T well above 1: paramagnet. */
class ZeroAndFiniteTemperatureTest {

    @Test
    void energyNeverIncreasesAtZeroTemperature() {
        int n = 800;
        for (int p : new int[] {40, 160, 900}) {
            SpinMatrix xi = FieldFormsTest.patterns(n, p, p);
            Couplings c;
            try (CpuBackend cpu = new CpuBackend(1)) {
                c = p < n ? new PatternCouplings(xi) : HebbianProduct.of(xi, cpu.pool());
            }
            List<Double> energies = new ArrayList<>();
            byte[] start = FieldFormsTest.randomStart(n, p);
            LocalField initial = LocalField.of(c, SpinKernels.best());
            initial.reset(start);
            energies.add(LocalField.energyPerSpin(initial.sumSpinTimesField(start), n));
            Relaxation r = AsynchronousDynamics.relax(LocalField.of(c, SpinKernels.best()), start.clone(),
                    new RandomStream(3, p), DynamicsSpec.zeroTemperature(500),
                    (t, s, flips, field) -> energies.add(LocalField.energyPerSpin(field.sumSpinTimesField(s), n)));
            assertTrue(energies.size() > 2, "dynamics should take several sweeps from a random start");
            for (int k = 1; k < energies.size(); k++) {
                assertTrue(energies.get(k) <= energies.get(k - 1), "P=" + p + ": energy rose at sweep " + k + ": " + energies);
            }
            assertTrue(r.converged(), "T = 0 dynamics must reach a fixed point at P=" + p);
            // at a fixed point every spin is aligned with its field (or the field is zero)
            LocalField f = LocalField.of(c, SpinKernels.scalar());
            f.reset(r.state());
            for (int i = 0; i < n; i++) {
                assertTrue(r.state()[i] * f.numerator(i, r.state()) >= 0, "spin " + i + " is not aligned at the fixed point");
            }
        }
    }

    @Test
    void wellAboveTheCriticalTemperatureOverlapDecaysToZero() {
        int n = 1000;
        SpinMatrix xi = FieldFormsTest.patterns(n, 50, 11);
        byte[] target = xi.column(0);
        for (UpdateRule rule : UpdateRule.values()) {
            double sum = 0;
            int runs = 6;
            List<byte[]> starts = new ArrayList<>();
            List<RandomStream> streams = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                starts.add(target);
                streams.add(new RandomStream(5, r));
            }
            try (CpuBackend cpu = new CpuBackend(2)) {
                OneInstance.Relaxed out = OneInstance.relax(cpu, xi, false, starts, streams, new DynamicsSpec(2.0, rule, 60, true));
                for (int r = 0; r < runs; r++) {
                    assertEquals(60, out.stats().get(r).sweeps(), "T > 0 runs use their whole budget");
                    sum += Math.abs(overlap(out.states().get(r), target));
                }
            }
            // paramagnet: |m| ~ 1/sqrt(N) ~ 0.03, started from m = 1
            assertTrue(sum / runs < 0.1, rule + ": mean |m| at T = 2 is " + sum / runs);
        }
    }

    @Test
    void belowTheCriticalTemperatureRetrievalSurvives() {
        // the same runs at T = 0.3 keep the pattern: the decay above is thermal, not a bug that erases spins
        int n = 1000;
        SpinMatrix xi = FieldFormsTest.patterns(n, 50, 11);
        byte[] target = xi.column(0);
        try (CpuBackend cpu = new CpuBackend(2)) {
            OneInstance.Relaxed r = OneInstance.relax(cpu, xi, false, List.of(target), List.of(new RandomStream(5, 0)),
                    new DynamicsSpec(0.3, UpdateRule.GLAUBER, 60, true));
            assertTrue(overlap(r.states().get(0), target) > 0.9);
        }
    }

    @Test
    void initialConditionFlipsExactlyTheRequestedNumberOfSpins() {
        byte[] target = FieldFormsTest.randomStart(1000, 1);
        for (int count : new int[] {0, 1, 137, 500, 1000}) {
            byte[] s = InitialCondition.flipped(target, count, new RandomStream(1, count));
            assertEquals(1 - 2.0 * count / 1000, overlap(s, target), 1e-12);
        }
    }

    static double overlap(byte[] a, byte[] b) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return (double) s / a.length;
    }
}
