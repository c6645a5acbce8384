package io.dismc.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed PTX is what kernels/build.sh makes from the committed sources, and every PTX file
 * assembles for each target in native-config (ptxas -v). Skipped where the CUDA toolkit is missing;
 * the rebuild comparison is skipped when the local nvcc differs from the one that wrote the PTX.
 */
class KernelBuildTest {
    static final Path KERNELS = Path.of("kernels");

    static boolean toolkitPresent() {
        String home = System.getenv().getOrDefault("CUDA_HOME", "/usr/local/cuda");
        return Files.isExecutable(Path.of(home, "bin", "nvcc")) && Files.isExecutable(Path.of(home, "bin", "ptxas"));
    }

    static List<Path> committedPtx() throws IOException {
        try (Stream<Path> s = Files.list(KERNELS)) {
            return s.filter(p -> p.toString().endsWith(".ptx")).sorted().toList();
        }
    }

    @Test
    void everySourceHasItsPtxAndItDeclaresTheConfiguredIsa() throws IOException {
        try (Stream<Path> s = Files.list(KERNELS)) {
            for (Path cu : s.filter(p -> p.toString().endsWith(".cu")).toList()) {
                Path ptx = Path.of(cu.toString().replaceAll("\\.cu$", ".ptx"));
                assertTrue(Files.exists(ptx), cu + " has no committed PTX");
                String text = Files.readString(ptx, StandardCharsets.US_ASCII);
                assertTrue(text.contains("\n.version 7.8\n"), ptx + " must declare the PTX ISA of native-config (7.8)");
            }
        }
    }

    @Test
    void committedPtxIsRebuiltIdenticallyAndAssembles(@TempDir Path tmp) throws Exception {
        assumeTrue(toolkitPresent(), "CUDA toolkit (nvcc, ptxas) not installed");
        String committedCompiler = compilerLine(committedPtx().get(0));
        Result check = exec(List.of("bash", "kernels/build.sh", "--check"));
        assertEquals(0, check.code, "ptxas rejected committed PTX:\n" + check.out);
        assertTrue(check.out.contains("sm_80") && check.out.contains("sm_90"), check.out);
        Result build = exec(List.of("bash", "kernels/build.sh", tmp.toString()));
        assertEquals(0, build.code, build.out);
        String localCompiler = compilerLine(tmp.resolve(committedPtx().get(0).getFileName()));
        assumeTrue(localCompiler.equals(committedCompiler), "local nvcc (" + localCompiler + ") is not the one that wrote the PTX ("
                + committedCompiler + ")");
        for (Path ptx : committedPtx()) {
            assertEquals(Files.readString(ptx), Files.readString(tmp.resolve(ptx.getFileName())),
                    ptx + " differs from a rebuild of its source: run kernels/build.sh and commit the PTX");
        }
    }

    static String compilerLine(Path ptx) throws IOException {
        return Files.readAllLines(ptx).stream().filter(l -> l.startsWith("// Cuda compilation tools")).findFirst().orElse("?");
    }

    record Result(int code, String out) {}

    static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
