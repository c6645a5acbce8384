package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.theory.Gaussians;
import java.util.List;
import org.apache.commons.numbers.gamma.Erf;
import org.junit.jupiter.api.Test;

/** AGS at T = 0 and the finite-T equations: docs/models.md, section Hopfield theory (test plan 4.1). */
class AgsTheoryTest {

    @Test
    void capacityAndTheStateThere() {
        AgsState c = AgsTheory.capacity();
        assertEquals(0.137906, c.alpha(), 1e-6, "alpha_c");
        assertEquals(2.137186, c.signalToNoise(), 1e-6, "x_c");
        assertEquals(0.967417, c.m(), 1e-5, "m(alpha_c)");
        assertEquals(0.179612, c.response(), 1e-5, "C(alpha_c)");
        assertEquals(1.485803, c.r(), 1e-5, "r(alpha_c)");
    }

    @Test
    void retrievalOverlapBelowCapacity() {
        double[] alphas = {0.05, 0.10, 0.12, 0.13};
        double[] m = {0.999992, 0.997999, 0.993223, 0.987212};
        for (int k = 0; k < alphas.length; k++) {
            AgsState s = AgsTheory.retrieval(alphas[k]).orElseThrow();
            assertEquals(m[k], s.m(), 1e-6, "m(" + alphas[k] + ")");
            assertEquals(alphas[k], s.alpha(), 1e-14);
        }
        AgsState s = AgsTheory.retrieval(0.10).orElseThrow();
        assertEquals(0.020858, s.response(), 1e-6);
        assertEquals(1.043059, s.r(), 1e-6);
    }

    /** The parametric solution equals plain iteration of (m, C) from m = 1 (about 60 iterations at 0.13). */
    @Test
    void parametricFormEqualsPlainIteration() {
        for (double alpha : new double[] {0.05, 0.1, 0.13}) {
            double m = 1;
            double c = 0;
            for (int it = 0; it < 5000; it++) {
                double r = 1 / ((1 - c) * (1 - c));
                double noise = Math.sqrt(alpha * r);
                m = Erf.value(m / (Math.sqrt(2) * noise));
                c = Math.sqrt(2 / Math.PI) / noise * Math.exp(-m * m / (2 * alpha * r));
            }
            assertEquals(m, AgsTheory.overlap(alpha, 0), 1e-10, "alpha = " + alpha);
        }
    }

    @Test
    void noRetrievalSolutionAboveCapacity() {
        assertTrue(AgsTheory.retrieval(0.138).isEmpty(), "0.138 > alpha_c = 0.13791");
        assertTrue(AgsTheory.retrieval(AgsTheory.capacity().alpha() * (1 + 1e-9)).isEmpty());
        assertEquals(0.0, AgsTheory.overlap(0.138, 0));
        assertEquals(0.0, AgsTheory.overlap(0.5, 0.3));
        assertTrue(AgsTheory.retrieval(0.05, 1.0).isEmpty(), "no retrieval at T >= 1");
    }

    @Test
    void retrievalAndSpinGlassEnergiesCrossAtAlpha005185() {
        assertEquals(0.05185, AgsTheory.energyCrossingLoad(), 1e-4);
        // below the crossing retrieval is the lower state, above it the spin glass
        assertTrue(AgsTheory.energy(AgsTheory.retrieval(0.04).orElseThrow()) < AgsTheory.spinGlassEnergy(0.04));
        assertTrue(AgsTheory.energy(AgsTheory.retrieval(0.07).orElseThrow()) > AgsTheory.spinGlassEnergy(0.07));
    }

    /** The finite-T state satisfies the RS equations, checked with an independent quadrature (Gaussians). */
    @Test
    void finiteTemperatureStateSolvesTheEquations() {
        for (double[] at : new double[][] {{0.1, 0.3}, {0.03, 0.6}, {0.12, 0.05}}) {
            double alpha = at[0];
            double beta = 1 / at[1];
            AgsState s = AgsTheory.retrieval(alpha, at[1]).orElseThrow();
            double noise = Math.sqrt(alpha * s.r());
            double kink = -s.m() / noise;
            double m = Gaussians.expectation(z -> Math.tanh(beta * (s.m() + noise * z)), kink);
            double q = Gaussians.expectation(z -> Math.pow(Math.tanh(beta * (s.m() + noise * z)), 2), kink);
            assertEquals(s.m(), m, 1e-10, "m equation at " + List.of(at[0], at[1]));
            assertEquals(s.q(), q, 1e-10, "q equation");
            assertEquals(beta * (1 - q), s.response(), 1e-8, "C = beta (1 - q)");
            assertEquals(q / Math.pow(1 - beta * (1 - q), 2), s.r(), 1e-7, "r equation");
            assertEquals(alpha, s.alpha(), 1e-12);
        }
    }

    /** T -> 0: the finite-T solver approaches the parametric T = 0 solution. */
    @Test
    void zeroTemperatureLimit() {
        assertEquals(AgsTheory.overlap(0.1, 0), AgsTheory.overlap(0.1, 1e-3), 1e-6);
        // near alpha_c the correction is linear in T, about 0.01 T: it must shrink tenfold with T
        double m0 = AgsTheory.overlap(0.13, 0);
        assertEquals(m0, AgsTheory.overlap(0.13, 1e-3), 2e-5);
        assertEquals(m0, AgsTheory.overlap(0.13, 1e-4), 2e-6);
    }

    @Test
    void overlapTableIsAlphaFastestWithZerosWhereNoRetrieval() {
        List<RetrievalOverlap> t = AgsTheory.overlapTable(List.of(0.1, 0.2), List.of(0.0, 0.3));
        assertEquals(4, t.size());
        assertEquals(new RetrievalOverlap(0.1, 0.0, AgsTheory.overlap(0.1, 0)), t.get(0));
        assertEquals(0.0, t.get(1).m(), "alpha = 0.2 > alpha_c");
        assertEquals(0.3, t.get(2).temperature());
        assertEquals(0.0, t.get(3).m());
        assertTrue(t.get(2).m() > 0.5 && t.get(2).m() < t.get(0).m());
    }

    @Test
    void fieldAtThePattern() {
        LocalFieldStatistics f = AgsTheory.fieldAtPattern(0.1);
        assertEquals(1.0, f.mean());
        assertEquals(0.1, f.variance(), 1e-15);
        assertEquals(7.8e-4, f.unstableFraction(), 0.05e-4);
        assertEquals(3.6e-3, AgsTheory.fieldAtPattern(0.138).unstableFraction(), 0.05e-3);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AgsTheory.retrieval(-0.1));
        assertThrows(IllegalArgumentException.class, () -> AgsTheory.retrieval(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> AgsTheory.overlap(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> new AgsFiniteTemperature(0));
    }
}
