package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sanity limits of the Random-Features Hopfield Model (docs/models.md 1.2.8). */
class RfhmPhysicsTest {

    /**
     * alpha_D = 5 with Gaussian latents: patterns are nearly independent and storage follows the
     * standard retrieval curve. Tolerance: 3 combined standard errors plus 0.03 at every alpha.
     */
    @Test
    void manyFeaturesReproduceTheStandardRetrievalCurve() {
        String alphas = "0.05,0.1,0.14,0.2";
        int samples = 12;
        Sweep rf = Sweep.of(new RfhmExperiment(), Map.of("n", "1000", "alpha", alphas, "alpha-d", "5"), samples, 11);
        Sweep std = Sweep.of(new HopfieldExperiment(), Map.of("n", "1000", "alpha", alphas), samples, 12);
        List<PointSummary> a;
        List<PointSummary> b;
        try (CpuBackend cpu = new CpuBackend(2)) {
            a = rf.summarize(rf.run(cpu));
            b = std.summarize(std.run(cpu));
        }
        for (int k = 0; k < a.size(); k++) {
            Stat x = a.get(k).stats().get("m_pattern");
            Stat y = b.get(k).stats().get("m");
            double tol = 3 * Math.hypot(x.stderr(), y.stderr()) + 0.03;
            assertEquals(y.mean(), x.mean(), tol, "alpha = " + a.get(k).point().real("alpha"));
        }
        assertTrue(a.get(0).stats().get("m_pattern").mean() > 0.95, "retrieval at alpha = 0.05");
        assertTrue(a.get(a.size() - 1).stats().get("m_pattern").mean() < 0.6, "no retrieval at alpha = 0.2");
    }

    /** alpha_D = 0.02, alpha = 0.5, binary features, Gaussian latents: a feature is an attractor. */
    @Test
    void featuresAreKeptInTheLearningPhase() {
        Sweep s = Sweep.of(new RfhmExperiment(), Map.of("n", "1000", "alpha", "0.5", "alpha-d", "0.02",
                "features", "binary", "latents", "gaussian"), 4, 3);
        List<UnitResult> results;
        try (CpuBackend cpu = new CpuBackend(2)) {
            results = s.run(cpu);
        }
        double mean = results.stream().mapToDouble(r -> r.observables().get("m_feature")).average().orElseThrow();
        assertTrue(mean > 0.9, "mean feature overlap " + mean);
        // and the same network does not keep its patterns: the phase is learning, not storage
        double pattern = results.stream().mapToDouble(r -> r.observables().get("m_pattern")).average().orElseThrow();
        assertTrue(pattern < 0.9, "mean pattern overlap " + pattern);
    }

    /** With few features and no learning yet (alpha small), features are not attractors. */
    @Test
    void featuresAreNotAttractorsBeforeTheLearningTransition() {
        Sweep s = Sweep.of(new RfhmExperiment(), Map.of("n", "1000", "alpha", "0.02", "alpha-d", "0.5"), 4, 5);
        try (CpuBackend cpu = new CpuBackend(2)) {
            double mean = s.run(cpu).stream().mapToDouble(r -> r.observables().get("m_feature")).average().orElseThrow();
            assertTrue(mean < 0.5, "mean feature overlap " + mean);
        }
    }
}
