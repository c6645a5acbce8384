package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.run.Sweep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Standard Hopfield at T = 0 from a stored pattern, N = 2000 (docs/models.md 1.1.6): retrieval at alpha = 0.08,
 * collapse by 0.2, and the alpha where half the samples keep m &gt; 0.9 in [0.12, 0.18] (finite-size
 * retrieval reaches past alpha_c = 0.138 at this N).
 */
class HopfieldRetrievalTest {

    @Test
    void retrievalCurveAtN2000() {
        Sweep sweep = Sweep.of(new HopfieldExperiment(), Map.of("n", "2000", "alpha", "0.08:0.2:0.01"), 24, 2026);
        List<PointSummary> s;
        try (CpuBackend cpu = new CpuBackend(2)) {
            s = sweep.summarize(sweep.run(cpu));
        }
        double mLow = s.get(0).stats().get("m").mean();
        double mHigh = s.get(s.size() - 1).stats().get("m").mean();
        assertTrue(mLow > 0.95, "mean overlap at alpha = 0.08 is " + mLow);
        assertTrue(mHigh < 0.6, "mean overlap at alpha = 0.2 is " + mHigh);
        double half = halfRetrievalAlpha(s);
        assertTrue(half >= 0.12 && half <= 0.18, "half of the samples retrieve up to alpha = " + half);
    }

    /** Where the retrieved fraction first crosses 1/2, linearly interpolated between grid points. */
    static double halfRetrievalAlpha(List<PointSummary> s) {
        for (int k = 1; k < s.size(); k++) {
            double f0 = s.get(k - 1).stats().get("retrieved").mean();
            double f1 = s.get(k).stats().get("retrieved").mean();
            if (f0 >= 0.5 && f1 < 0.5) {
                double a0 = s.get(k - 1).point().real("alpha");
                double a1 = s.get(k).point().real("alpha");
                return a0 + (a1 - a0) * (f0 - 0.5) / (f0 - f1);
            }
        }
        return Double.NaN;
    }
}
