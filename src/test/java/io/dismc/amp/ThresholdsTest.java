package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** amp.md 6.3-6.4: the transition lines, by the fixed-point-curve and free-entropy methods. */
class ThresholdsTest {
    @Test
    void compressedSensingSpinodal() {
        assertEquals(0.20756, Thresholds.compressedSensingBp(0.1, 1e-8).getAsDouble(), 1e-4);
        assertEquals(0.35541, Thresholds.compressedSensingBp(0.2, 1e-8).getAsDouble(), 1e-4);
        assertEquals(0.48021, Thresholds.compressedSensingBp(0.3, 1e-8).getAsDouble(), 1e-4);
        FixedPointCurve.Point p = Thresholds.algorithmic(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-8)).orElseThrow();
        assertEquals(0.0719, p.sigma(), 1e-4, "Sigma* at the spinodal");
        assertEquals(0.0256, p.mse(), 1e-4, "E* at the spinodal");
    }

    @Test
    void spinodalAgainstNoise() {
        assertEquals(0.35543, Thresholds.compressedSensingBp(0.2, 1e-6).getAsDouble(), 1e-5);
        assertEquals(0.35555, Thresholds.compressedSensingBp(0.2, 1e-5).getAsDouble(), 1e-5);
        assertEquals(0.35682, Thresholds.compressedSensingBp(0.2, 1e-4).getAsDouble(), 1e-5);
        assertFalse(Thresholds.compressedSensingBp(0.2, 1e-3).isPresent(), "no jump at Delta = 1e-3");
    }

    @Test
    void spinodalMatchesTheAuthorsLineBp() {
        // BPCS_common:data/line_BP.mat (rho, alpha) pairs, amp.md 5a: our alpha_BP at those rho to +-1.5e-4
        double[][] line = {{0.04056, 0.1}, {0.09543, 0.2}, {0.1601, 0.3}, {0.23405, 0.4}, {0.31722, 0.5}, {0.41055, 0.6}, {0.5159, 0.7}};
        for (double[] p : line) {
            assertEquals(p[1], Thresholds.compressedSensingBp(p[0], 0).getAsDouble(), 1.5e-4, "rho=" + p[0]);
        }
    }

    @Test
    void directStateEvolutionLandsOnTheBranchTheCurvePredicts() {
        double bp = Thresholds.compressedSensingBp(0.2, 1e-8).getAsDouble();
        GaussBernoulliPrior prior = GaussBernoulliPrior.standard(0.2);
        GaussianNoiseChannel channel = new GaussianNoiseChannel(1e-8);
        SeTrajectory below = StateEvolution.bayesOptimal(prior, channel, bp - 0.005).uninformed(5000, 1e-12);
        SeTrajectory above = StateEvolution.bayesOptimal(prior, channel, bp + 0.005).uninformed(5000, 1e-12);
        assertTrue(below.fixedPoint() > 1e-2, "alpha_BP - 0.005 stays on the high branch: " + below.fixedPoint());
        assertTrue(above.fixedPoint() < 1e-6, "alpha_BP + 0.005 reaches the low branch: " + above.fixedPoint());
        // and the fixed point SE reached lies on the curve: alpha(1/Sigma*) = alpha
        FixedPointCurve curve = new FixedPointCurve(prior, channel);
        double sigma = below.sigma()[below.iterations() - 1];
        assertEquals(bp - 0.005, curve.alpha(1 / sigma), 1e-6);
    }

    @Test
    void l1Line() {
        Thresholds.L1Threshold r1 = Thresholds.l1(0.1);
        Thresholds.L1Threshold r2 = Thresholds.l1(0.2);
        assertEquals(0.32879, r1.alpha(), 1e-5);
        assertEquals(1.1402, r1.theta(), 1e-4);
        assertEquals(0.51113, r2.alpha(), 1e-5);
        assertEquals(0.8616, r2.theta(), 1e-4);
        // BPCS_common:data/line_L1.mat, five-digit (rho, alpha) pairs: rounding of both allows ~1.5e-5
        double[][] line = {{0.48708, 0.82187}, {0.28989, 0.63353}, {0.16160, 0.44843}, {0.08551, 0.29597}, {0.04330, 0.18399}};
        for (double[] p : line) {
            assertEquals(p[1], Thresholds.l1(p[0]).alpha(), 1.5e-5, "rho=" + p[0]);
        }
        // the DMM form: rho_DMM = rho/alpha at delta = alpha is the max over z of its ratio
        double delta = r1.alpha();
        double best = 0;
        for (double z = 0.01; z < 5; z += 1e-4) {
            double w = (1 + z * z) * io.dismc.theory.Gaussians.upperTail(z) - z * io.dismc.theory.Gaussians.density(z);
            best = Math.max(best, (1 - 2 / delta * w) / (1 + z * z - 2 * w));
        }
        assertEquals(0.1 / delta, best, 1e-6);
    }

    @Test
    void binaryPerceptronThresholds() {
        FixedPointCurve.Point alg = Thresholds.binaryPerceptronAlgorithmic();
        assertEquals(1.49263, alg.alpha(), 1e-4, "alpha_alg (amp.md: 1.4926 +- 1e-3)");
        assertEquals(0.89366, alg.overlap(), 1e-4, "q* at the spinodal");
        assertEquals(0.1057, alg.generalizationError(), 1e-4, "eps_g at the spinodal");
        Thresholds.ItThreshold it = Thresholds.binaryPerceptronIt();
        assertEquals(1.24468, it.alpha(), 1e-4, "alpha_IT (amp.md: 1.2447 +- 1e-3; Gyorgyi 1990: 1.245)");
        assertEquals(0.69376, it.poorBranch().overlap(), 1e-4, "poor-branch q at alpha_IT");
        assertEquals(0.18667, it.poorBranch().generalizationError(), 1e-4);
    }

    @Test
    void sphericalPerceptronHasNoTransition() {
        assertFalse(Thresholds.algorithmic(GaussianPrior.standard(), SignChannel.INSTANCE).isPresent());
    }
}
