package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** amp.md 6.9-6.10: GAMP for the teacher-student perceptron at N = 2000 against state evolution. */
class PerceptronGampTest {
    private static List<AmpResult> run(Prior teacher, double alpha, int iterations) {
        return run(teacher, alpha, iterations, false);
    }

    private static List<AmpResult> run(Prior teacher, double alpha, int iterations, boolean stopOnFit) {
        AmpProblem p = AmpProblem.of(teacher, SignChannel.INSTANCE, 2000, alpha);
        AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(iterations).withTolerance(1e-10).withStopOnFittedLabels(stopOnFit);
        return AmpFixtures.run(p, s, AmpFixtures.streams("perceptron-" + teacher.name() + "-" + alpha, 0, 5));
    }

    private static SeTrajectory se(Prior teacher, double alpha) {
        return StateEvolution.bayesOptimal(teacher, SignChannel.INSTANCE, alpha).uninformed(2000, 1e-13);
    }

    private static double meanEps(List<AmpResult> runs) {
        return runs.stream().mapToDouble(r -> r.trace().generalizationError(r.iterations())).average().orElseThrow();
    }

    @Test
    void sphericalTeacher() {
        SeTrajectory theory = se(GaussianPrior.standard(), 2);
        double epsSe = theory.generalizationError(theory.iterations());
        double qSe = theory.overlap(theory.iterations());
        assertEquals(0.17453, epsSe, 1e-5);
        List<AmpResult> runs = run(GaussianPrior.standard(), 2, 200);
        double m = runs.stream().mapToDouble(r -> r.trace().overlap()[r.iterations()]).average().orElseThrow();
        assertEquals(epsSe, meanEps(runs), 0.01, "mean eps_g at alpha = 2");
        assertEquals(qSe, m, 0.025, "mean overlap m at alpha = 2");
        for (AmpResult r : runs) {
            assertTrue(r.converged(), "instance " + r.instance() + " stopped by " + r.stop());
        }
    }

    @Test
    void binaryTeacher() {
        SeTrajectory theory = se(BinaryPrior.INSTANCE, 1.0);
        List<AmpResult> poor = run(BinaryPrior.INSTANCE, 1.0, 200);
        assertEquals(theory.generalizationError(theory.iterations()), meanEps(poor), 0.012, "mean eps_g at alpha = 1 (SE 0.23063)");
        // above alpha_alg = 1.4926: perfect learning within 30 iterations, stopped by the rules of pitfall P6
        // (mean(v) < 1e-10, or sign(F a) reproducing every label)
        List<AmpResult> perfect = run(BinaryPrior.INSTANCE, 2.0, 30, true);
        for (AmpResult r : perfect) {
            double m = r.trace().overlap()[r.iterations()];
            assertTrue(m > 0.999, "instance " + r.instance() + ": m = " + m);
            assertTrue(r.stop() == StopReason.VARIANCE_FLOOR || r.stop() == StopReason.LABELS_FITTED, r.stop().toString());
            assertEquals(-1, r.divergedAt());
        }
    }
}
