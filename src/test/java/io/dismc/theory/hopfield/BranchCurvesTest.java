package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampled branches that the figures draw (docs/models.md 1.4) are the solvers' states: every point is the
 * state the load-by-load solver finds at its load, the loads ascend across the requested range, and a branch
 * ends at its fold when the fold lies inside it.
 */
class BranchCurvesTest {

    @Test
    void agsBranchAtZeroTemperatureRunsFromTheLowestLoadToAlphaC() {
        List<AgsState> b = BranchCurves.ags(0, 0.04, 0.2, 50);
        assertEquals(50, b.size());
        assertEquals(0.04, b.get(0).alpha(), 1e-12);
        assertEquals(AgsTheory.capacity(), b.get(49));
        assertAscending(b.stream().mapToDouble(AgsState::alpha).toArray());
        for (AgsState s : b) {
            assertEquals(AgsTheory.overlap(s.alpha(), 0), s.m(), 1e-9, "alpha = " + s.alpha());
        }
        List<AgsState> inside = BranchCurves.ags(0, 0.05, 0.1, 20);
        assertEquals(0.1, inside.get(19).alpha(), 1e-12, "stops at the range's end below alpha_c");
        assertTrue(BranchCurves.ags(0, 0.14, 0.2, 10).isEmpty(), "nothing above alpha_c");
    }

    @Test
    void agsBranchAtFiniteTemperatureEndsAtTheSpinodal() {
        List<AgsState> b = BranchCurves.ags(0.4, 0.02, 0.2, 30);
        assertEquals(30, b.size());
        assertEquals(0.02, b.get(0).alpha(), 1e-10);
        assertEquals(0.08104, b.get(29).alpha(), 2e-4); // alpha_M(0.4), test plan 4.1
        assertAscending(b.stream().mapToDouble(AgsState::alpha).toArray());
        for (int k = 0; k < 29; k += 7) {
            assertEquals(AgsTheory.overlap(b.get(k).alpha(), 0.4), b.get(k).m(), 1e-9, "alpha = " + b.get(k).alpha());
        }
        assertTrue(BranchCurves.ags(1.2, 0.01, 0.1, 10).isEmpty(), "no retrieval at T >= 1");
    }

    @Test
    void learningBranchStartsAtTheFold() {
        RfhmLearningTheory published = new RfhmLearningTheory(RfhmVariant.PUBLISHED);
        List<RfhmLearningState> b = BranchCurves.learning(RfhmVariant.PUBLISHED, 0.01, 0.3, 40);
        assertEquals(40, b.size());
        assertEquals(0.0929074, b.get(0).alpha(), 1e-6); // alpha_L(0.01), published variant (test plan 4.1)
        assertEquals(0.3, b.get(39).alpha(), 1e-10);
        assertAscending(b.stream().mapToDouble(RfhmLearningState::alpha).toArray());
        for (int k = 1; k < 40; k += 6) {
            assertEquals(published.featureOverlap(b.get(k).alpha(), 0.01), b.get(k).m(), 1e-9, "alpha = " + b.get(k).alpha());
        }
        assertTrue(BranchCurves.learning(RfhmVariant.CONSISTENT, 0.1, 0.5, 10).isEmpty(), "alpha_L(0.1) = 4.14 > 0.5");
        assertTrue(BranchCurves.learning(RfhmVariant.CONSISTENT, 0.2, 100, 10).isEmpty(), "no learning phase at alpha_D = 0.2");
        assertThrows(IllegalArgumentException.class, () -> BranchCurves.ags(0, 0.1, 0.05, 10));
        assertThrows(IllegalArgumentException.class, () -> BranchCurves.learning(RfhmVariant.CONSISTENT, 0.01, 0.3, 1));
    }

    private static void assertAscending(double[] v) {
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] > v[i - 1], "ascending at " + i + ": " + v[i - 1] + ", " + v[i]);
        }
    }
}
