package io.dismc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.experiment.RfhmExperiment;
import io.dismc.experiment.Unit;
import io.dismc.testing.Dismc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** n shards merged equal one unsharded run; merge refuses foreign folders and names missing units. */
class ShardMergeTest {
    static final String[] SWEEP = {"rfhm", "--n", "400", "--alpha", "0.05,0.2,0.5", "--alpha-d", "0.02,0.3", "--samples", "3",
        "--quiet", "--no-plot"};

    static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(List.of(SWEEP));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void shardsPartitionTheUnitsAndBalanceTheirCost() {
        Sweep s = Sweep.of(new RfhmExperiment(), Map.of("n", "400,1600", "alpha", "0.05,0.2,0.5"), 5, 1);
        List<Unit> all = s.units();
        Set<String> seen = new HashSet<>();
        double[] load = new double[4];
        for (int i = 0; i < 4; i++) {
            for (Unit u : new Shard(i, 4).select(s.experiment(), all)) {
                assertTrue(seen.add(u.point().index() + "/" + u.sample()), "unit in two shards");
                load[i] += s.experiment().cost(u.point());
            }
        }
        assertEquals(all.size(), seen.size(), "every unit in some shard");
        double max = java.util.Arrays.stream(load).max().orElseThrow();
        double min = java.util.Arrays.stream(load).min().orElseThrow();
        assertTrue(max < 1.3 * min, "balanced by cost: " + java.util.Arrays.toString(load));
    }

    @Test
    void mergedShardsEqualTheUnshardedRun(@TempDir Path tmp) throws Exception {
        Dismc.Outcome whole = Dismc.run(args("--out", tmp.resolve("whole").toString()));
        assertEquals(0, whole.code(), whole.err());
        List<String> shardDirs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path d = tmp.resolve("shard" + i);
            assertEquals(0, Dismc.run(args("--shard", i + "/3", "--out", d.toString())).code());
            shardDirs.add(d.toString());
        }
        List<String> merge = new ArrayList<>(List.of("merge"));
        merge.addAll(shardDirs);
        merge.addAll(List.of("--out", tmp.resolve("merged").toString(), "--no-plot"));
        Dismc.Outcome m = Dismc.run(merge.toArray(new String[0]));
        assertEquals(0, m.code(), m.err());
        assertEquals(Files.readString(tmp.resolve("whole/results.csv")), Files.readString(tmp.resolve("merged/results.csv")));
        assertEquals(Files.readString(tmp.resolve("whole/summary.csv")), Files.readString(tmp.resolve("merged/summary.csv")));
    }

    @Test
    void mergeRefusesForeignFoldersAndNamesMissingUnits(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path otherSeed = tmp.resolve("seed2");
        assertEquals(0, Dismc.run(args("--shard", "0/2", "--out", a.toString())).code());
        assertEquals(0, Dismc.run(args("--shard", "1/2", "--out", b.toString())).code());
        assertEquals(0, Dismc.run(args("--shard", "1/2", "--seed", "2", "--out", otherSeed.toString())).code());

        Dismc.Outcome foreign = Dismc.run("merge", a.toString(), otherSeed.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, foreign.code());
        assertTrue(foreign.err().contains("different sweep") && foreign.err().contains("seed 1 vs 2"), foreign.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing written for a refused merge");

        Path hopfield = tmp.resolve("hopfield");
        assertEquals(0, Dismc.run("run", "hopfield", "--alpha", "0.1", "--samples", "1", "--quiet", "--no-plot", "--out",
                hopfield.toString()).code());
        Dismc.Outcome otherExperiment = Dismc.run("merge", a.toString(), hopfield.toString(), "--out", tmp.resolve("y").toString());
        assertEquals(2, otherExperiment.code());
        assertTrue(otherExperiment.err().contains("hopfield"), otherExperiment.err());

        Dismc.Outcome partial = Dismc.run("merge", a.toString(), "--out", tmp.resolve("partial").toString(), "--no-plot");
        assertEquals(1, partial.code());
        assertTrue(partial.err().contains("units are missing") && partial.err().contains("alpha=")
                && partial.err().contains("--resume"), partial.err());
        // the partial merge is a resumable run: resuming it computes exactly what was missing
        Dismc.Outcome filled = Dismc.run("run", "--resume", tmp.resolve("partial").toString(), "--quiet", "--no-plot");
        assertEquals(0, filled.code(), filled.err());
        Path whole = tmp.resolve("whole");
        assertEquals(0, Dismc.run(args("--out", whole.toString())).code());
        assertEquals(Files.readString(whole.resolve("results.csv")), Files.readString(tmp.resolve("partial/results.csv")));
    }
}
