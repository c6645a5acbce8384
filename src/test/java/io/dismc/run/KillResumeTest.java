package io.dismc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.testing.Dismc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL at several random moments and resumed each time ends with exactly the
 * results.csv of an uninterrupted run.
 */
class KillResumeTest {
    static final String[] SWEEP = {"hopfield", "--n", "2500", "--alpha", "0.12:0.2:0.004", "--samples", "10", "--seed", "77",
        "--threads", "2", "--quiet", "--no-plot"};

    static String[] with(String... more) {
        String[] a = new String[1 + SWEEP.length + more.length];
        a[0] = "run";
        System.arraycopy(SWEEP, 0, a, 1, SWEEP.length);
        System.arraycopy(more, 0, a, 1 + SWEEP.length, more.length);
        return a;
    }

    static long journalLines(Path dir) throws Exception {
        Path j = dir.resolve(Journal.FILE);
        if (!Files.exists(j)) {
            return 0;
        }
        return Files.readString(j).chars().filter(c -> c == '\n').count();
    }

    @Test
    void killedAndResumedRunEqualsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path reference = tmp.resolve("reference");
        Dismc.Outcome ref = Dismc.run(with("--out", reference.toString()));
        assertEquals(0, ref.code(), ref.err());
        long total = journalLines(reference);
        assertEquals(21 * 10, total);

        Path dir = tmp.resolve("killed");
        Random random = new Random(2026);
        int interrupted = 0;
        for (int kill = 0; kill < 3; kill++) {
            Process p = kill == 0 ? Dismc.start(tmp, Map.of(), with("--out", dir.toString()))
                    : Dismc.start(tmp, Map.of(), "run", "--resume", dir.toString(), "--threads", "2", "--quiet", "--no-plot");
            // kill once the journal has grown by a random number of records: any moment, even mid-write
            long before = journalLines(dir);
            long target = before + 1 + random.nextInt((int) Math.max(1, (total - before) / 2));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && journalLines(dir) < target && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            p.destroyForcibly().waitFor(); // SIGKILL
            long after = journalLines(dir);
            if (after > before && after < total) {
                interrupted++;
            }
        }
        assertTrue(interrupted >= 2, "the kills should interrupt a partial run (interrupted " + interrupted + " times)");
        Dismc.Outcome done = Dismc.run("run", "--resume", dir.toString(), "--quiet", "--no-plot");
        assertEquals(0, done.code(), done.err());
        assertEquals(Files.readString(reference.resolve("results.csv")), Files.readString(dir.resolve("results.csv")));
        assertEquals(Files.readString(reference.resolve("summary.csv")), Files.readString(dir.resolve("summary.csv")));
        assertEquals(total, journalLines(dir), "every unit once in the journal");
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"status\" : \"complete\""));
    }
}
