package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, binary RS (B1, B2; test plan 7.1.7). */
class BinaryGardnerDerridaTest {
    @Test
    void capacityIsTheEntropyZero() {
        // Krauth-Mezard 0.833 at kappa = 0; with q and the replicon at alpha_c
        double[] kappa = {0, 0.2, 0.5};
        double[] alpha = {0.83308, 0.64740, 0.45566};
        double[] q = {0.5639, 0.5955, 0.6384};
        double[] replicon = {0.544, 0.523, 0.490};
        for (int i = 0; i < kappa.length; i++) {
            double ac = BinaryGardnerDerrida.capacity(kappa[i]);
            assertEquals(alpha[i], ac, 1e-5, "alpha_c at kappa = " + kappa[i]);
            BinaryGardnerDerrida.SaddlePoint s = BinaryGardnerDerrida.saddlePoint(ac, kappa[i]);
            assertEquals(0, s.entropy(), 1e-9);
            assertEquals(q[i], s.q(), 1e-4);
            assertEquals(replicon[i], s.replicon(), 1e-3);
        }
        assertEquals(0.833, BinaryGardnerDerrida.capacity(0), 5e-4, "Krauth-Mezard");
        // the binary capacity lies below the spherical one (binary solutions lie on the sphere), at any margin
        for (double k : new double[] {-1, 0.3, 3}) {
            double ac = BinaryGardnerDerrida.capacity(k);
            assertTrue(ac > 0 && ac < SphericalGardner.capacity(k), "kappa = " + k);
        }
    }

    @Test
    void largestMarginAndZeroMarginLine() {
        assertEquals(0.61842, BinaryGardnerDerrida.maxMargin(0.4), 1e-4);
        assertEquals(0.03134, BinaryGardnerDerrida.maxMargin(0.8), 1e-4);
        double[] alpha = {0.3, 0.5, 0.7};
        double[] s = {0.47483, 0.31439, 0.13540};
        double[] q = {0.19084, 0.32239, 0.46257};
        for (int i = 0; i < alpha.length; i++) {
            BinaryGardnerDerrida.SaddlePoint sp = BinaryGardnerDerrida.saddlePoint(alpha[i], 0);
            assertEquals(s[i], sp.entropy(), 1e-5);
            assertEquals(q[i], sp.q(), 1e-5);
        }
        assertEquals(0.25584, BinaryGardnerDerrida.typicalOverlap(0.4, 0), 1e-5);
        assertTrue(Double.isNaN(BinaryGardnerDerrida.typicalOverlap(0.9, 0)), "past alpha_c: no solutions");
        // alpha -> 0: no constraints, entropy ln 2
        assertEquals(Math.log(2), BinaryGardnerDerrida.entropy(1e-6, 0), 1e-5);
    }

    @Test
    void saddlePointIsStationary() {
        BinaryGardnerDerrida.SaddlePoint sp = BinaryGardnerDerrida.saddlePoint(0.6, 0.1);
        double h = 1e-5;
        double dq = (BinaryGardnerDerrida.entropyAt(0.6, 0.1, sp.q() + h, sp.qHat())
                - BinaryGardnerDerrida.entropyAt(0.6, 0.1, sp.q() - h, sp.qHat())) / (2 * h);
        double dqh = (BinaryGardnerDerrida.entropyAt(0.6, 0.1, sp.q(), sp.qHat() + h)
                - BinaryGardnerDerrida.entropyAt(0.6, 0.1, sp.q(), sp.qHat() - h)) / (2 * h);
        assertEquals(0, dq, 1e-6);
        assertEquals(0, dqh, 1e-6);
    }
}
