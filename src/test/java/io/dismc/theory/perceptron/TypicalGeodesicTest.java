package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, geodesics (G1, G2; test plan 7.1.4), kappa = -0.5. */
class TypicalGeodesicTest {
    static final double KAPPA = -0.5;
    static final double[] ALPHA = {0.5, 1, 1.5, 2, 3};
    static final double[] T = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5};
    static final double[][] LINEAR = {
        {0.001656, 0.003273, 0.006281, 0.008760, 0.010413, 0.010996},
        {0.001582, 0.003103, 0.005869, 0.008083, 0.009526, 0.010029},
        {0.001506, 0.002934, 0.005477, 0.007462, 0.008730, 0.009167},
        {0.001429, 0.002766, 0.005104, 0.006889, 0.008011, 0.008395},
        {0.001274, 0.002440, 0.004418, 0.005876, 0.006769, 0.007071}};
    static final double[][] ARC = {
        {0.002258, 0.004207, 0.007281, 0.009377, 0.010596},
        {0.002033, 0.003799, 0.006603, 0.008531, 0.009658},
        {0.001837, 0.003441, 0.006006, 0.007780, 0.008823},
        {0.001665, 0.003126, 0.005475, 0.007111, 0.008076},
        {0.001379, 0.002599, 0.004578, 0.005970, 0.006797}};

    @Test
    void energyProfilesAgainstTheTable() {
        for (int i = 0; i < ALPHA.length; i++) {
            double q = SphericalGardner.typicalOverlap(ALPHA[i], KAPPA);
            for (int j = 0; j < T.length; j++) {
                double e = TypicalGeodesic.energy(q, KAPPA, T[j]);
                assertEquals(LINEAR[i][j], e, 2e-6, "alpha = " + ALPHA[i] + ", t = " + T[j]);
                // symmetry t <-> 1 - t
                assertEquals(e, TypicalGeodesic.energy(q, KAPPA, 1 - T[j]), 1e-15);
            }
            for (int j = 0; j < ARC[i].length; j++) {
                assertEquals(ARC[i][j], TypicalGeodesic.energyAtArc(q, KAPPA, T[j]), 2e-6, "alpha = " + ALPHA[i] + ", s = " + T[j]);
            }
            assertEquals(TypicalGeodesic.midpoint(q, KAPPA), TypicalGeodesic.energyAtArc(q, KAPPA, 0.5), 1e-15);
        }
    }

    @Test
    void energyVanishesContinuouslyAsTheMarginReachesZero() {
        // kappa >= 0 is convex (E = 0); approaching it from below, the midpoint energy falls to 0
        double previous = Double.POSITIVE_INFINITY;
        for (double kappa : new double[] {-0.1, -0.01, -0.001}) {
            double q = SphericalGardner.typicalOverlap(1, kappa);
            double e = TypicalGeodesic.midpoint(q, kappa);
            assertTrue(e > 0 && e < previous, "kappa = " + kappa);
            previous = e;
        }
        assertTrue(previous < 1e-3);
    }

    @Test
    void arcToLinearMapsTheGreatCircleOntoTheNormalizedChord() {
        // w1 = (1, 0), w2 = (q, sqrt(1 - q^2)) in their plane: the arc point at s must be the normalized
        // linear point at t(s)
        for (double q : new double[] {0.13, 0.5, 0.9}) {
            double th = Math.acos(q);
            for (double s : new double[] {0.05, 0.3, 0.5, 0.77}) {
                double t = TypicalGeodesic.arcToLinear(q, s);
                double x = (1 - t) + t * q;
                double y = t * Math.sqrt(1 - q * q);
                double norm = Math.hypot(x, y);
                assertEquals(Math.cos(s * th), x / norm, 1e-14);
                assertEquals(Math.sin(s * th), y / norm, 1e-14);
            }
        }
    }

    @Test
    void quadratureOrdersAgree() {
        double q = SphericalGardner.typicalOverlap(3, KAPPA);
        double n = Math.sqrt(0.9 * 0.9 + 0.1 * 0.1 + 2 * 0.09 * q);
        double reference = TypicalGeodesic.pairEnergy(q, KAPPA, 0.9 / n, 0.1 / n, 48, 64);
        assertEquals(reference, TypicalGeodesic.pairEnergy(q, KAPPA, 0.9 / n, 0.1 / n, GaussianRule.FINE, TypicalGeodesic.U_NODES), 1e-12);
        assertEquals(reference, TypicalGeodesic.pairEnergy(q, KAPPA, 0.9 / n, 0.1 / n, GaussianRule.COARSE, 8), 1e-10);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TypicalGeodesic.energy(0.3, -0.5, 1.2));
        assertThrows(IllegalArgumentException.class, () -> TypicalGeodesic.energy(1.0, -0.5, 0.5));
    }
}
