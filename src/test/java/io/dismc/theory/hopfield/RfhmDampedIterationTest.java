package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The authors' damped iteration with continuation as a cross-check of the fold solvers (test plan 4.1:
 * with an authors-style scan, the collapse is the first grid point past the fold). Start states and grids
 * are those of the authors' run_span.jl scripts (ArtLabBocconi/random_feature_hopfield).
 */
class RfhmDampedIterationTest {
    private static final RfhmLearningState FACTOR_START = new RfhmLearningState(1.0, 0.01, 0, 1,
            3.3410127750224426e-10, 105.19065226080156, 3.331297692245768e-10, 0.6366197725789939,
            100.9999999353968, 41.16509321703842, 0.999999999461402, 63.66228837695199);
    private static final RfhmStorageState PATTERN_START = new RfhmStorageState(0.001, 1.0, 7.450580596925714e-9,
            1.0040590852585105, 1.0431588916228004e-7, 0.6366200967849951, 0.999999993809326, 0.6366203937025133, 1.0);

    @Test
    void learningSpanCollapsesJustBelowTheFold() {
        List<Double> grid = RfhmDampedIteration.grid(0.300, -0.001, 0.050);
        for (RfhmVariant v : RfhmVariant.values()) {
            RfhmLearningTheory fold = new RfhmLearningTheory(v);
            double aL = fold.learningLoad(0.01);
            List<RfhmDampedIteration.Outcome<RfhmLearningState>> span = RfhmDampedIteration.learningSpan(FACTOR_START,
                    grid, 0.01, v, RfhmDampedIteration.Settings.AUTHORS);
            assertEquals(grid.size(), span.size(), "every load converges (" + v + ")");
            double lastRetrieved = Double.NaN;
            for (RfhmDampedIteration.Outcome<RfhmLearningState> o : span) {
                double a = o.state().alpha();
                if (o.state().m() > 0.5) {
                    lastRetrieved = a;
                    if (a >= aL + 0.002) {
                        // away from the fold the 1e-5 stopping rule leaves m within 1e-4 of the exact state
                        assertEquals(fold.featureOverlap(a, 0.01), o.state().m(), 1e-4, v + " m at " + a);
                    }
                } else {
                    assertTrue(a < aL, v + ": collapsed at " + a + " above alpha_L = " + aL);
                }
            }
            assertEquals(Math.ceil(aL * 1000) / 1000, lastRetrieved, 1e-12, v + ": last grid point above alpha_L");
        }
    }

    /** The e = 1 replay reproduces the authors' results/span_aD0.01.txt rows at 0.093 and 0.092. */
    @Test
    void publishedSpanReproducesTheAuthorsFile() {
        List<RfhmDampedIteration.Outcome<RfhmLearningState>> span = RfhmDampedIteration.learningSpan(FACTOR_START,
                RfhmDampedIteration.grid(0.300, -0.001, 0.092), 0.01, RfhmVariant.PUBLISHED,
                RfhmDampedIteration.Settings.AUTHORS);
        RfhmLearningState at093 = span.get(span.size() - 2).state();
        RfhmLearningState at092 = span.get(span.size() - 1).state();
        assertEquals(0.093, at093.alpha(), 1e-12);
        assertEquals(0.9256310476637706, at093.m(), 1e-7, "file: m at 0.093");
        assertEquals(115.74054582264763, at093.qh(), 1e-4, "file: qh at 0.093");
        assertEquals(7.762937996550103e-6, at092.m(), 1e-8, "file: collapsed m at 0.092");
    }

    @Test
    void storageSpanCollapsesJustAboveTheFold() {
        double ac = RfhmStorageTheory.storageLoad(1.0);
        List<RfhmDampedIteration.Outcome<RfhmStorageState>> span = RfhmDampedIteration.storageSpan(PATTERN_START,
                RfhmDampedIteration.grid(0.001, 0.001, 0.150), 1.0, RfhmDampedIteration.Settings.AUTHORS);
        double firstCollapsed = Double.NaN;
        for (RfhmDampedIteration.Outcome<RfhmStorageState> o : span) {
            if (o.state().m() < 0.5) {
                firstCollapsed = o.state().alpha();
                break;
            }
            if (o.state().alpha() <= ac - 0.002) {
                assertEquals(RfhmStorageTheory.patternOverlap(o.state().alpha(), 1.0), o.state().m(), 1e-4);
            }
        }
        assertEquals(Math.ceil(ac * 1000) / 1000, firstCollapsed, 1e-12, "first grid point above alpha_c = " + ac);
    }

    @Test
    void iterationCapIsReported() {
        RfhmDampedIteration.Outcome<RfhmLearningState> o = RfhmDampedIteration.learning(FACTOR_START, 0.0979, 0.01,
                RfhmVariant.CONSISTENT, new RfhmDampedIteration.Settings(0.9, 1e-12, 50));
        assertTrue(!o.converged() && o.iterations() == 50);
    }
}
