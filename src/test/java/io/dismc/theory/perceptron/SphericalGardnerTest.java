package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.theory.Gaussians;
import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, spherical RS (tables S1-S5, test plan 7.1.1-3). */
class SphericalGardnerTest {
    @Test
    void capacityTable() {
        double[] kappa = {-1, -0.5, 0, 0.5, 1};
        double[] alpha = {13.273200, 4.770099, 2.000000, 0.961205, 0.519572};
        for (int i = 0; i < kappa.length; i++) {
            assertEquals(alpha[i], SphericalGardner.capacity(kappa[i]), 1e-6 * alpha[i], "kappa = " + kappa[i]);
            // the closed form against the integral it comes from
            double k = kappa[i];
            double integral = Gaussians.expectationOver(t -> (t + k) * (t + k), -k, Double.POSITIVE_INFINITY);
            assertEquals(1 / integral, SphericalGardner.capacity(k), 1e-10 * alpha[i]);
        }
        assertEquals(2.0, SphericalGardner.capacity(1e-9), 1e-8, "kappa -> 0 gives Gardner's 2");
    }

    @Test
    void typicalOverlapTable() {
        double[] alphas = {0.25, 0.5, 1, 1.5, 2, 3, 3.5, 4};
        double[] kappas = {1, 0.5, 0, -0.5, -1};
        double nan = Double.NaN;
        double[][] q = {
            {0.537960, 0.972452, nan, nan, nan, nan, nan, nan},
            {0.311509, 0.591821, nan, nan, nan, nan, nan, nan},
            {0.156655, 0.307393, 0.585312, 0.821721, nan, nan, nan, nan},
            {0.064962, 0.130054, 0.259524, 0.386144, 0.507650, 0.727045, 0.821388, 0.903418},
            {0.020847, 0.042020, 0.085286, 0.129654, 0.174960, 0.267601, 0.314501, 0.361475}};
        int checked = 0;
        for (int i = 0; i < kappas.length; i++) {
            for (int j = 0; j < alphas.length; j++) {
                double got = SphericalGardner.typicalOverlap(alphas[j], kappas[i]);
                if (Double.isNaN(q[i][j])) {
                    assertTrue(Double.isNaN(got), "outside the SAT phase at alpha = " + alphas[j] + ", kappa = " + kappas[i]);
                    continue;
                }
                assertEquals(q[i][j], got, 1e-6, "alpha = " + alphas[j] + ", kappa = " + kappas[i]);
                // the defining equation and the stationarity of the free entropy (method B)
                assertEquals(0, SphericalGardner.overlapResidual(alphas[j], kappas[i], got), 1e-10);
                double h = 1e-4 * (1 - got); // s''' grows like (1-q)^-3
                double dsdq = (SphericalGardner.freeEntropy(alphas[j], kappas[i], got + h)
                        - SphericalGardner.freeEntropy(alphas[j], kappas[i], got - h)) / (2 * h);
                assertEquals(0, dsdq, 1e-6, "ds/dq at alpha = " + alphas[j] + ", kappa = " + kappas[i]);
                checked++;
            }
        }
        assertEquals(24, checked);
    }

    @Test
    void overlapLimits() {
        // q -> 1 as alpha -> alpha_c, and q ~ alpha G(kappa)^2 as alpha -> 0
        for (double kappa : new double[] {-0.5, 0, 0.5}) {
            double ac = SphericalGardner.capacity(kappa);
            assertTrue(SphericalGardner.typicalOverlap(ac * (1 - 1e-6), kappa) > 0.999, "kappa = " + kappa);
            double a = 1e-4;
            double g = Gaussians.hazard(kappa);
            assertEquals(a * g * g, SphericalGardner.typicalOverlap(a, kappa), 1e-3 * a * g * g);
            assertEquals(1e-14 * g * g, SphericalGardner.typicalOverlap(1e-14, kappa), 1e-6 * 1e-14 * g * g);
        }
    }

