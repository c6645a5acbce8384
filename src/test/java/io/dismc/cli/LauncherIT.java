package io.dismc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user runs it, {@code ./dismc}, on the packaged jar (failsafe, after package):
 * results on stdout and everything else on stderr; the process the user kills or interrupts is the
 * one computing; SIGINT and SIGTERM leave a run.json that says so and exit 130 / 143.
 */
class LauncherIT {
    @TempDir
    Path tmp;

    record Ran(int code, String out, String err) {}

    static final String[] SLOW = {"run", "hopfield", "--n", "2500", "--alpha", "0.12:0.2:0.004", "--samples", "10", "--threads", "1",
        "--quiet", "--no-plot", "--backend", "cpu"};

    ProcessBuilder launcher(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of("dismc").toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        String jar = System.getProperty("dismc.jar");
        if (jar != null) {
            pb.environment().put("DISMC_JAR", jar);
        }
        pb.environment().put("TMPDIR", tmp.toString());
        return pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    }

    Ran run(String... args) throws Exception {
        Process p = launcher(List.of(), args).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dismc " + String.join(" ", args) + " did not finish");
        return new Ran(p.exitValue(), read("out.txt"), stderrOnceComplete(p));
    }

    String read(String name) throws IOException {
        return Files.readString(tmp.resolve(name));
    }

    /**
     * The launcher's stderr filter drains after the JVM exits and then removes the run's private
     * folder (TMPDIR/dismc.*): its removal says stderr is complete.
     */
    String stderrOnceComplete(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && privateFolders() > 0) {
            Thread.sleep(10);
        }
        assertEquals(0, privateFolders(), "the launcher removes its private folder once the JVM has gone");
        return read("err.txt");
    }

    long privateFolders() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.filter(f -> f.getFileName().toString().startsWith("dismc.")).count();
        }
    }

    static long journalLines(Path dir) throws IOException {
        Path j = dir.resolve("units.jsonl");
        return Files.exists(j) ? Files.readString(j).chars().filter(c -> c == '\n').count() : 0;
    }

    static void awaitJournal(Path dir, long lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (journalLines(dir) < lines && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(journalLines(dir) >= lines, "the run should have journaled " + lines + " units");
    }

    @Test
    void resultsGoToStdoutAndNoticesToStderr() throws Exception {
        Path dir = tmp.resolve("run");
        Ran r = run("run", "hopfield", "--n", "100", "--alpha", "0.05,0.1", "--samples", "2", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("alpha") && r.out().contains("±") && r.out().contains("wrote " + dir.toAbsolutePath()), r.out());
        assertFalse(r.out().contains("backend auto"), r.out());
        assertFalse(r.out().contains("WARNING"), r.out());
        assertTrue(r.err().contains("backend auto: using"), r.err());
        assertFalse(r.err().contains("incubator"), r.err());
    }

    @Test
    void errorsGoToStderrAloneAsOneLine() throws Exception {
        for (String[] bad : List.of(new String[] {"run", "hopfield", "--alpha", "0.05:0.2:0"}, new String[] {"list", "extra"},
                new String[] {"version", "extra"}, new String[] {"info", "extra"}, new String[] {"run", "--resume", "/nonexistent"})) {
            Ran r = run(bad);
            assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", bad));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("dismc: "), r.err());
        }
        Ran v = run("version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("dismc "), v.out());
        assertEquals("", v.err());
        Ran list = run("list");
        assertTrue(list.out().contains("--alpha-d") && list.err().isEmpty(), list.err());
    }

    @Test
    void killingTheLauncherStopsTheComputation() throws Exception {
        Path dir = tmp.resolve("killed");
        List<String> args = new ArrayList<>(List.of(SLOW));
        args.addAll(List.of("--out", dir.toString()));
        Process p = launcher(List.of(), args.toArray(String[]::new)).start();
        awaitJournal(dir, 1);
        p.destroyForcibly().waitFor(); // SIGKILL to the pid the shell would show
        long after = journalLines(dir);
        Thread.sleep(1500);
        assertEquals(after, journalLines(dir), "nothing may keep computing after the launcher's process is killed");
        assertFalse(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void sigtermRecordsTheUnitsDoneAndExits143() throws Exception {
        Path dir = tmp.resolve("terminated");
        List<String> args = new ArrayList<>(List.of(SLOW));
        args.addAll(List.of("--out", dir.toString()));
        Process p = launcher(List.of(), args.toArray(String[]::new)).start();
        awaitJournal(dir, 2);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue());
        String err = stderrOnceComplete(p);
        assertTrue(err.contains("SIGTERM: stopped after"), err);
        assertTrue(err.contains("continue with: ./dismc run --resume " + dir.toAbsolutePath()), err);
        String json = Files.readString(dir.resolve("run.json"));
        assertTrue(json.contains("\"status\" : \"interrupted\""), json);
        assertTrue(json.contains("\"units_done\" : " + journalLines(dir)), json);
    }

    @Test
    void ctrlCRecordsTheUnitsDoneAndExits130() throws Exception {
        // a background job's SIGINT may be ignored from its parent on; perl restores the default first
        Assumptions.assumeTrue(onPath("perl"), "perl restores SIGINT's default disposition for this test");
        Path dir = tmp.resolve("interrupted");
        List<String> args = new ArrayList<>(List.of(SLOW));
        args.addAll(List.of("--out", dir.toString()));
        Process p = launcher(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die"), args.toArray(String[]::new)).start();
        awaitJournal(dir, 2);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(130, p.exitValue());
        String err = stderrOnceComplete(p);
        assertTrue(err.contains("SIGINT: stopped after"), err);
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"status\" : \"interrupted\""));
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
