package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * amp.md 6.5-6.6: Bayes-optimal AMP for compressed sensing at N = 2000 (alpha = 0.5, rho = 0.2,
 * Delta = 1e-4, 10 instances, 60 iterations) follows state evolution iteration by iteration, its own
 * variance predicts its error (Nishimori), and R - x0 is Gaussian noise of variance Sigma only with the
 * Onsager term. One run serves all checks.
 */
class AmpVersusStateEvolutionTest {
    private static final int INSTANCES = 10;
    private static final int T = 60;
    private static AmpProblem problem;
    private static List<AmpResult> runs;
    private static SeTrajectory se;

    @BeforeAll
    static void run() {
        problem = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-4), 2000, 0.5);
        AmpSettings settings = AmpSettings.bayesOptimal(problem).withMaxIterations(T).withTolerance(0);
        runs = AmpFixtures.run(problem, settings, AmpFixtures.streams("amp-vs-se", 0, INSTANCES));
        se = StateEvolution.bayesOptimal(problem.signal(), problem.channel(), 0.5).run(problem.signal().priorVariance(), T, 0);
    }

    private static double meanOver(java.util.function.ToDoubleFunction<AmpResult> f) {
        return runs.stream().mapToDouble(f).average().orElseThrow();
    }

    @Test
    void everyInstanceRanTheFullIterations() {
        for (AmpResult r : runs) {
            assertEquals(T, r.iterations());
            assertEquals(StopReason.MAX_ITERATIONS, r.stop());
        }
    }

    @Test
    void meanErrorFollowsStateEvolution() {
        for (int t = 1; t <= 3; t++) {
            int at = t;
            double mean = meanOver(r -> r.trace().mse()[at]);
            assertEquals(se.mse(t), mean, 0.10 * se.mse(t), "mean MSE_" + t + " against SE (amp.md: within 10%, measured <= 5%)");
        }
        // per instance at t = 1, normalised by the realised signal energy mean(x0^2)/rho
        for (AmpResult r : runs) {
            double normalised = r.trace().mse()[1] / (r.trace().signalPower() / 0.2);
            assertEquals(se.mse(1), normalised, 0.15 * se.mse(1), "instance " + r.instance() + ": MSE_1/(mean(x0^2)/rho)");
        }
    }

    @Test
    void fixedPointMatchesStateEvolution() {
        double fixed = se.fixedPoint();
        assertEquals(9.05e-5, fixed, 1e-7, "SE fixed point (amp.md 5a: 9.0516e-5)");
        assertEquals(fixed, meanOver(AmpResult::finalMse), 0.15 * fixed, "mean final MSE within 15% (measured 0.6-2%)");
        for (AmpResult r : runs) {
            double ratio = r.finalMse() / fixed;
            assertTrue(ratio > 0.5 && ratio < 2, "instance " + r.instance() + ": final MSE / SE = " + ratio);
        }
    }

    @Test
    void varianceEstimatesTheError() {
        for (int t = 1; t <= T; t++) {
            int at = t;
            for (AmpResult r : runs) {
                double ratio = r.trace().meanVariance()[t] / r.trace().mse()[t];
                assertTrue(ratio >= 0.6 && ratio <= 1.5, "instance " + r.instance() + ", t=" + t + ": mean(v)/MSE = " + ratio);
            }
            double mean = meanOver(r -> r.trace().meanVariance()[at] / r.trace().mse()[at]);
            assertEquals(1, mean, 0.12, "t=" + t + ": mean over instances of mean(v)/MSE");
        }
    }

    @Test
    void onsagerTermMakesTheNoiseGaussianWithVarianceSigma() {
        for (int t = 1; t <= 6; t++) {
            int at = t;
            double ratio = meanOver(r -> r.trace().onsagerRatio()[at]);
            assertTrue(ratio >= 0.9 && ratio <= 1.15, "t=" + t + ": var(R - x0)/Sigma = " + ratio);
            double kurtosis = meanOver(r -> r.trace().kurtosis()[at]);
            assertEquals(1, kurtosis, 0.05, "t=" + t + ": kurtosis(R - x0)/3");
        }
    }

    @Test
    void withoutOnsagerTheNoiseIsNotSigma() {
        AmpSettings off = AmpSettings.bayesOptimal(problem).withMaxIterations(3).withTolerance(0).withOnsager(false);
        List<AmpResult> bare = AmpFixtures.run(problem, off, AmpFixtures.streams("amp-vs-se", 0, 3));
        // the first iteration has no Onsager term anyway; by t = 3 the ratio is far outside [0.9, 1.15]
        double first = bare.stream().mapToDouble(r -> r.trace().onsagerRatio()[1]).average().orElseThrow();
        double third = bare.stream().mapToDouble(r -> r.trace().onsagerRatio()[3]).average().orElseThrow();
        assertTrue(first >= 0.9 && first <= 1.15, "t=1 is unaffected: " + first);
        assertTrue(third > 3, "t=3 without Onsager: var(R - x0)/Sigma = " + third + " (amp.md: 5.2)");
        // and the same instances with the term are bit-identical at t = 1
        assertEquals(runs.get(0).trace().mse()[1], bare.get(0).trace().mse()[1], 0);
    }
}
