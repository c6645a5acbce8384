package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, star geometry (G5, G6, G7; test plan 7.1.6). */
class StarGeometryTest {
    @Test
    void convexAndStarMarginsAtKappaMinusHalf() {
        double[] alpha = {0.5, 1, 2, 3, 3.5};
        double[] star = {-0.09279, -0.17106, -0.29571, -0.38833, -0.42240};
        double[] convex = {-0.38129, -0.40459, -0.44165, -0.46921, -0.48011};
        double[] q1 = {0.26662, 0.45652, 0.70229, 0.85123, 0.90852};
        double[] p = {0.18557, 0.34211, 0.59142, 0.77665, 0.84479};
        double[] replicon = {0.186, 0.345, 0.613, 0.850, 0.973};
        for (int i = 0; i < alpha.length; i++) {
            assertEquals(convex[i], StarGeometry.convexMargin(alpha[i], -0.5), 1e-4, "kappa_convex, alpha = " + alpha[i]);
            StarGeometry.StarCentre c = StarGeometry.starCentre(alpha[i], -0.5);
            assertEquals(star[i], c.kappaStar(), 1e-4, "kappa_star, alpha = " + alpha[i]);
            assertEquals(q1[i], c.q1(), 1e-4);
            assertEquals(p[i], c.crossOverlap(), 1e-4);
            assertEquals(replicon[i], c.replicon(), 1e-3);
            // the star centre is a root of the criterion
            assertEquals(c.kappaStar(), -0.5 * c.crossOverlap(), 1e-8);
        }
    }

    @Test
    void kappaMinusOne() {
        // kappa = -1: kappa_star = -p
        assertEquals(-0.75894, StarGeometry.convexMargin(1, -1), 1e-4);
        assertEquals(-0.84957, StarGeometry.convexMargin(3.5, -1), 1e-4);
        assertEquals(-0.18804, StarGeometry.starMargin(1, -1), 1e-4);
        StarGeometry.StarCentre c = StarGeometry.starCentre(3.5, -1);
        assertEquals(-0.45095, c.kappaStar(), 1e-4);
        assertEquals(0.93, c.replicon(), 5e-3);
    }

    @Test
    void starBreaksDownBetweenAlpha37And375() {
        // max over kappa1 of kappa1 - p kappa at kappa = -0.5: +0.0061 at alpha = 3.7, -0.0033 at 3.75
        assertEquals(0.0061, StarGeometry.maxStarExcess(3.7, -0.5).excess(), 1e-4);
        StarGeometry.ExcessMaximum past = StarGeometry.maxStarExcess(3.75, -0.5);
        assertEquals(-0.0033, past.excess(), 1e-4);
        assertTrue(Double.isNaN(StarGeometry.starMargin(3.75, -0.5)), "no star centre past the breakdown (3.733)");
        // the kappa_star system reaches its dAT line at alpha = 3.589
        assertEquals(1, StarGeometry.starCentre(3.589, -0.5).replicon(), 1e-3);
    }

    @Test
    void undefinedOutsideTheNegativeSatPhase() {
        assertTrue(Double.isNaN(StarGeometry.starMargin(1, 0.0)));
        assertTrue(Double.isNaN(StarGeometry.convexMargin(1, 0.2)));
        assertTrue(Double.isNaN(StarGeometry.starMargin(5, -0.5)), "alpha_c(-0.5) = 4.77");
    }
}
