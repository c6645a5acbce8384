package io.dismc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The C and NumPy programs under bench/ that dismc's CPU kernels are compared with. */
final class ExternalBaselines {
    private final Path home;
    private Path cBinary;
    private String cProblem;

    ExternalBaselines(Path home) {
        this.home = home;
    }

    /** Compiles bench/sweep_bench.c with gcc -O3 -march=native once; empty with a reason when impossible. */
    Optional<Path> cProgram() {
        if (cBinary != null || cProblem != null) {
            return Optional.ofNullable(cBinary);
        }
        Path src = home.resolve("bench/sweep_bench.c");
        Path out = home.resolve("target/bench/sweep_bench");
        try {
            if (!Files.exists(src)) {
                cProblem = "bench/sweep_bench.c not found under " + home;
                return Optional.empty();
            }
            Files.createDirectories(out.getParent());
            Output o = exec(List.of("gcc", "-O3", "-march=native", "-o", out.toString(), src.toString(), "-lm"), 120);
            if (o.code != 0) {
                cProblem = "gcc failed: " + o.text.lines().findFirst().orElse("");
                return Optional.empty();
            }
            cBinary = out;
        } catch (IOException e) {
            cProblem = "gcc not available (" + e.getMessage() + ")";
        }
        return Optional.ofNullable(cBinary);
    }

    String cProblem() {
        return cProblem;
    }

    record CResult(double updatesPerSecond, long checksum, long flips) {}

    CResult runC(int n, int p, String form, double temperature, int sweeps, long seed) throws IOException {
        Output o = exec(List.of(cBinary.toString(), Integer.toString(n), Integer.toString(p), form,
                Double.toString(temperature), Integer.toString(sweeps), Long.toString(seed)), 600);
        Matcher m = Pattern.compile("updates_per_s=(\\S+) checksum=([0-9a-f]+) flips=(\\d+)").matcher(o.text);
        if (o.code != 0 || !m.find()) {
            throw new IOException("sweep_bench failed: " + o.text.trim());
        }
        return new CResult(Double.parseDouble(m.group(1)), Long.parseUnsignedLong(m.group(2), 16), Long.parseLong(m.group(3)));
    }

    /** Seconds of NumPy's float32 GEMM X X^T for N x P, or empty when python3/numpy is missing. */
    Optional<String> numpyGemm(int n, int p) {
        Path script = home.resolve("bench/hebbian_numpy.py");
        try {
            Output o = exec(List.of("python3", script.toString(), Integer.toString(n), Integer.toString(p), "2"), 900);
            Matcher m = Pattern.compile("seconds=(\\S+) blas=(\\S+)").matcher(o.text);
            if (o.code == 0 && m.find()) {
                return Optional.of(m.group(1) + " " + m.group(2));
            }
        } catch (IOException e) {
            // no python3: the comparison is skipped
        }
        return Optional.empty();
    }

    record Output(int code, String text) {}

    static Output exec(List<String> cmd, int timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
        Process proc = pb.start();
        try {
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new IOException(cmd.get(0) + " timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return new Output(proc.exitValue(), new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
