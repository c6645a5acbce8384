package io.dismc.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kernels/philox.cuh (the CUDA kernels' generator and conversions) compiled as C on the host gives the
 * same words, spins and uniforms as RandomStream, and Gaussians within a few ulps (glibc's log/sin/cos
 * against Java's). Skipped where gcc is missing.
 */
class PhiloxHeaderTest {

    @Test
    void cudaHeaderMatchesTheJavaStream(@TempDir Path tmp) throws Exception {
        Path exe = tmp.resolve("philox_host_check");
        assumeTrue(run(List.of("gcc", "-O2", "-o", exe.toString(), "src/test/c/philox_host_check.c", "-lm"), tmp) == 0,
                "gcc not available");
        ProcessBuilder pb = new ProcessBuilder(exe.toString()).redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor());
        assertEquals(64, lines.size());
        RandomStream s = new RandomStream(0x0123456789abcdefL, 0xfedcba9876543210L);
        byte[] spin = new byte[1];
        for (String line : lines) {
            String[] f = line.split(" ");
            long j = Long.parseLong(f[1]);
            assertEquals(Integer.toUnsignedString(s.word(j)), f[2], "word " + j);
            s.spins(j, spin, 0, 1);
            assertEquals(spin[0], Integer.parseInt(f[3]), "spin " + j);
            assertEquals(s.uniformFloat(j), Float.parseFloat(f[4]), 0f, "float uniform " + j);
            double g = s.gaussian(j);
            assertEquals(g, Double.parseDouble(f[5]), 4 * Math.ulp(g) + 1e-300, "gaussian " + j);
        }
    }

    static int run(List<String> cmd, Path dir) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
