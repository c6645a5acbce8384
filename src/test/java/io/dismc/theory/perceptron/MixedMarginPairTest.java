package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, star geometry (test plan 7.1.6 and T9). */
class MixedMarginPairTest {
    @Test
    void crossOverlapReducesToTheTypicalOverlap() {
        for (double alpha : new double[] {0.5, 2, 3.5}) {
            MixedMarginPair same = MixedMarginPair.of(alpha, -0.5, -0.5);
            assertEquals(SphericalGardner.typicalOverlap(alpha, -0.5), same.crossOverlap(), 1e-8, "alpha = " + alpha);
            // continuity: a slightly stricter partner sits slightly further in (p grows with kappa1)
            MixedMarginPair near = MixedMarginPair.of(alpha, -0.5 + 1e-3, -0.5);
            assertTrue(near.crossOverlap() > same.crossOverlap() && near.crossOverlap() < same.crossOverlap() + 2e-3);
            assertTrue(near.crossOverlap() <= Math.sqrt(near.q1() * near.q2()));
        }
    }

    @Test
    void crossOverlapAtTheStarCentre() {
        MixedMarginPair pair = MixedMarginPair.of(1, -0.17106, -0.5);
        assertEquals(0.34211, pair.crossOverlap(), 1e-5);
        assertEquals(0.45652, pair.q1(), 1e-5);
        // the coarse nested rule against the fine one
        assertEquals(MixedMarginPair.of(1, -0.17106, -0.5, GaussianRule.FINE).crossOverlap(), pair.crossOverlap(), 1e-9);
        MixedMarginPair far = MixedMarginPair.of(3, -0.45, -0.5);
        assertEquals(MixedMarginPair.of(3, -0.45, -0.5, GaussianRule.FINE).crossOverlap(), far.crossOverlap(), 1e-9);
    }

    @Test
    void geodesicBetweenEqualMarginsIsTheTypicalGeodesic() {
        MixedMarginPair same = MixedMarginPair.of(1, -0.5, -0.5);
        for (double t : new double[] {0.1, 0.25, 0.5, 0.8}) {
            assertEquals(TypicalGeodesic.energy(same.q1(), -0.5, t), same.geodesicEnergy(t), 1e-9, "t = " + t);
        }
    }

    @Test
    void energyQuadratureOrdersAgree() {
        MixedMarginPair pair = MixedMarginPair.of(1, -0.4, -0.5);
        double fine = pair.geodesicEnergy(0.66, 24, 16);
        assertEquals(fine, pair.geodesicEnergy(0.66), 1e-6 * fine);
    }

    @Test
    void barrierFromAStricterSolution() {
        // test plan T9 (alpha = 1, kappa = -0.5): max_t E for kappa1 = -0.45, -0.40, -0.35 (MC, two digits)
        double[] kappa1 = {-0.45, -0.40, -0.35};
        double[] barrier = {6.2e-3, 3.6e-3, 1.8e-3};
        double[] argmax = {0.60, 0.66, 0.74};
        for (int i = 0; i < kappa1.length; i++) {
            MixedMarginPair.Barrier b = MixedMarginPair.of(1, kappa1[i], -0.5).barrier();
            assertEquals(barrier[i], b.energy(), 1e-4, "kappa1 = " + kappa1[i]);
            assertEquals(argmax[i], b.t(), 0.03, "argmax t at kappa1 = " + kappa1[i]);
        }
    }

    @Test
    void energyVanishesExactlyWhereTheStarCriterionHolds() {
        double ks = StarGeometry.starMargin(1, -0.5);
        MixedMarginPair above = MixedMarginPair.of(1, ks + 1e-3, -0.5);
        MixedMarginPair below = MixedMarginPair.of(1, ks - 0.03, -0.5);
        for (double t : new double[] {0.5, 0.9, 0.99}) {
            assertEquals(0, above.geodesicEnergy(t), 0, "t = " + t);
        }
        assertTrue(below.geodesicEnergy(0.99) > 0);
        // the worst point is the kappa-end: the per-pattern criterion (1-t) kappa1 + t kappa >= kappa n(t)
        // holds for every t iff kappa1 >= p kappa (docs/models.md, star geometry)
        double p = above.crossOverlap();
        for (int i = 1; i < 100; i++) {
            double t = i / 100.0;
            double n = Math.sqrt((1 - t) * (1 - t) + t * t + 2 * t * (1 - t) * p);
            double r = ((1 - t) + 2 * t * p) / (n + t);
            assertTrue(r >= p - 1e-15 && r <= 1 + 1e-15, "r(t) in [p, 1] at t = " + t);
        }
    }
}
