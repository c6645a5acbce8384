package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.BayesKernelExperiment;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `bayes-kernel` (docs/models.md 3.7) at N = 16, P = 64 on its single-index relu teacher, relu network: the muP
 * network's posterior mean sampled by Langevin against the aNBK saddle-point predictor solved from its own equations
 * (not from the samples) and the NNGP. Checks: gamma0 -&gt; 0 the aNBK is the NNGP predictor; the network approaches the
 * aNBK as the width grows (K = 32 -&gt; 256, the finite-width correction is O(1/K)); at gamma0 = 0.5 the aNBK beats the
 * NNGP, and so does the wide network.
 */
class BayesKernelPhysicsTest {
    static Map<String, Double> lazy;
    static Map<String, Double> narrow;
    static Map<String, Double> wide;

    @BeforeAll
    static void sample() {
        Map<String, String> args = Map.of("k", "32,256", "gamma", "0.002,0.5", "ntk-network", "off", "burn-in", "600", "draws", "20",
                "test-size", "200", "anbk-samples", "8000");
        List<UnitResult> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = Sweep.of(new BayesKernelExperiment(), args, 1, 11).run(cpu);
        }
        lazy = at(r, 256, 0.002);
        narrow = at(r, 32, 0.5);
        wide = at(r, 256, 0.5);
    }

    static Map<String, Double> at(List<UnitResult> r, int k, double gamma) {
        for (UnitResult u : r) {
            Map<String, Object> v = u.unit().point().values();
            if (((Number) v.get("k")).intValue() == k && ((Number) v.get("gamma")).doubleValue() == gamma) {
                return u.observables();
            }
        }
        throw new AssertionError("no unit at k = " + k + ", gamma = " + gamma);
    }

    @Test
    void smallGammaIsTheNngp() {
        double nngp = lazy.get("test_loss_nngp");
        // the aNBK departs from the NNGP as gamma0^2 y^T (K + ridge)^-1 y: 2 10^-2 in test MSE at gamma0 = 0.02, so 2 10^-4 here
        assertEquals(nngp, lazy.get("test_loss_anbk"), 2e-3 * nngp, "aNBK at gamma0 = 0.002 is the NNGP: " + lazy);
        assertTrue(lazy.get("distance_nngp") < 3 * lazy.get("network_mc_error") + 0.02 * Math.sqrt(nngp),
                "and the network's posterior mean the NNGP predictor within its Monte Carlo error: " + lazy);
    }

    @Test
    void networkApproachesTheAnbkAsWidthGrows() {
        // measured (seed 11): kernel distance 0.254 -> 0.092, predictor distance 0.094 -> 0.077 (the aNBK's own Monte Carlo
        // error at S = 8000, anbk_drift 0.045, is most of the latter), distance from the NNGP 0.21
        assertTrue(wide.get("kernel_distance_anbk") < 0.6 * narrow.get("kernel_distance_anbk"),
                "the sampled kernel's distance from the aNBK kernel falls with K: K=32 " + narrow + ", K=256 " + wide);
        assertTrue(wide.get("distance_anbk") < narrow.get("distance_anbk"), "and the predictor's: " + narrow + " vs " + wide);
        assertTrue(wide.get("distance_anbk") < 0.5 * wide.get("distance_nngp"), "the wide network is the aNBK, not the NNGP: " + wide);
        assertTrue(wide.get("kernel_distance_anbk") < 0.2 * wide.get("kernel_change"),
                "its sampled kernel is the aNBK kernel, not the NNGP kernel: " + wide);
    }

    @Test
    void featureLearningBeatsTheNngpOnASingleIndexTask() {
        assertTrue(wide.get("test_loss_anbk") < 0.85 * wide.get("test_loss_nngp"), "aNBK beats the NNGP: " + wide);
        assertTrue(wide.get("test_loss_network") < 0.85 * wide.get("test_loss_nngp"), "and so does the wide network: " + wide);
    }
}
