package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The ends of a state-evolution trajectory (docs/models.md 4.4): noiseless perfect recovery ends with E = 0
 * in tens of iterations instead of hundreds on the way to underflow, l1-AMP's SE below alpha = r(0; theta)
 * ends with E = infinity instead of running to its cap, and noiseless l1 above alpha_l1 never gives NaN.
 */
class StateEvolutionStopsTest {
    static final GaussBernoulliPrior PRIOR = GaussBernoulliPrior.standard(0.2);

    @Test
    void noiselessRecoveryEndsAtZero() {
        SeTrajectory bayes = StateEvolution.bayesOptimal(PRIOR, new GaussianNoiseChannel(0), 0.5).uninformed(5000, 1e-10);
        assertEquals(0.0, bayes.fixedPoint());
        assertTrue(bayes.converged() && bayes.iterations() < 100, "iterations " + bayes.iterations());
        // rho = 0.1, alpha 0.5 > alpha_l1 = 0.3288: l1 recovers exactly; the risk's x0/tau must not overflow to NaN
        SeTrajectory l1 = StateEvolution.softThreshold(GaussBernoulliPrior.standard(0.1), Thresholds.l1(0.1).theta(), 0.5, 0)
                .uninformed(5000, 1e-10);
        assertEquals(0.0, l1.fixedPoint());
        assertTrue(l1.converged() && l1.iterations() < 200, "iterations " + l1.iterations());
    }

    @Test
    void divergingL1EndsAtInfinity() {
        // theta*(0.2) = 0.8616: r(0; theta) = 0.204, so tau^2 r(0) / alpha > tau^2 at alpha = 0.1 and E grows geometrically
        double theta = Thresholds.l1(0.2).theta();
        SeTrajectory t = StateEvolution.softThreshold(PRIOR, theta, 0.1, 1e-8).uninformed(5000, 1e-10);
        assertEquals(Double.POSITIVE_INFINITY, t.fixedPoint());
        assertFalse(t.converged());
        assertTrue(t.iterations() < 100, "iterations " + t.iterations());
        // just above r(0; theta) it settles at a finite value
        SeTrajectory finite = StateEvolution.softThreshold(PRIOR, theta, 0.25, 1e-8).uninformed(5000, 1e-10);
        assertTrue(Double.isFinite(finite.fixedPoint()) && finite.converged(), "alpha 0.25: " + finite.fixedPoint());
    }
}
