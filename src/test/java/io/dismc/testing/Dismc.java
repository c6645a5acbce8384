package io.dismc.testing;

import io.dismc.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the dismc command line in this JVM, or in a child JVM that a test can kill. */
public final class Dismc {
    private Dismc() {}

    public record Outcome(int code, String out, String err) {}

    public static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts io.dismc.Main in a child JVM with this test's class path; output goes to files in tmp. */
    public static Process start(Path tmp, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "io.dismc.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("DISMC_STDERR_TTY", "0");
        pb.redirectOutput(tmp.resolve("child-out.txt").toFile()).redirectError(tmp.resolve("child-err.txt").toFile());
        return pb.start();
    }
}
