package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The authors' finite-T learning equations (test plan 4.1; spec 2.4 (i)): at beta = 20 ... 200 the learning
 * line sits at the consistent (squared) T = 0 value 0.09786, not the published 0.09291.
 */
class RfhmFiniteTemperatureTest {

    @Test
    void betaFiftyLearningLineEqualsTheConsistentVariant() {
        double aL = new RfhmFiniteTemperature(1.0 / 50).learningLoad(0.01);
        assertEquals(0.09786, aL, 2e-5, "alpha_L at beta = 50");
        double consistent = new RfhmLearningTheory(RfhmVariant.CONSISTENT).learningLoad(0.01);
        double published = new RfhmLearningTheory(RfhmVariant.PUBLISHED).learningLoad(0.01);
        assertEquals(consistent, aL, 2e-5);
        assertTrue(aL - published > 4e-3, "far from the published line " + published);
        for (double beta : new double[] {20, 200}) {
            assertEquals(0.09786, new RfhmFiniteTemperature(1 / beta).learningLoad(0.01), 2e-5, "beta = " + beta);
        }
    }

    @Test
    void lowTemperatureStateApproachesTheGroundState() {
        RfhmLearningState t = new RfhmFiniteTemperature(0.02).state(0.15, 0.01).orElseThrow();
        RfhmLearningState z = new RfhmLearningTheory(RfhmVariant.CONSISTENT).state(0.15, 0.01).orElseThrow();
        assertEquals(z.m(), t.m(), 1e-5);
        assertEquals(z.qh(), t.qh(), 1e-3 * z.qh());
        assertEquals(z.dpdh(), t.dpdh(), 1e-3 * z.dpdh());
        assertTrue(t.q() < 1 && t.q() > 0.999);
        assertTrue(new RfhmFiniteTemperature(0.02).state(0.09, 0.01).isEmpty(), "below the fold");
        assertTrue(new RfhmFiniteTemperature(0.02).fold(0.2).isEmpty(), "no learning phase");
        assertThrows(IllegalArgumentException.class, () -> new RfhmFiniteTemperature(1.5));
    }
}
