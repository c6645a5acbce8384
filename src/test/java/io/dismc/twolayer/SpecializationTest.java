package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The specialization transition of a narrow erf student (K = K* = 2, N = 100) trained by GD
 * (docs/models.md 3.5): below alpha = P/(K N) = 1 the student interpolates without learning the teacher's
 * units (finite error, symmetric overlaps); at alpha = 4, trained long enough to leave the symmetric
 * plateau, each student unit aligns with one teacher unit (the index jumps) and the error drops to zero.
 * A run may still sit on the plateau at the end (the escape time varies from run to run), hence "at least 2
 * of 6" (all 6 specialize with these settings, seed 3).
 */
class SpecializationTest {

    @Test
    void studentsSpecializeAboveTheTransitionOnly() {
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("alpha", "0.5,4", "steps", "40000"), 6, 3);
        List<UnitResult> r;
        try (CpuBackend cpu = new CpuBackend(2)) {
            r = s.run(cpu);
        }
        int specialized = 0;
        for (UnitResult u : r) {
            double error = u.observables().get("test_error");
            double index = u.observables().get("specialization");
            if (u.unit().point().real("alpha") < 1) {
                assertTrue(error > 0.05 && index < 0.35, "alpha = 0.5: error " + error + ", specialization " + index);
            } else if (error < 1e-4) {
                assertTrue(index > 0.7, "a student that learned the teacher is specialized: index " + index);
                specialized++;
            }
        }
        assertTrue(specialized >= 2, "alpha = 4: " + specialized + " of 6 students learned the teacher");
    }
}
