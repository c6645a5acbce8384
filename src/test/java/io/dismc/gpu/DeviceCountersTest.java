package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dismc.testing.Dismc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU design, read off the counters the CUDA backend keeps (the same on the emulating driver and a
 * GPU): an RFHM sweep launch relaxes the replicas of every sample of a point at once (8 samples x 2
 * replicas), and per unit only starting choices and observables cross the bus, never the N x D
 * features, the N x P patterns or the N x N couplings; results equal the CPU's value for value.
 */
@Tag("gpu")
@Tag("emulated")
class DeviceCountersTest {
    static final String RFHM = "rfhm --n 200 --alpha 0.05,0.2 --alpha-d 0.02,0.2 --samples 8 --quiet --no-plot";

    static JsonNode counters(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("device_counters");
    }

    static void run(String args, String backend, Path out) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(Arrays.asList(args.split(" ")));
        a.addAll(List.of("--backend", backend, "--out", out.toString()));
        Dismc.Outcome o = Dismc.run(a.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
    }

    @ParameterizedTest(name = "--form {0}")
    @ValueSource(strings = {"auto", "j"})
    void rfhmBatchesEverySampleOfAPointIntoOneLaunchAndMovesOnlyObservables(String form, @TempDir Path tmp) throws IOException {
        Gpu.backend();
        run(RFHM + " --form " + form, "cuda", tmp.resolve("gpu"));
        run(RFHM + " --form " + form, "cpu", tmp.resolve("cpu"));
        assertEquals(Files.readString(tmp.resolve("cpu/results.csv")), Files.readString(tmp.resolve("gpu/results.csv")));
        JsonNode c = counters(tmp.resolve("gpu"));
        assertEquals(32, c.get("units").asLong());
        assertTrue(c.get("sweep_launch_replicas_mean").asDouble() >= 16, c.toString());
        double perUnit = (c.get("bytes_host_to_device").asDouble() + c.get("bytes_device_to_host").asDouble()) / 32;
        // 2 starts, 2 overlaps, 2 sets of sweep statistics and stream ids: far below one N x P pattern matrix
        assertTrue(perUnit < 16 * 1024 + 8 * 200, "bytes per unit " + perUnit + ": " + c);
        assertTrue(perUnit < 200 * 0.05 * 200, "less than the smallest pattern matrix (N x P = 2000 bytes): " + perUnit);
        for (String key : io.dismc.backend.DeviceCounters.KEYS) {
            assertTrue(c.has(key), key);
        }
    }
}
