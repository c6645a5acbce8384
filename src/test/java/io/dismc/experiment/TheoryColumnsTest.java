package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.model.LatentKind;
import io.dismc.model.RandomFeaturesHopfieldModel;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import io.dismc.theory.hopfield.AgsTheory;
import io.dismc.theory.hopfield.RfhmLearningTheory;
import io.dismc.theory.hopfield.RfhmVariant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The theory columns of results.csv (docs/models.md 1.4) are the solvers' values at the load and feature
 * density actually simulated (P/N, D/N), bit for bit, and NaN where the theory does not describe the run.
 */
class TheoryColumnsTest {

    private static List<UnitResult> run(Experiment<?> e, Map<String, String> options) {
        try (CpuBackend cpu = new CpuBackend(2)) {
            return Sweep.of(e, options, 2, 11).run(cpu);
        }
    }

    /** m_theory is the AGS overlap at (P/N, T): the retrieval branch below alpha_M(T), 0 above it. */
    @Test
    void hopfieldTheoryColumnIsTheAgsOverlapAtTheSimulatedLoad() {
        List<UnitResult> r = run(new HopfieldExperiment(), Map.of("n", "150", "alpha", "0.05,0.12,0.15", "temperature", "0,0.3"));
        Set<Double> seen = new HashSet<>();
        for (UnitResult u : r) {
            Point pt = u.unit().point();
            double alpha = Math.round(pt.real("alpha") * 150) / 150.0; // P = round(alpha N)
            double t = pt.real("temperature");
            double expected = AgsTheory.overlap(alpha, t);
            assertEquals(expected, u.observables().get("m_theory"), 0.0, "alpha = " + alpha + ", T = " + t);
            seen.add(expected);
        }
        // retrieval at (0.053, 0), (0.12, 0), (0.053, 0.3); none at 0.153 > alpha_c and at 0.12 > alpha_M(0.3) = 0.103
        assertTrue(seen.contains(0.0), "0 where there is no retrieval solution");
        assertEquals(4, seen.size(), "three retrieval overlaps and 0: " + seen);
    }

    /**
     * m_feature_theory is the consistent RS m_feature at (P/N, D/N), with D made odd for binary latents (so
     * D/N = 11/200, not 0.05); NaN at T &gt; 0, for Gaussian features and for sparse latents.
     */
    @Test
    void rfhmTheoryColumnIsTheLearningBranchAtTheSimulatedDensity() {
        RfhmLearningTheory theory = new RfhmLearningTheory(RfhmVariant.CONSISTENT);
        List<UnitResult> r = run(new RfhmExperiment(), Map.of("n", "200", "alpha", "0.3,1.2", "alpha-d", "0.05",
                "latents", "binary,gaussian"));
        int learned = 0;
        for (UnitResult u : r) {
            Point pt = u.unit().point();
            LatentKind latents = pt.get(RfhmExperiment.LATENTS);
            int d = RandomFeaturesHopfieldModel.featureCount(200, 0.05, latents);
            assertEquals(latents == LatentKind.BINARY ? 11 : 10, d);
            double alpha = Math.round(pt.real("alpha") * 200) / 200.0;
            double expected = theory.featureOverlap(alpha, d / 200.0);
            assertEquals(expected, u.observables().get("m_feature_theory"), 0.0, "alpha = " + alpha + ", D = " + d);
            if (expected > 0.9) {
                learned++;
            }
        }
        assertEquals(4, learned, "alpha = 1.2 is above alpha_L(0.05) = 0.80 for both D (2 samples each)");
        for (Map<String, String> off : List.of(Map.of("temperature", "0.1"), Map.of("features", "gaussian"), Map.of("latents", "sparse"))) {
            Map<String, String> o = new java.util.HashMap<>(Map.of("n", "150", "alpha", "1.2", "alpha-d", "0.05"));
            o.putAll(off);
            for (UnitResult u : run(new RfhmExperiment(), o)) {
                assertTrue(Double.isNaN(u.observables().get("m_feature_theory")), off + ": the RS theory does not apply");
            }
        }
    }
}
