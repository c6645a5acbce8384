package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** amp.md 6.11-6.12: l1-AMP on either side of the Donoho-Tanner line, and damping's invariance of the fixed point. */
class L1AndDampingTest {
    @Test
    void l1AmpRecoversAboveTheLineOnly() {
        Thresholds.L1Threshold line = Thresholds.l1(0.1); // alpha_l1 = 0.32879 at theta* = 1.1402
        for (double alpha : new double[] {0.40, 0.28}) {
            AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.1), new GaussianNoiseChannel(0), 2000, alpha);
            AmpSettings s = AmpSettings.of(new SoftThreshold(line.theta()), p.channel()).withMaxIterations(400).withTolerance(0)
                .withVarianceStop(0);
            List<AmpResult> runs = AmpFixtures.run(p, s, AmpFixtures.streams("l1-" + alpha, 0, 3));
            for (AmpResult r : runs) {
                assertEquals(-1, r.divergedAt());
                if (alpha > line.alpha()) {
                    assertTrue(r.finalMse() < 1e-10, "alpha = " + alpha + ": " + r.finalMse());
                } else {
                    assertTrue(r.finalMse() > 1e-3, "alpha = " + alpha + ": " + r.finalMse());
                }
            }
        }
    }

    @Test
    void dampingKeepsTheFixedPointAndSlowsTheApproach() {
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-8), 2000, 0.5);
        List<InstanceStreams> streams = AmpFixtures.streams("damping", 0, 2);
        List<AmpResult> plain = AmpFixtures.run(p, AmpSettings.bayesOptimal(p), streams);
        List<AmpResult> damped = AmpFixtures.run(p, AmpSettings.bayesOptimal(p).withDampingOld(0.5), streams);
        for (int b = 0; b < streams.size(); b++) {
            AmpResult u = plain.get(b);
            AmpResult d = damped.get(b);
            assertTrue(u.converged() && d.converged());
            assertEquals(u.finalMse(), d.finalMse(), 0.01 * u.finalMse(), "the same fixed point");
            assertEquals(0.5, d.trace().dampingOld());
            // judged over ~1/(1 - beta) iterations: the first time MSE < 1e-6 (measured 23 vs 45)
            double ratio = (double) firstBelow(d, 1e-6) / firstBelow(u, 1e-6);
            assertTrue(ratio > 1.5 && ratio < 3, "iterations to 1e-6, damped/undamped = " + ratio);
        }
    }

    private static int firstBelow(AmpResult r, double level) {
        for (int t = 0; t <= r.iterations(); t++) {
            if (r.trace().mse()[t] < level) {
                return t;
            }
        }
        throw new AssertionError("never below " + level);
    }
}
