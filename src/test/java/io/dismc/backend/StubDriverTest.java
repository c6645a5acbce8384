package io.dismc.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backend selection where a driver exists but cannot serve dismc, simulated with a stub libcuda.so.1
 * (src/test/c/stub_libcuda.c) in a child JVM: a driver without a GPU, and a GPU whose driver is too old
 * for the PTX. auto falls back to the CPU with one line; cuda fails with a clear one-line message.
 * Skipped where gcc is missing.
 */
class StubDriverTest {

    record Outcome(int code, String out, String err) {}

    static Path stub(Path dir, String mode) throws IOException, InterruptedException {
        Path lib = dir.resolve(mode).resolve("libcuda.so.1");
        Files.createDirectories(lib.getParent());
        Process p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-D" + mode, "-o", lib.toString(), "src/test/c/stub_libcuda.c")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0 ? lib.getParent() : null;
    }

    static Outcome dismc(Path libDir, Path tmp, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "io.dismc.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LD_LIBRARY_PATH", libDir.toString());
        pb.environment().put("DISMC_STDERR_TTY", "0");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int code = pb.start().waitFor();
        String e = Files.readString(err, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules")).reduce("", (a, b) -> a + b + "\n");
        return new Outcome(code, Files.readString(out, StandardCharsets.UTF_8), e);
    }

    static boolean gcc() {
        try {
            return new ProcessBuilder("gcc", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void driverWithoutADevice(@TempDir Path tmp) throws Exception {
        assumeTrue(gcc(), "gcc not available");
        Path lib = stub(tmp, "STUB_NO_DEVICE");
        assumeTrue(lib != null, "could not build the stub driver");
        Outcome info = dismc(lib, tmp, "info");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("cuda: not usable: CUDA_ERROR_NO_DEVICE"), info.out());
        Outcome cuda = dismc(lib, tmp, "run", "hopfield", "--backend", "cuda", "--samples", "1", "--out", tmp.resolve("a").toString());
        assertEquals(2, cuda.code());
        assertEquals(1, cuda.err().lines().count(), cuda.err());
        assertTrue(cuda.err().contains("--backend cuda") && cuda.err().contains("CUDA_ERROR_NO_DEVICE"), cuda.err());
        Outcome auto = dismc(lib, tmp, "run", "hopfield", "--samples", "1", "--alpha", "0.1", "--quiet", "--out", tmp.resolve("b").toString());
        assertEquals(0, auto.code(), auto.err());
        assertEquals("backend auto: using cpu (CUDA_ERROR_NO_DEVICE)\n", auto.err());
    }

    @Test
    void deviceWhoseDriverCannotLoadThePtx(@TempDir Path tmp) throws Exception {
        assumeTrue(gcc(), "gcc not available");
        Path lib = stub(tmp, "STUB_OLD_DRIVER");
        assumeTrue(lib != null, "could not build the stub driver");
        Outcome cuda = dismc(lib, tmp, "run", "hopfield", "--backend", "cuda", "--samples", "1", "--out", tmp.resolve("a").toString());
        assertEquals(2, cuda.code(), cuda.err());
        assertEquals(1, cuda.err().lines().count(), cuda.err());
        assertTrue(cuda.err().contains("Stub GPU") && cuda.err().contains("CUDA_ERROR_UNSUPPORTED_PTX_VERSION")
                && cuda.err().contains("driver supports CUDA 11.0") && cuda.err().contains("ISA 7.8"), cuda.err());
        assertFalse(Files.exists(tmp.resolve("a")));
        Outcome auto = dismc(lib, tmp, "run", "hopfield", "--samples", "1", "--alpha", "0.1", "--quiet", "--out", tmp.resolve("b").toString());
        assertEquals(0, auto.code(), auto.err());
        assertEquals(1, auto.err().lines().count(), auto.err());
        assertTrue(auto.err().startsWith("backend auto: using cpu (Stub GPU found but unusable: cannot load kernels/"), auto.err());
        Outcome info = dismc(lib, tmp, "info");
        assertTrue(info.out().contains("cuda: Stub GPU found but unusable"), info.out());
    }
}
