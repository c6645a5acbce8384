package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dismc.Main;
import io.dismc.backend.CudaProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `./dismc bench --backend cuda` at smoke sizes: every launch of the GPU benchmark runs end to end and
 * the table is printed, so a device session is not spent on a benchmark that cannot start.
 */
@Tag("gpu")
@Tag("emulated")
class CudaBenchSmokeTest {

    @Test
    void gpuBenchmarkRunsEveryLaunch() {
        CudaProbe.Verdict v = CudaProbe.verdict();
        assumeTrue(v.usable(), "no usable CUDA device: " + v.reason());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("dismc.bench.smoke", "true");
        try {
            int code = Main.run(new String[] {"bench", "--backend", "cuda", "--quick", "--threads", "1"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            for (String row : new String[] {"philox_words", "philox_gaussians", "hebbian_popcount", "sign_projection", "updates/s",
                    "langevin_step", "AMP products", "AMP batched instances"}) {
                assertTrue(text.contains(row), row + " missing from:\n" + text);
            }
        } finally {
            System.clearProperty("dismc.bench.smoke");
        }
    }
}
