package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.PointSummary;
import io.dismc.experiment.SpectraExperiment;
import io.dismc.run.Sweep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code spectra} experiment end to end (docs/models.md 6): a deep linear network (L = 3, D = 32,
 * P = 64) at widths N = 32 and 128, NTK and muP with base width 32, 60 GD steps at eta = 0.04 and the
 * width's learning-rate sweep eta_0 sqrt(2)^k. The sweep brackets eta* at every width; muP keeps eta* (within
 * one grid step) as the width grows, NTK moves it up; at N = 128 muP's first layer grows an outlier above
 * its Marchenko-Pastur edge sqrt(N/D) + 1 = 3 while NTK's stays at the edge (the core's own tests, in
 * io.dismc.deep, check each piece at its own sizes; this one checks the experiment's wiring and columns).
 */
class SpectraPhysicsTest {
    static final Map<String, PointSummary> POINTS = new HashMap<>();

    @BeforeAll
    static void train() {
        Sweep s = Sweep.of(new SpectraExperiment(), Map.of("k", "32,128", "parameterization", "ntk,mup", "eta", "0.04", "steps", "60",
                "time-points", "2", "test-size", "200"), 1, 5);
        List<PointSummary> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.summarize(s.run(cpu));
        }
        for (PointSummary p : r) {
            POINTS.put(p.point().choice("parameterization") + p.point().integer("k"), p);
        }
    }

    static double mean(String point, String observable) {
        return POINTS.get(point).stats().get(observable).mean();
    }

    @Test
    void theSweepBracketsEtaStarAndOnlyMuPKeepsItAcrossWidths() {
        for (String p : List.of("ntk32", "ntk128", "mup32", "mup128")) {
            assertEquals(1.0, mean(p, "bracketed"), p + ": eta* bracketed");
            assertTrue(mean(p, "eta_star") < mean(p, "divergence_eta"), p);
        }
        assertEquals(mean("ntk32", "eta_star"), mean("mup32", "eta_star"), 1e-12, "NTK = muP at the base width");
        double step = Math.sqrt(2) * 1.001;
        double mup = mean("mup128", "eta_star") / mean("mup32", "eta_star");
        double ntk = mean("ntk128", "eta_star") / mean("ntk32", "eta_star");
        assertTrue(mup <= step && mup >= 1 / step, "muP eta*(128)/eta*(32) = " + mup);
        assertTrue(ntk > step, "NTK eta*(128)/eta*(32) = " + ntk);
        assertTrue(mean("ntk128", "divergence_eta") > mean("mup128", "divergence_eta"), "NTK diverges later at N = 128");
    }

    @Test
    void muPGrowsAnOutlierPastTheMarchenkoPasturEdgeAndNtkStaysAtIt() {
        assertEquals(3.0, mean("mup128", "bulk_edge_l1"), 1e-12, "MP edge sqrt(128/32) + 1");
        double mup = mean("mup128", "top_singular_l1") / mean("mup128", "bulk_edge_l1");
        double ntk = mean("ntk128", "top_singular_l1") / mean("ntk128", "bulk_edge_l1");
        assertTrue(mup > 1.1, "muP N = 128: top singular value of W1 / MP edge = " + mup);
        assertTrue(ntk < 1.05 && ntk > 0.9, "NTK N = 128: top singular value of W1 / MP edge = " + ntk);
        assertTrue(mean("mup128", "outliers_l1") >= 1, "muP N = 128: outliers of W1");
    }
}
