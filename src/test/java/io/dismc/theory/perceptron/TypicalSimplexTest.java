package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, simplex (G3, G4; test plan 7.1.5), kappa = -0.5. */
class TypicalSimplexTest {
    static final double KAPPA = -0.5;
    static final double[] ALPHA = {0.5, 1, 1.5, 2, 3};
    static final double[] UNIFORM = {0.005462, 0.005075, 0.004726, 0.004409, 0.003852};
    static final double[] BARYCENTRE = {0.006077, 0.005576, 0.005155, 0.004791, 0.004183};
    /** z* of the y -&gt; infinity barycentre, E = Phi(z*). */
    static final double[] Z_STAR = {-7.30, -6.00, Double.NaN, -5.12, -4.76};

    @Test
    void uniformMeanAndBarycentreAgainstTheTable() {
        for (int i = 0; i < ALPHA.length; i++) {
            double q = SphericalGardner.typicalOverlap(ALPHA[i], KAPPA);
            double uniform = TypicalSimplex.uniformMean(q, KAPPA);
            double bary = TypicalSimplex.barycentre(q, KAPPA);
            double mid = TypicalGeodesic.midpoint(q, KAPPA);
            assertEquals(UNIFORM[i], uniform, 5e-6, "uniform mean, alpha = " + ALPHA[i]);
            assertEquals(BARYCENTRE[i], bary, 5e-6, "barycentre, alpha = " + ALPHA[i]);
            // the energy is largest on the edges and falls as more vertices are averaged
            double limit = TypicalSimplex.barycentreLimit(q, KAPPA);
            assertTrue(mid > bary && bary > limit && limit < 1e-5, "alpha = " + ALPHA[i]);
            if (!Double.isNaN(Z_STAR[i])) {
                assertEquals(Z_STAR[i], TypicalSimplex.barycentreLimitThreshold(q, KAPPA), 0.005);
            }
        }
    }

    @Test
    void edgeOfTheSimplexIsTheGeodesic() {
        double q = SphericalGardner.typicalOverlap(1, KAPPA);
        double mid = TypicalGeodesic.midpoint(q, KAPPA);
        // the triple integral with one zero weight integrates that variable's density out
        // (to the nested rule's accuracy, about 1e-6 relative)
        assertEquals(mid, TypicalSimplex.energy(q, KAPPA, 0.5, 0.5, 0), 1e-8);
        assertEquals(mid, TypicalSimplex.energy(q, KAPPA, 0.5, 0.5, 1e-7), 1e-7);
        double t = 0.2;
        assertEquals(TypicalGeodesic.energy(q, KAPPA, t), TypicalSimplex.energy(q, KAPPA, 0, 1 - t, t), 1e-8);
    }

    @Test
    void quadratureOrdersAgree() {
        double q = SphericalGardner.typicalOverlap(2, KAPPA);
        double m8 = TypicalSimplex.uniformMean(q, KAPPA, 8);
        assertEquals(TypicalSimplex.uniformMean(q, KAPPA, 12), m8, 1e-6);
        // the nested rule against a much finer one, on skewed points of the simplex: 1e-5 relative
        double fine = TypicalSimplex.energy(q, KAPPA, 0.03, 0.3, 0.67, 24, 16);
        assertEquals(fine, TypicalSimplex.energy(q, KAPPA, 0.03, 0.3, 0.67), 1e-5 * fine);
        double fineCorner = TypicalSimplex.energy(q, KAPPA, 0.001, 0.02, 0.979, 24, 16);
        assertEquals(fineCorner, TypicalSimplex.energy(q, KAPPA, 0.001, 0.02, 0.979), 1e-5 * fineCorner);
    }
}
