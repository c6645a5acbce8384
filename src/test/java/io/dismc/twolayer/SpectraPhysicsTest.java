package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.SpectraExperiment;
import io.dismc.experiment.PointSummary;
import io.dismc.run.Sweep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GD on a single-index erf teacher (N = 32, P = 128) at widths K = 32 and 512, eta = 1, 200 steps, in the
 * NTK and muP parameterizations (docs/models.md 3.8). In muP the features move at every width: the training
 * loss at a given learning rate does not depend on the width (learning-rate transfer) and the top
 * singular value of W separates from the bulk as the hidden weights align with the teacher. In NTK
 * the weights stay near their random start: the top singular value stays at the bulk edge.
 */
class SpectraPhysicsTest {
    static Map<String, PointSummary> points = new java.util.HashMap<>();

    @BeforeAll
    static void train() {
        Sweep s = Sweep.of(new SpectraExperiment(), Map.of("k", "32,512", "parameterization", "ntk,mup", "eta", "1"), 2, 5);
        List<PointSummary> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.summarize(s.run(cpu));
        }
        for (PointSummary p : r) {
            points.put(p.point().choice("parameterization") + p.point().integer("k"), p);
        }
    }

    static double mean(String point, String observable) {
        return points.get(point).stats().get(observable).mean();
    }

    @Test
    void muPLossAtAGivenLearningRateDoesNotDependOnWidth() {
        double narrow = mean("mup32", "train_loss");
        double wide = mean("mup512", "train_loss");
        assertEquals(narrow, wide, 0.25 * narrow, "muP training loss at eta = 1, K = 32 vs 512");
    }

    @Test
    void muPGrowsASpectralOutlierAndNtkDoesNot() {
        for (String k : List.of("32", "512")) {
            double mup = mean("mup" + k, "top_singular") / mean("mup" + k, "bulk_edge");
            double ntk = mean("ntk" + k, "top_singular") / mean("ntk" + k, "bulk_edge");
            assertTrue(mup > 2, "muP K = " + k + ": top singular value / bulk edge = " + mup);
            assertTrue(ntk < 1.3, "NTK K = " + k + ": top singular value / bulk edge = " + ntk);
        }
    }
}
