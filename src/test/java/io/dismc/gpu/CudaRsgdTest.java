package io.dismc.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.CudaBackend;
import io.dismc.backend.DeviceCounters;
import io.dismc.backend.RsgdOutcome;
import io.dismc.backend.RsgdSpec;
import io.dismc.data.PerceptronInstance;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.rng.RandomStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replicated SGD on the GPU (kernels/rsgd.cu) against its CPU twin (backend.cpu.ReplicatedSgdRun): the
 * same outcome, field for field and weight for weight, for runs that solve at different epochs and runs
 * that exhaust their budget across more than one launch (32 epochs each), on two instances in one batch;
 * and the batch's runs all go in every launch (the device counters); local-energy with replicated SGD
 * gives the CPU's results.csv, every sample of a point in one launch.
 */
@Tag("gpu")
@Tag("emulated")
class CudaRsgdTest {
    static PerceptronInstance instance(int n, int p, long seed) {
        return PerceptronProblems.instance(PerceptronProblems.inputs(n, p, false, new RandomStream(seed, 1)),
                PerceptronProblems.randomLabels(p, new RandomStream(seed, 2)), n, p, false);
    }

    /**
     * N = 70 (two 64-bit words, the second partial), P = 42 in batches of 8 (the last one short); gamma
     * from 4.9 in steps of 0.02 crosses the sign switch at 5 in epoch 5; eta and lambda decay so every
     * epoch's table entry matters. kappa = 0.1 solves two runs (at 5 and 11 epochs, one of them through a
     * replica, not the centre) and leaves four to the budget; kappa = 1.2 solves none.
     */
    @ParameterizedTest(name = "y={0} kappa={1} max epochs={2}")
    @CsvSource({"3, 0.1, 40", "3, 1.2, 40", "1, 0.5, 12"})
    void outcomesEqualTheCpuTwinsAndEveryRunIsInEachLaunch(int y, double kappa, int maxEpochs) {
        Gpu.backend(); // skips without a usable device
        int n = 70;
        int p = 42;
        List<PerceptronInstance> insts = List.of(instance(n, p, 11), instance(n, p, 12));
        int runs = 6;
        int[] instance = new int[runs];
        List<RandomStream> streams = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            instance[r] = r % 2;
            streams.add(new RandomStream(5, 100 + r));
        }
        RsgdSpec spec = new RsgdSpec(y, 2.0, 0.75, 4.9, 0.02, 8, maxEpochs, kappa, 0.97, 0.99);
        List<RsgdOutcome> a;
        try (CpuBackend cpu = new CpuBackend(2)) {
            a = cpu.replicatedSgd(insts, instance, streams, spec);
        }
        // a backend of its own, so that its counters hold this batch only
        try (CudaBackend gpu = CudaBackend.open(1, false)) {
            List<RsgdOutcome> b = gpu.replicatedSgd(insts, instance, streams, spec);
            int lastEpochs = 0;
            for (int r = 0; r < runs; r++) {
                RsgdOutcome x = a.get(r);
                RsgdOutcome g = b.get(r);
                String who = "run " + r;
                assertArrayEquals(x.weights(), g.weights(), 0.0, who);
                assertEquals(x.solved(), g.solved(), who);
                assertEquals(x.solvedBy(), g.solvedBy(), who);
                assertEquals(x.epochs(), g.epochs(), who);
                assertEquals(x.violations(), g.violations(), who);
                assertEquals(x.margin(), g.margin(), 0.0, who);
                assertEquals(x.centreMargin(), g.centreMargin(), 0.0, who);
                assertEquals(x.bestViolations(), g.bestViolations(), who);
                assertEquals(x.finalGamma(), g.finalGamma(), 0.0, who);
                lastEpochs = Math.max(lastEpochs, x.epochs());
            }
            if (kappa > 1) {
                assertTrue(a.stream().noneMatch(RsgdOutcome::solved), "kappa = 1.2 is beyond reach at alpha = 0.6");
            } else if (y == 3) {
                assertTrue(a.stream().anyMatch(RsgdOutcome::solved), "some run solves kappa = 0.1");
            }
            DeviceCounters c = gpu.counters().snapshot();
            // one start launch, then one launch per 32 epochs until every run has stopped: each over all runs
            int chunks = Math.max(1, (lastEpochs + 31) / 32);
            assertEquals(1 + chunks, c.launches(), c.toString());
            assertEquals(runs, c.sweepLaunchReplicasMax(), c.toString());
            assertEquals(runs, c.sweepLaunchReplicasMean(), 0.0, c.toString());
        }
    }

    /** local-energy (replicated SGD, y = 7, the authors' parameters) on both backends: the same results, 4 samples per launch. */
    @Test
    void localEnergyBatchesThePointsSamplesAndEqualsTheCpu(@TempDir Path tmp) throws IOException {
        Gpu.backend();
        String args = "local-energy --n 61 --alpha 0.5 --kappa 0 --samples 4 --moves 5 --max-steps 300 --quiet --no-plot";
        DeviceCountersTest.run(args, "cuda", tmp.resolve("gpu"));
        DeviceCountersTest.run(args, "cpu", tmp.resolve("cpu"));
        assertEquals(Files.readString(tmp.resolve("cpu/results.csv")), Files.readString(tmp.resolve("gpu/results.csv")));
        JsonNode c = DeviceCountersTest.counters(tmp.resolve("gpu"));
        assertEquals(4, c.get("units").asLong());
        assertEquals(4, c.get("sweep_launch_replicas_max").asLong(), c.toString());
        assertEquals(4.0, c.get("sweep_launch_replicas_mean").asDouble(), 0.0, c.toString());
    }
}
