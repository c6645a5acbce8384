package io.dismc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.testing.Dismc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder can be trusted: one writer at a time, no record of another sweep taken as this one's,
 * and a full disk stops the run with one line saying which file, what is kept and how to resume.
 */
class TrustTest {
    @TempDir
    Path tmp;

    static final String[] SMALL = {"hopfield", "--n", "300", "--alpha", "0.05,0.1,0.15,0.2", "--samples", "3", "--quiet",
        "--backend", "cpu"};

    static String[] run(String... more) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @AfterEach
    void noFaults() {
        WriteFaults.clear();
    }

    static long journalLines(Path dir) throws Exception {
        Path j = dir.resolve(Journal.FILE);
        return Files.exists(j) ? Files.readString(j).chars().filter(c -> c == '\n').count() : 0;
    }

    @Test
    void aSecondWriterIsRefusedWithTheHoldersPidAndAKilledHolderLeavesNoStaleLock() throws Exception {
        Path dir = tmp.resolve("busy");
        String[] slow = {"run", "hopfield", "--n", "2500", "--alpha", "0.12:0.2:0.004", "--samples", "10", "--threads", "1",
            "--quiet", "--no-plot", "--out", dir.toString()};
        Process p = Dismc.start(tmp, Map.of(), slow);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (journalLines(dir) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(journalLines(dir) >= 1, "the first run should have started");
            for (String[] second : List.of(new String[] {"run", "--resume", dir.toString(), "--quiet"},
                    run("--out", dir.toString(), "--seed", "2"))) {
                Dismc.Outcome o = Dismc.run(second);
                assertEquals(2, o.code(), o.err());
                assertTrue(o.err().contains("being written by another dismc run (pid " + p.pid()), p.pid() + ": " + o.err());
                assertEquals(1, o.err().strip().lines().count(), o.err());
            }
        } finally {
            p.destroyForcibly().waitFor(); // SIGKILL: the kernel drops the lock with the process
        }
        Dismc.Outcome resumed = Dismc.run("run", "--resume", dir.toString(), "--quiet", "--no-plot", "--threads", "2");
        assertEquals(0, resumed.code(), resumed.err());
    }

    @Test
    void aRecordOfAnotherSeedIsReportedAndRedoneNeverMerged() throws Exception {
        Path seed1 = tmp.resolve("seed1");
        Path seed2 = tmp.resolve("seed2");
        assertEquals(0, Dismc.run(run("--out", seed1.toString(), "--seed", "1", "--no-plot")).code());
        assertEquals(0, Dismc.run(run("--out", seed2.toString(), "--seed", "2", "--no-plot")).code());
        String expected = Files.readString(seed1.resolve("results.csv"));
        // seed 1's folder, with half of its journal replaced by seed 2's records of the same points
        List<String> own = Files.readAllLines(seed1.resolve(Journal.FILE));
        List<String> foreign = Files.readAllLines(seed2.resolve(Journal.FILE));
        List<String> mixed = new ArrayList<>(own.subList(0, own.size() / 2));
        mixed.addAll(foreign.subList(own.size() / 2, foreign.size()));
        Files.write(seed1.resolve(Journal.FILE), mixed);
        Dismc.Outcome o = Dismc.run("run", "--resume", seed1.toString(), "--quiet", "--no-plot");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("written by another sweep"), o.err());
        assertTrue(o.err().contains("seed 2"), o.err());
        assertEquals(expected, Files.readString(seed1.resolve("results.csv")));
        assertTrue(o.out().contains("(" + (own.size() - own.size() / 2) + " computed now"), o.out());
    }

    @Test
    void aFullDiskWhileJournalingSaysWhichFileWhatIsKeptAndHowToResume() throws Exception {
        Path ref = tmp.resolve("ref");
        assertEquals(0, Dismc.run(run("--out", ref.toString(), "--no-plot")).code());
        Path dir = tmp.resolve("full");
        AtomicInteger appends = new AtomicInteger();
        WriteFaults.failWrites(f -> f.getFileName().toString().equals(Journal.FILE) && appends.incrementAndGet() > 5);
        Dismc.Outcome o = Dismc.run(run("--out", dir.toString(), "--no-plot", "--threads", "1"));
        WriteFaults.clear();
        assertEquals(1, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        String line = o.err().strip();
        assertTrue(line.contains("cannot write " + dir.toAbsolutePath().resolve(Journal.FILE)), line);
        assertTrue(line.contains("No space left on device"), line);
        assertTrue(line.contains("5 units finished before are kept"), line);
        assertTrue(line.contains("./dismc run --resume " + dir.toAbsolutePath()), line);
        assertFalse(line.contains("Exception"), line);
        assertEquals(5, journalLines(dir));
        Dismc.Outcome resumed = Dismc.run("run", "--resume", dir.toString(), "--quiet", "--no-plot");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(Files.readString(ref.resolve("results.csv")), Files.readString(dir.resolve("results.csv")));
    }

    @Test
    void aFullDiskForTheTablesKeepsEveryUnitAndAResumeRebuildsThem() throws Exception {
        Path dir = tmp.resolve("tables");
        WriteFaults.failWrites(f -> f.getFileName().toString().equals("results.csv"));
        Dismc.Outcome o = Dismc.run(run("--out", dir.toString(), "--no-plot"));
        WriteFaults.clear();
        assertEquals(1, o.code());
        assertTrue(o.err().contains("results.csv: No space left on device. All 12 finished units are in the journal"), o.err());
        assertEquals(12, journalLines(dir));
        Dismc.Outcome resumed = Dismc.run("run", "--resume", dir.toString(), "--quiet", "--no-plot");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("(0 computed now, 12 from before)"), resumed.out());
        assertTrue(Files.exists(dir.resolve("results.csv")));
    }

    @Test
    void whenOnlyTheFigureDoesNotFitTheTableIsStillPrinted() throws Exception {
        Path dir = tmp.resolve("figure");
        WriteFaults.failWrites(f -> f.getFileName().toString().endsWith(".png"));
        Dismc.Outcome o = Dismc.run(run("--out", dir.toString()));
        WriteFaults.clear();
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("alpha") && o.out().contains("±"), o.out());
        assertTrue(o.err().contains("could not draw the figures"), o.err());
        assertTrue(o.err().contains("./dismc plot " + dir.toAbsolutePath()), o.err());
        assertTrue(Files.exists(dir.resolve("results.csv")));
    }

    @Test
    void theFirstRunExplainsItsTableAndListsWhatItWrote() throws Exception {
        Path dir = tmp.resolve("explained");
        Dismc.Outcome o = Dismc.run(run("--out", dir.toString()));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains(Table.LEGEND), o.out());
        assertTrue(o.out().contains("wrote " + dir.toAbsolutePath() + ": results.csv, summary.csv, run.json, units.jsonl, figure.png"),
                o.out());
    }
}
