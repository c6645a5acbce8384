package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The narrow teacher-student runs of {@code teacher-student} (docs/models.md 3.5), erf, K = K* = 2, N = 20,
 * noiseless realizable regression, full-batch GD stopped on the gradient norm.
 * <ul>
 *   <li>The counting argument: at alpha = P/(K N) = 4 there are more equations than unknowns, so a student
 *       whose training loss goes to 0 is the teacher (up to a permutation of its units): each run that
 *       stopped with a vanishing training loss has a vanishing test error and is specialized. Below the
 *       bound (alpha = 0.5) the runs interpolate as well but keep a finite error, above the
 *       symmetric-plateau level.</li>
 *   <li>{@code plateau_error} is the closed form 1/6 - (K/pi) arcsin(1/(2K)) = 0.0058054 at K = 2 (spec value).</li>
 *   <li>Langevin: the number of posterior draws follows burn-in and thinning, and the error of the
 *       posterior-mean predictor is at most the posterior mean of the error (the squared error is convex).</li>
 * </ul>
 */
class CountingArgumentTest {

    @Test
    void interpolationAboveTheCountingBoundIsGeneralization() {
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("n", "20", "k", "2", "alpha", "0.5,4", "steps", "20000",
                "test-size", "500"), 4, 3);
        List<UnitResult> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.run(cpu);
        }
        int generalized = 0;
        for (UnitResult u : r) {
            Map<String, Double> o = u.observables();
            assertEquals(0.0058054, o.get("plateau_error"), 1e-7, "plateau error at K = 2");
            double train = o.get("train_loss");
            double population = o.get("test_error_population");
            if (u.unit().point().real("alpha") < 1) {
                assertTrue(train < 1e-4, "alpha = 0.5 interpolates: training loss " + train);
                assertTrue(population > 2 * o.get("plateau_error"), "alpha = 0.5 does not generalize: error " + population);
            } else if (train < 1e-8) {
                assertTrue(population < 1e-6, "alpha = 4, training loss " + train + ": error " + population);
                assertTrue(o.get("specialization") > 0.5, "alpha = 4: specialization " + o.get("specialization"));
                generalized++;
            }
        }
        assertTrue(generalized >= 3, "alpha = 4: " + generalized + " of 4 runs reached zero training loss");
    }

    @Test
    void langevinAveragesOverItsPosteriorDraws() {
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("n", "20", "k", "2", "alpha", "2", "protocol", "langevin",
                "temperature", "1e-3", "steps", "3000", "burn-in", "1000", "thin", "100", "test-size", "500"), 2, 4);
        List<UnitResult> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.run(cpu);
        }
        for (UnitResult u : r) {
            Map<String, Double> o = u.observables();
            assertEquals(20.0, o.get("draws"), "(3000 - 1000) / 100 draws");
            assertTrue(o.get("test_error_posterior_mean") <= o.get("test_error") * (1 + 1e-9),
                    "error of the mean predictor " + o.get("test_error_posterior_mean") + " <= mean error " + o.get("test_error"));
            assertTrue(o.get("test_error_posterior_mean") < 0.99 * o.get("test_error"), "the draws differ at T = 1e-3");
        }
    }
}
