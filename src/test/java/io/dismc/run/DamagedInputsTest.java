package io.dismc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.testing.Dismc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged journals, hand-edited outputs and bad sweep files: a clean redo or a clear error, nothing valid lost. */
class DamagedInputsTest {
    @TempDir
    Path tmp;
    Path reference;
    String expected;

    static final String[] SWEEP = {"hopfield", "--n", "300", "--alpha", "0.05,0.1,0.15,0.2", "--samples", "3", "--quiet", "--no-plot"};

    static String[] run(String... more) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(List.of(SWEEP));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @BeforeEach
    void referenceRun() throws Exception {
        reference = tmp.resolve("reference");
        assertEquals(0, Dismc.run(run("--out", reference.toString())).code());
        expected = Files.readString(reference.resolve("results.csv"));
    }

    Path copyOfReference(String name) throws Exception {
        Path d = tmp.resolve(name);
        Files.createDirectories(d);
        for (String f : List.of("run.json", Journal.FILE)) {
            Files.copy(reference.resolve(f), d.resolve(f));
        }
        return d;
    }

    List<String> journal(Path d) throws Exception {
        return Files.readAllLines(d.resolve(Journal.FILE));
    }

    @Test
    void aTruncatedLastRecordIsRedone() throws Exception {
        Path d = copyOfReference("truncated");
        List<String> lines = journal(d);
        String last = lines.get(lines.size() - 1);
        // as a kill during the write leaves it: the last line cut short, no newline
        String cut = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + last.substring(0, last.length() / 2);
        Files.writeString(d.resolve(Journal.FILE), cut);
        Dismc.Outcome o = Dismc.run("run", "--resume", d.toString(), "--quiet", "--no-plot");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("cut short"), o.err());
        assertTrue(o.out().contains("1 computed now"), o.out());
        assertEquals(expected, Files.readString(d.resolve("results.csv")));
        assertEquals(lines.size(), journal(d).size());
    }

    @Test
    void aDamagedRecordIsRedoneAndTheOthersKept() throws Exception {
        Path d = copyOfReference("damaged");
        List<String> lines = new ArrayList<>(journal(d));
        lines.set(5, lines.get(5).replace("\"m\":", "\"m\":0.5,\"x\":")); // an edit the checksum catches
        Files.write(d.resolve(Journal.FILE), lines, StandardCharsets.UTF_8);
        Dismc.Outcome o = Dismc.run("run", "--resume", d.toString(), "--quiet", "--no-plot");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("line 6 is damaged"), o.err());
        assertTrue(o.out().contains("1 computed now, 11 from before"), o.out());
        assertEquals(expected, Files.readString(d.resolve("results.csv")));
    }

    @Test
    void aHandEditedResultsCsvIsRebuiltFromTheJournal() throws Exception {
        Path d = copyOfReference("edited");
        Files.writeString(d.resolve("results.csv"), "n,alpha\n1,2\n");
        Dismc.Outcome o = Dismc.run("run", "--resume", d.toString(), "--quiet", "--no-plot");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("0 computed now"), o.out());
        assertEquals(expected, Files.readString(d.resolve("results.csv")));
    }

    @Test
    void recordsOfAnotherSweepAreIgnored() throws Exception {
        Path other = tmp.resolve("other");
        assertEquals(0, Dismc.run("run", "hopfield", "--n", "300", "--alpha", "0.12", "--samples", "2", "--quiet", "--no-plot",
                "--out", other.toString()).code());
        Path d = copyOfReference("foreign");
        Files.write(d.resolve(Journal.FILE), journal(other), StandardOpenOption.APPEND);
        Dismc.Outcome o = Dismc.run("run", "--resume", d.toString(), "--quiet", "--no-plot");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("written by another sweep"), o.err());
        assertEquals(expected, Files.readString(d.resolve("results.csv")));
    }

    @Test
    void anEditedRunRecordOrAMissingFolderIsAClearError() throws Exception {
        Path d = copyOfReference("edited-spec");
        Files.writeString(d.resolve("run.json"), Files.readString(d.resolve("run.json")).replace("\"samples\" : 3", "\"samples\" : 4"));
        Dismc.Outcome o = Dismc.run("run", "--resume", d.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--resume") && o.err().contains("was edited"), o.err());
        Dismc.Outcome none = Dismc.run("run", "--resume", tmp.resolve("nowhere").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("does not exist"), none.err());
        Dismc.Outcome changing = Dismc.run("run", "--resume", reference.toString(), "--alpha", "0.3");
        assertEquals(2, changing.code());
        assertTrue(changing.err().contains("--alpha cannot be given"), changing.err());
    }

    @Test
    void specFileEqualsTheCommandLine() throws Exception {
        Path spec = tmp.resolve("sweep.properties");
        Files.writeString(spec, "# the reference sweep, by hand\nexperiment = hopfield\nn = 300\nalpha = 0.05:0.2:0.05   # four points\nsamples = 3\n");
        Path d = tmp.resolve("from-spec");
        Dismc.Outcome o = Dismc.run("run", "hopfield", "--spec", spec.toString(), "--quiet", "--no-plot", "--out", d.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(expected, Files.readString(d.resolve("results.csv")));
    }

    @Test
    void badSpecFilesAreClearErrors() throws Exception {
        String[][] cases = {
            {"n = 300\nbeta = 2\n", "unknown key 'beta'"},
            {"alpha = 0.2:0.1:0.01\n", "is empty"},
            {"alpha = 0.1:0.2:0\n", "step must be > 0"},
            {"alpha = 0.1\nalpha = 0.2\n", "a second time"},
            {"alpha 0.1\n", "not 'key = value'"},
            {"experiment = rfhm\n", "a sweep of 'rfhm'"},
            {"samples = 0\n", "--samples"},
        };
        for (String[] c : cases) {
            Path spec = tmp.resolve("bad.properties");
            Files.writeString(spec, c[0]);
            Dismc.Outcome o = Dismc.run("run", "hopfield", "--spec", spec.toString(), "--quiet", "--out", tmp.resolve("never").toString());
            assertEquals(2, o.code(), c[0] + " -> " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().contains(c[1]), c[0] + " -> " + o.err());
            assertFalse(Files.exists(tmp.resolve("never")));
        }
        Path spec = tmp.resolve("ok.properties");
        Files.writeString(spec, "alpha = 0.1\n");
        Dismc.Outcome both = Dismc.run("run", "hopfield", "--spec", spec.toString(), "--alpha", "0.2");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("both on the command line and in"), both.err());
    }
}
