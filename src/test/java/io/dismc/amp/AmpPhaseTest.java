package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * amp.md 6.7-6.8: the algorithmic transition of CS at N = 2000 (rho = 0.2, Delta = 1e-8, alpha_BP = 0.3554,
 * smeared by about +-0.03 at this N: tested outside that band) and the hard phase, where an informed start
 * finds the signal that the uninformed one misses.
 */
class AmpPhaseTest {
    private static final double RHO = 0.2;
    private static final double DELTA = 1e-8;

    private static List<AmpResult> run(double alpha, Start start, int instances) {
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(RHO), new GaussianNoiseChannel(DELTA), 2000, alpha);
        AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(500).withStart(start);
        return AmpFixtures.run(p, s, AmpFixtures.streams("amp-phase-" + alpha, 0, instances));
    }

    private static long successes(List<AmpResult> runs) {
        return runs.stream().filter(r -> r.finalMse() < 1e-4).count();
    }

    @Test
    void thresholdLocation() {
        double bp = Thresholds.compressedSensingBp(RHO, DELTA).getAsDouble();
        assertTrue(0.30 < bp - 0.03 && 0.40 > bp + 0.03, "the tested alphas lie outside alpha_BP +- 0.03");
        List<AmpResult> below = run(0.30, Start.uninformed(), 10);
        List<AmpResult> above = run(0.40, Start.uninformed(), 10);
        assertTrue(successes(below) <= 1, "alpha = 0.30: " + successes(below) + "/10 reached MSE < 1e-4");
        assertTrue(successes(above) >= 9, "alpha = 0.40: " + successes(above) + "/10 reached MSE < 1e-4");
        // success is what the settings call success (MSE below 1e-4 by default)
        for (AmpResult r : above) {
            assertTrue(r.success() == (r.finalMse() < 1e-4));
        }
    }

    @Test
    void hardPhaseInformedStart() {
        List<AmpResult> uninformed = run(0.30, Start.uninformed(), 3);
        List<AmpResult> informed = run(0.30, Start.informed(1e-3, 1e-6), 3);
        for (AmpResult r : uninformed) {
            assertTrue(r.finalMse() >= 0.04 && r.finalMse() <= 0.15, "uninformed: " + r.finalMse() + " (SE 8.39e-2)");
        }
        for (AmpResult r : informed) {
            assertTrue(r.trace().mse()[0] < 2e-6, "the informed start begins at about 1e-6");
            assertTrue(r.finalMse() < 1e-6, "informed: " + r.finalMse() + " (SE 2.04e-8)");
        }
    }
}
