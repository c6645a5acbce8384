package io.dismc.twolayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.TransferExperiment;
import io.dismc.rng.RandomStream;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import io.dismc.testing.Dismc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transfer --protocol bayes} on a user's own data files (docs/models.md 3.6.3): both tasks read from CSV files
 * (D = 6, label in the last column); the uncoupled (scratch) target posterior does not depend on the source, the coupled
 * one does, and the limits are computed on the files' data; mixing real and synthetic tasks, real data under gd and a
 * synthetic alignment with real data are refused with exit 2.
 */
class TransferRealDataTest {
    @TempDir
    Path dir;

    /** 120 examples x = N(0, 1)^6, label tanh(w . x / sqrt 6) for the unit vector w = (c, s, 0, ...) at angle theta. */
    static void write(Path file, double theta, long seed) throws IOException {
        RandomStream r = new RandomStream(seed, 1);
        StringBuilder sb = new StringBuilder("x1,x2,x3,x4,x5,x6,y\n");
        for (int q = 0; q < 120; q++) {
            double[] x = new double[6];
            r.gaussians(6L * q, x, 0, 6);
            double h = (Math.cos(theta) * x[0] + Math.sin(theta) * x[1]) * Math.sqrt(6) / Math.sqrt(6);
            for (double v : x) {
                sb.append(v).append(',');
            }
            sb.append(Math.tanh(h)).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    List<Map<String, Double>> run(String source) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("protocol", "bayes");
        o.put("dataset", "target.csv");
        o.put("source-dataset", source);
        o.put("data-dir", dir.toString());
        o.put("n", "6");
        o.put("k", "32");
        o.put("alpha", "3");
        o.put("source-alpha", "10");
        o.put("test-size", "40");
        o.put("delta", "0,10");
        o.put("gamma0", "1");
        o.put("burn-in", "200");
        o.put("draws", "5");
        o.put("chains", "1");
        try (CpuBackend cpu = new CpuBackend(2)) {
            return Sweep.of(new TransferExperiment(), o, 1, 5).run(cpu).stream().map(UnitResult::observables).toList();
        }
    }

    @Test
    void bothTasksComeFromTheFilesAndOnlyTheCoupledTargetSeesTheSource() throws IOException {
        write(dir.resolve("target.csv"), 0, 1);
        write(dir.resolve("aligned.csv"), 0.1, 2);
        write(dir.resolve("orthogonal.csv"), Math.PI / 2, 3);
        List<Map<String, Double>> aligned = run("aligned.csv");
        List<Map<String, Double>> orthogonal = run("orthogonal.csv");
        assertEquals(2, aligned.size());
        for (List<Map<String, Double>> rows : List.of(aligned, orthogonal)) {
            for (Map<String, Double> r : rows) {
                for (String c : List.of("target_test_error", "scratch_test_error", "source_test_error", "frozen_test_error", "lazy_test_error")) {
                    assertTrue(Double.isFinite(r.get(c)) && r.get(c) >= 0, c + " = " + r.get(c));
                }
                assertTrue(r.get("source_test_error") < 0.5 * 0.5 * 0.6, "the source posterior learns its own file's labels: " + r);
            }
        }
        // delta = 0 is learning the target alone: the same whatever the source file; delta = 10 depends on it
        assertEquals(aligned.get(0).get("target_test_error"), orthogonal.get(0).get("target_test_error"));
        assertEquals(aligned.get(1).get("scratch_test_error"), orthogonal.get(1).get("scratch_test_error"));
        assertNotEquals(aligned.get(1).get("target_test_error"), orthogonal.get(1).get("target_test_error"));
        // the delta -> infinity limit is kernel regression on the source posterior's kernel: the aligned source's
        // features serve the target better than the orthogonal one's
        assertTrue(aligned.get(1).get("frozen_test_error") < orthogonal.get(1).get("frozen_test_error"),
                aligned.get(1) + " vs " + orthogonal.get(1));
    }

    @Test
    void mixedOrMisusedRealDataIsOneLineAndExitCodeTwo() throws IOException {
        write(dir.resolve("target.csv"), 0, 1);
        String d = "--data-dir=" + dir;
        for (String[] args : List.of(
                new String[] {"run", "transfer", "--protocol", "bayes", "--dataset", "target.csv", "--n", "6", d, "--no-plot"},
                new String[] {"run", "transfer", "--dataset", "target.csv", "--source-dataset", "target.csv", "--n", "6", d, "--no-plot"},
                new String[] {"run", "transfer", "--protocol", "bayes", "--dataset", "target.csv", "--source-dataset", "target.csv",
                        "--n", "6", "--alignment", "0.5", d, "--no-plot"})) {
            Dismc.Outcome o = Dismc.run(args);
            assertEquals(2, o.code(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }
}
