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
 * The mean-field Bayesian network of the adaptive-kernel paper (docs/models.md 3.7), sampled by Langevin at
 * N = 16, K = 128, P = 64 on a single-index erf teacher. Two limits with known answers:
 * gamma0 -&gt; 0 is the NNGP (lazy kernel) regression with ridge 1/beta; at gamma0 = 1 the posterior mean is
 * the kernel machine of the sampled, adapted kernel, which learns the teacher's direction and beats the
 * lazy kernel. Tolerances: the network's posterior mean carries a Monte Carlo error that the experiment
 * measures from its two chains (network_mc_error), and the width K = 128 leaves O(1/K) corrections.
 */
class BayesKernelPhysicsTest {
    static Map<String, Double> lazy;
    static Map<String, Double> rich;

    @BeforeAll
    static void sample() {
        Sweep s = Sweep.of(new BayesKernelExperiment(), Map.of("k", "128", "gamma", "0.05,1", "burn-in", "2000", "draws", "50",
                "test-size", "300"), 1, 11);
        List<UnitResult> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.run(cpu);
        }
        lazy = r.get(0).observables();
        rich = r.get(1).observables();
    }

    @Test
    void smallGammaIsTheLazyKernelMachine() {
        double kernelLoss = lazy.get("test_loss_lazy");
        // 100 draws of a width-128 kernel leave a relative (Frobenius) sampling deviation near 0.1 from the NNGP kernel
        assertTrue(lazy.get("kernel_change") < 0.2, "the sampled kernel stays the NNGP kernel: " + lazy);
        assertEquals(kernelLoss, lazy.get("test_loss_adapted"), 0.2 * kernelLoss, "and predicts as well: " + lazy);
        assertTrue(lazy.get("distance_lazy") < 3 * lazy.get("network_mc_error"),
                "the network's posterior mean is the NNGP predictor within its Monte Carlo error: " + lazy);
    }

    @Test
    void gammaOneIsTheAdaptedKernelMachineAndLearnsFeatures() {
        assertTrue(rich.get("kernel_change") > 3 * lazy.get("kernel_change"), "the kernel adapts: " + rich + " vs " + lazy);
        assertTrue(rich.get("distance_adapted") < 0.1 * rich.get("distance_lazy"),
                "the network is the adapted kernel machine, not the lazy one: " + rich);
        assertEquals(rich.get("test_loss_network"), rich.get("test_loss_adapted"), 0.15 * rich.get("test_loss_network"), rich.toString());
        assertTrue(rich.get("test_loss_network") < 0.5 * rich.get("test_loss_lazy"),
                "feature learning beats the lazy kernel on a single-index teacher: " + rich);
    }
}
