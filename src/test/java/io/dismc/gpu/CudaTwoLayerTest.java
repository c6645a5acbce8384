package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One Langevin training run of a two-layer network on CUDA against the Java backend (float tolerance). */
@Tag("gpu")
class CudaTwoLayerTest {

    @Test
    void langevinTrainingMatchesTheCpu() {
        CudaBackend gpu = Gpu.backend();
        Sweep s = Sweep.of(new TeacherStudentExperiment(), Map.of("n", "50", "k", "3", "alpha", "2", "steps", "300",
                "temperature", "0.0001", "lambda", "0.01", "time-points", "5"), 2, 12);
        try (CpuBackend cpu = new CpuBackend(2)) {
            List<UnitResult> a = s.run(cpu);
            List<UnitResult> b = s.run(gpu);
            for (int u = 0; u < a.size(); u++) {
                for (String o : List.of("train_loss", "test_error", "test_error_theory", "specialization")) {
                    double x = a.get(u).observables().get(o);
                    double y = b.get(u).observables().get(o);
                    assertEquals(x, y, 1e-3 * Math.max(1, Math.abs(x)), "unit " + u + " " + o);
                }
            }
        }
    }
}
