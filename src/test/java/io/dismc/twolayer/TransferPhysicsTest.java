package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.TransferExperiment;
import io.dismc.experiment.PointSummary;
import io.dismc.run.Sweep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Transfer learning with an elastic coupling delta to pretrained weights (docs/models.md 3.6), at the
 * experiment's small defaults (N = 50, K = K* = 2, target alpha = 0.5, source alpha = 8), 4 samples: the
 * coupling helps when the source teacher is aligned with the target (rho = 0.9) and hurts when it is
 * orthogonal (rho = 0), against the same training from a random start.
 */
class TransferPhysicsTest {

    @Test
    void couplingHelpsAnAlignedSourceAndHurtsAnOrthogonalOne() {
        Sweep s = Sweep.of(new TransferExperiment(), Map.of("alignment", "0,0.9", "delta", "0.1"), 4, 8);
        List<PointSummary> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.summarize(s.run(cpu));
        }
        for (PointSummary p : r) {
            double target = p.stats().get("target_test_error").mean();
            double scratch = p.stats().get("scratch_test_error").mean();
            if (p.point().real("alignment") > 0.5) {
                assertTrue(target < 0.8 * scratch, "aligned source: transfer " + target + " vs scratch " + scratch);
            } else {
                assertTrue(target > 1.5 * scratch, "orthogonal source: transfer " + target + " vs scratch " + scratch);
            }
        }
    }
}
