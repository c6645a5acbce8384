package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The AGS retrieval line alpha_M(T) and T_M(alpha) (test plan 4.1; docs/models.md, section Hopfield theory). */
class RetrievalLineTest {

    /** Spec accuracy 2e-4: its reference values come from a 16001-point quadrature grid. */
    @Test
    void spinodalLoadAgainstTemperature() {
        double[] t = {0.1, 0.2, 0.4, 0.5, 0.7, 0.8};
        double[] alphaM = {0.13505, 0.12256, 0.08104, 0.05882, 0.02232, 0.01010};
        double[] m = {0.963, 0.951, 0.895, 0.846, 0.693, 0.579};
        for (int k = 0; k < t.length; k++) {
            AgsState s = RetrievalLine.spinodal(t[k]).orElseThrow();
            assertEquals(alphaM[k], s.alpha(), 2e-4, "alpha_M(" + t[k] + ")");
            assertEquals(m[k], s.m(), 1e-3, "m at the spinodal, T = " + t[k]);
        }
        assertEquals(AgsTheory.capacity().alpha(), RetrievalLine.load(0), 0);
        assertEquals(0.0, RetrievalLine.load(1.0));
        assertTrue(RetrievalLine.spinodal(1.2).isEmpty());
    }

    @Test
    void spinodalTemperatureAgainstLoad() {
        assertEquals(0.8010, RetrievalLine.temperature(0.01), 2e-3);
        assertEquals(0.5423, RetrievalLine.temperature(0.05), 2e-3);
        assertEquals(0.9378, RetrievalLine.temperature(0.001), 2e-3);
        // near T = 1: T_M ~ 1 - 1.95 sqrt(alpha)
        assertEquals(1 - 1.95 * Math.sqrt(1e-4), RetrievalLine.temperature(1e-4), 2e-3);
        // the inverse of alpha_M(T)
        assertEquals(0.3, RetrievalLine.temperature(RetrievalLine.load(0.3)), 1e-6);
    }

    /** RS re-entrance: alpha_M rises above alpha_c(0) at low T, so 0.138 is retrieved only in a window. */
    @Test
    void replicaSymmetricReentrance() {
        assertEquals(0.13810, RetrievalLine.load(0.01), 2e-5);
        assertEquals(0.13818, RetrievalLine.load(0.02), 2e-5);
        assertTrue(RetrievalLine.load(0.02) > AgsTheory.capacity().alpha());
        AgsState peak = RetrievalLine.reentrantPeak();
        assertTrue(peak.temperature() > 0.01 && peak.temperature() < 0.05, "peak at T = " + peak.temperature());
        RetrievalLine.TemperatureWindow w = RetrievalLine.window(0.138).orElseThrow();
        assertTrue(w.low() > 0 && w.low() < peak.temperature() && w.high() > peak.temperature(), w.toString());
        assertTrue(AgsTheory.retrieval(0.138, 0.5 * (w.low() + w.high())).isPresent());
        assertTrue(AgsTheory.retrieval(0.138, 0.5 * w.low()).isEmpty());
        assertTrue(Double.isNaN(RetrievalLine.temperature(peak.alpha() + 1e-4)), "above the re-entrant maximum");
        assertEquals(0.0, RetrievalLine.window(0.1).orElseThrow().low());
    }
}
