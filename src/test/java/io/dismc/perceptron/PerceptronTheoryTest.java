package io.dismc.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The closed-form references of docs/models.md 2.8, computed by the engine (Gardner's capacity: SphericalGardnerTest). */
class PerceptronTheoryTest {

    @Test
    void coverProbabilityIsExact() {
        assertEquals(1.0, PerceptronTheory.coverProbability(100, 100), 0);
        assertEquals(0.5, PerceptronTheory.coverProbability(100, 200), 1e-12); // symmetric sum at P = 2N
        // P = N + 1: 1 - 2^-N
        assertEquals(1 - Math.pow(2, -10), PerceptronTheory.coverProbability(10, 11), 1e-15);
        // a small case by hand: N = 2, P = 4: 2^-3 (1 + 3) = 0.5
        assertEquals(0.5, PerceptronTheory.coverProbability(2, 4), 1e-15);
    }

    @Test
    void generalizationErrorOfAnOverlap() {
        assertEquals(0.5, PerceptronTheory.generalizationError(0), 1e-15);
        assertEquals(0.0, PerceptronTheory.generalizationError(1), 1e-15);
        assertEquals(0.25, PerceptronTheory.generalizationError(Math.sqrt(0.5)), 1e-12);
    }
}