    @Test
    void repliconAndAtLine() {
        double[] alpha = {0.5, 1, 2, 3, 3.5, 4};
        double[] lambda = {0.129476, 0.254599, 0.496867, 0.740283, 0.870123, 1.015496};
        for (int i = 0; i < alpha.length; i++) {
            assertEquals(lambda[i], SphericalGardner.replicon(alpha[i], -0.5), 1e-6, "alpha = " + alpha[i]);
        }
        double[] kappa = {-1.5, -1, -0.75, -0.5, -0.25, -0.1, -0.05};
        double[] alphaAt = {18.7381, 7.8736, 5.5036, 3.9507, 2.8538, 2.3241, 2.1604};
        double[] qAt = {0.4978, 0.7019, 0.8039, 0.8959, 0.9675, 0.9937, 0.9983};
        for (int i = 0; i < kappa.length; i++) {
            SphericalGardner.AtPoint p = SphericalGardner.atLine(kappa[i]);
            assertEquals(alphaAt[i], p.alpha(), 1e-4, "alpha_AT at kappa = " + kappa[i]);
            assertEquals(qAt[i], p.q(), 1e-4, "q_AT at kappa = " + kappa[i]);
            assertEquals(1, SphericalGardner.replicon(p.alpha(), kappa[i]), 1e-8);
        }
        // kappa >= 0: no dAT line; lambda_AT -> 1 only as alpha -> 2 at kappa = 0
        assertTrue(Double.isNaN(SphericalGardner.atLine(0).alpha()));
        assertTrue(Double.isNaN(SphericalGardner.atLine(0.5).alpha()));
        assertEquals(0.953, SphericalGardner.replicon(1.99, 0), 1e-3);
        assertEquals(0.985, SphericalGardner.replicon(1.999, 0), 1e-3);
        assertEquals(0.995, SphericalGardner.replicon(1.9999, 0), 1e-3);
    }

    @Test
    void maxMarginInvertsTheCapacity() {
        double[] alpha = {0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};
        double[] kappa = {1.03431, 0.47066, 0.18611, 0, -0.13660, -0.24370, -0.33133, -0.40523};
        for (int i = 0; i < alpha.length; i++) {
            assertEquals(kappa[i], SphericalGardner.maxMargin(alpha[i]), 1e-5, "alpha = " + alpha[i]);
        }
    }

    @Test
    void stabilityLawOfATypicalSolution() {
        // test plan T2 (alpha = 1, kappa = -0.5): CDF at kappa + 0.1, 0, 0.5, 1
        assertEquals(0.0607, SphericalGardner.stabilityCdf(1, -0.5, -0.4), 1e-4);
        assertEquals(0.3098, SphericalGardner.stabilityCdf(1, -0.5, 0), 1e-4);
        assertEquals(0.5939, SphericalGardner.stabilityCdf(1, -0.5, 0.5), 1e-4);
        assertEquals(0.8005, SphericalGardner.stabilityCdf(1, -0.5, 1), 1e-4);
        assertEquals(0, SphericalGardner.stabilityCdf(1, -0.5, -0.6), 0);
        // the density integrates to the CDF, and its mean is sqrt(1-q) E G(k) + 0 (E z = 0)
        double q = SphericalGardner.typicalOverlap(1, -0.5);
        double mass = Gaussians.integrate(x -> SphericalGardner.stabilityDensity(1, -0.5, x), -0.5, 0.5);
        assertEquals(SphericalGardner.stabilityCdf(1, -0.5, 0.5), mass, 1e-9);
        double mean = Gaussians.integrate(x -> x * SphericalGardner.stabilityDensity(1, -0.5, x), -0.5, 10);
        double expected = Math.sqrt(1 - q) * Gaussians.expectation(z -> Gaussians.hazard((-0.5 - Math.sqrt(q) * z) / Math.sqrt(1 - q)));
        assertEquals(expected, mean, 1e-8);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SphericalGardner.typicalOverlap(0, 0));
        assertThrows(IllegalArgumentException.class, () -> SphericalGardner.typicalOverlap(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SphericalGardner.freeEntropy(1, 0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> SphericalGardner.maxMargin(-1));
        assertTrue(Double.isNaN(SphericalGardner.replicon(5, -0.5)), "past alpha_c(-0.5) = 4.77");
    }
}
