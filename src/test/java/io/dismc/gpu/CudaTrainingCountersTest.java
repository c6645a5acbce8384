package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dismc.testing.Dismc;
import io.dismc.twolayer.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a two-layer training run costs the CUDA backend, from run.json's device_counters (counted by the
 * backend, so the same on the emulating driver as on a GPU): with the state resident on the device,
 * allocations do not grow with the steps, the host waits at most once per step, and the bytes moved
 * are one copy of the problem plus the recorded times, not a multiple of the steps.
 */
@Tag("gpu")
@Tag("emulated")
class CudaTrainingCountersTest {
    static final int N = 50;
    static final int K = 2; // teacher-student's default
    static final int P = N * K; // alpha = 1
    static final int UNITS = 2; // --samples 2, one alpha

    record Counters(long allocations, long synchronizations, long toDevice, long toHost, long units) {}

    static Counters run(int steps, Path out) throws IOException {
        Dismc.Outcome o = Dismc.run("run", "teacher-student", "--backend", "cuda", "--n", "" + N, "--alpha", "1", "--samples", "2",
                "--steps", "" + steps, "--out", out.toString(), "--quiet", "--no-plot", "--threads", "1");
        assertEquals(0, o.code(), o.err());
        JsonNode c = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("device_counters");
        return new Counters(c.get("allocations").asLong(), c.get("synchronizations").asLong(), c.get("bytes_host_to_device").asLong(),
                c.get("bytes_device_to_host").asLong(), c.get("units").asLong());
    }

    /** Recorded times of teacher-student's default grid (24 log-spaced points) at this many steps. */
    static int recorded(int steps) {
        return new TrainingSpec(3, 0, 0, 0, steps, 0, 24).timeGrid().length;
    }

    @Test
    void residentTrainingCostsDoNotGrowWithTheSteps(@TempDir Path tmp) throws IOException {
        Gpu.backend(); // skips without a usable device
        Counters a = run(400, tmp.resolve("400"));
        Counters b = run(800, tmp.resolve("800"));
        assertEquals(UNITS, a.units());
        assertEquals(UNITS, b.units());

        // the buffers come from the thread's pool (one host thread here, so the count does not depend on
        // which thread ran which unit): the same allocations for twice the steps, and the second unit
        // reuses the first one's buffers (a session holds 12)
        assertEquals(a.allocations(), b.allocations(), "allocations at 400 and 800 steps");
        assertTrue(a.allocations() <= 12, a.allocations() + " allocations for 2 units of 12 buffers each on one thread");

        // the host waits for one download per recorded time and one for the final weights: far below once per step
        for (Counters c : new Counters[] {a, b}) {
            int steps = c == a ? 400 : 800;
            assertTrue(c.synchronizations() <= (long) steps * c.units(), c.synchronizations() + " waits for " + steps + " steps x 2 units");
            assertTrue(c.synchronizations() <= (long) UNITS * (recorded(steps) + 1), c.synchronizations() + " waits");
        }

        // bytes per unit: once the problem (X and X^T, P x N doubles each, targets, start weights, stream
        // id), then per recorded time the packed losses and weights (8 + 4 dim bytes), and the final weights
        int dim = K * N;
        long problem = 2L * 8 * P * N + 8L * P + 4L * dim + 8;
        long snapshot = 8 + 4L * dim;
        for (Counters c : new Counters[] {a, b}) {
            int steps = c == a ? 400 : 800;
            long bound = problem + recorded(steps) * snapshot + 4L * dim;
            long perUnit = (c.toDevice() + c.toHost()) / c.units();
            assertTrue(perUnit <= bound, perUnit + " bytes per unit exceed one problem copy plus the recorded times, " + bound);
            // the host-array contract this replaced crossed the bus every step with the weights (as doubles
            // for the passes, as floats for the update, both ways), the data gradient, the float gradient,
            // the outputs and residuals (P each) and the stream id: 28 dim + 16 P + 8 bytes per step
            long perStepBefore = 28L * dim + 16L * P + 8;
            assertTrue(perUnit * 10 < perStepBefore * steps, perUnit + " bytes per unit against " + perStepBefore * steps
                    + " of per-step traffic");
        }
        // doubling the steps adds only the extra recorded times' snapshots
        long grown = (b.toDevice() + b.toHost()) - (a.toDevice() + a.toHost());
        assertEquals(UNITS * (recorded(800) - recorded(400)) * snapshot, grown, "bytes added by 400 more steps");
    }
}
