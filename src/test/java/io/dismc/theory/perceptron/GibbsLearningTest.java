package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.theory.Gaussians;
import org.junit.jupiter.api.Test;

/** The RS Gibbs learning curve of the spherical teacher-student perceptron (docs/models.md 2.9.5). */
class GibbsLearningTest {

    /** Limits: R = 2 alpha/pi as alpha -&gt; 0; eps alpha -&gt; 0.625 (Engel and van den Broeck) as alpha -&gt; infinity. */
    @Test
    void limits() {
        assertEquals(1.0, GibbsLearning.overlap(1e-3) / (2e-3 / Math.PI), 1e-3);
        assertEquals(0.6247, 1000 * GibbsLearning.generalizationError(1000), 1e-3);
        double prev = 0.5;
        for (double a : new double[] {0.5, 1, 2, 5, 10}) {
            double e = GibbsLearning.generalizationError(a);
            assertTrue(e < prev, "the error falls with alpha");
            prev = e;
        }
    }

    /**
     * At the root, the saddle-point equation in Engel and van den Broeck's form,
     * R/sqrt(1-R) = (alpha/pi) int Dt exp(-R t^2/2)/H(-sqrt(R) t), computed with the tail H directly
     * (not the hazard the solver uses), holds to 1e-10 at alpha = 0.5, 1, 2, 5.
     */
    @Test
    void rootSolvesTheSaddlePoint() {
        for (double a : new double[] {0.5, 1, 2, 5}) {
            double r = GibbsLearning.overlap(a);
            double sr = Math.sqrt(r);
            double rhs = a / Math.PI * Gaussians.expectation(t -> Math.exp(-r * t * t / 2) / Gaussians.upperTail(-sr * t));
            assertEquals(r / Math.sqrt(1 - r), rhs, 1e-10, "alpha = " + a);
            assertEquals(Math.acos(r) / Math.PI, GibbsLearning.generalizationError(a), 1e-15);
        }
    }

    @Test
    void refusesANonPositiveLoad() {
        assertThrows(IllegalArgumentException.class, () -> GibbsLearning.overlap(0));
        assertThrows(IllegalArgumentException.class, () -> GibbsLearning.overlap(Double.NaN));
    }
}
