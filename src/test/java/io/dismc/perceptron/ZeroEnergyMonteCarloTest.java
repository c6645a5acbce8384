package io.dismc.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.RsgdOutcome;
import io.dismc.backend.RsgdSpec;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Single-flip MC of the binary perceptron: exact incremental fields and the exact stationary measures. */
class ZeroEnergyMonteCarloTest {
    static PerceptronInstance instance(int n, int p, long seed, boolean gaussian) {
        double[] x = PerceptronProblems.inputs(n, p, gaussian, new RandomStream(seed, 1));
        byte[] y = PerceptronProblems.randomLabels(p, new RandomStream(seed, 2));
        return PerceptronProblems.instance(x, y, n, p, gaussian);
    }

    static RsgdOutcome rsgd(PerceptronInstance inst, RsgdSpec spec, RandomStream stream) {
        try (CpuBackend cpu = new CpuBackend(1)) {
            return ReplicatedSgd.run(inst, spec, stream, cpu);
        }
    }

    static byte[] bytes(double[] w) {
        byte[] b = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            b[i] = (byte) (w[i] > 0 ? 1 : -1);
        }
        return b;
    }

    /**
     * Invariant: with +-1 inputs the incrementally kept integer fields equal the fields recomputed from
     * scratch after every sweep, exactly; at zero temperature from a replicated-SGD solution (found at
     * margin 0.1, sampled at margin 0) the chain never leaves the solution space and accepts hundreds of
     * flips (else the check is vacuous).
     */
    @Test
    void incrementalFieldsAreExactAndConstraintsHold() {
        PerceptronInstance inst = instance(201, 80, 3, false);
        RsgdOutcome sol = rsgd(inst, RsgdSpec.authors(0.1, 2000), new RandomStream(3, 3));
        assertTrue(sol.solved());
        byte[] start = bytes(sol.weights());
        int[] checked = new int[1];
        for (double beta : new double[] {Double.POSITIVE_INFINITY, 1.0}) {
            FlipMcSpec spec = new FlipMcSpec(0.0, beta, 60, 10);
            FlipMcResult r = ZeroEnergyMonteCarlo.run(inst, start, new RandomStream(5, 6), spec, (sweep, w, fields) -> {
                assertArrayEquals(inst.fields(ZeroEnergyMonteCarlo.asDoubles(w)), fields, "sweep " + sweep);
                if (spec.zeroTemperature()) {
                    assertEquals(0, inst.violations(ZeroEnergyMonteCarlo.asDoubles(w), 0.0), "sweep " + sweep);
                }
                checked[0]++;
            });
            assertTrue(r.accepted() >= 100, "accepted " + r.accepted() + " of " + r.attempted());
            assertEquals(6, r.samples().size());
            if (spec.zeroTemperature()) {
                assertEquals(0, r.violations());
                double q = PerceptronProblems.overlap(ZeroEnergyMonteCarlo.asDoubles(r.weights()), sol.weights());
                assertTrue(q < 0.95, "zero-temperature MC moves away from its start: overlap " + q);
            } else {
                assertTrue(r.violations() > 0, "at beta = 1 the chain leaves the solution space");
            }
        }
        assertEquals(120, checked[0]);
    }

    /** Gaussian inputs: fields are recomputed every sweep and the constraints hold at zero temperature. */
    @Test
    void realInputsKeepConstraints() {
        PerceptronInstance inst = instance(101, 40, 4, true);
        RsgdOutcome sol = rsgd(inst, RsgdSpec.authors(0.0, 2000), new RandomStream(4, 3));
        assertTrue(sol.solved());
        FlipMcResult r = ZeroEnergyMonteCarlo.run(inst, bytes(sol.weights()), new RandomStream(4, 5), FlipMcSpec.zeroEnergy(0, 50, 5),
                (sweep, w, fields) -> assertEquals(0, inst.violations(ZeroEnergyMonteCarlo.asDoubles(w), 0)));
        assertTrue(r.accepted() > 0);
        for (int e : r.energies()) {
            assertEquals(0, e);
        }
    }

    // --- exact measures by enumeration: N = 13, P = 5, +-1 inputs, kappa = 0 (N odd: no zero fields) ---

    static final int EN = 13;
    static final int EP = 5;

    static int[] energies(PerceptronInstance inst) {
        int[] e = new int[1 << EN];
        for (int s = 0; s < e.length; s++) {
            e[s] = inst.violations(ZeroEnergyMonteCarlo.asDoubles(state(s)), 0.0);
        }
        return e;
    }

    static byte[] state(int s) {
        byte[] w = new byte[EN];
        for (int i = 0; i < EN; i++) {
            w[i] = (byte) (((s >>> i) & 1) == 1 ? 1 : -1);
        }
        return w;
    }

    static int code(byte[] w) {
        int s = 0;
        for (int i = 0; i < EN; i++) {
            s |= (w[i] > 0 ? 1 : 0) << i;
        }
        return s;
    }

    /** Batch means of observable f over the samples of several chains: {mean, standard error}. */
    static double[] batchMean(List<FlipMcResult> chains, java.util.function.ToDoubleFunction<byte[]> f) {
        int batches = 0;
        double sum = 0;
        double sum2 = 0;
        for (FlipMcResult c : chains) {
            int per = c.samples().size() / 10;
            for (int b = 0; b < 10; b++) {
                double m = 0;
                for (int k = b * per; k < (b + 1) * per; k++) {
                    m += f.applyAsDouble(c.samples().get(k)) / per;
                }
                sum += m;
                sum2 += m * m;
                batches++;
            }
        }
        double mean = sum / batches;
        double var = (sum2 / batches - mean * mean) * batches / (batches - 1);
        return new double[] {mean, Math.sqrt(var / batches)};
    }

    /**
     * Finite beta = 0.8: the sampled law of the energy and the magnetizations equal the exact Gibbs
     * averages over all 2^13 states, within 4 batch-means standard errors (+1e-3 for the finite run).
     */
    @Test
    void finiteBetaSamplesTheGibbsMeasure() {
        PerceptronInstance inst = instance(EN, EP, 21, false);
        int[] e = energies(inst);
        double beta = 0.8;
        double z = 0;
        double[] meanE = new double[1];
        double[] mag = new double[EN];
        for (int s = 0; s < e.length; s++) {
            double wgt = Math.exp(-beta * e[s]);
            z += wgt;
            meanE[0] += wgt * e[s];
            for (int i = 0; i < EN; i++) {
                mag[i] += wgt * (((s >>> i) & 1) == 1 ? 1 : -1);
            }
        }
        List<byte[]> starts = new ArrayList<>();
        List<RandomStream> streams = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            starts.add(state(0));
            streams.add(new RandomStream(21, 10 + c));
        }
        List<FlipMcResult> chains = ZeroEnergyMonteCarlo.runAll(inst, starts, streams, new FlipMcSpec(0, beta, 20000, 1), ForkJoinPool.commonPool());
        double[] sampledE = batchMean(chains, w -> inst.violations(ZeroEnergyMonteCarlo.asDoubles(w), 0));
        assertEquals(meanE[0] / z, sampledE[0], 4 * sampledE[1] + 1e-3, "mean energy");
        for (int i = 0; i < EN; i++) {
            int site = i;
            double[] m = batchMean(chains, w -> w[site]);
            assertEquals(mag[i] / z, m[0], 4 * m[1] + 1e-3, "magnetization " + i);
        }
    }

    /**
     * Zero temperature from a solution: the chain samples the uniform measure on the solutions connected
     * to it by single flips (found here by breadth-first search): its magnetizations equal the cluster
     * averages within 4 batch-means standard errors, and it visits every state of the cluster.
     */
    @Test
    void zeroTemperatureSamplesTheConnectedClusterUniformly() {
        PerceptronInstance inst = instance(EN, EP, 21, false);
        int[] e = energies(inst);
        int start = -1;
        int bestSize = 0;
        boolean[] seen = new boolean[e.length];
        List<Integer> cluster = new ArrayList<>();
        for (int s = 0; s < e.length; s++) {
            if (e[s] == 0 && !seen[s]) {
                List<Integer> c = component(e, s, seen);
                if (c.size() > bestSize) {
                    bestSize = c.size();
                    start = s;
                    cluster = c;
                }
            }
        }
        assertTrue(bestSize > 50 && bestSize < 2000, "a cluster of moderate size: " + bestSize);
        double[] mag = new double[EN];
        for (int s : cluster) {
            for (int i = 0; i < EN; i++) {
                mag[i] += (((s >>> i) & 1) == 1 ? 1.0 : -1.0) / cluster.size();
            }
        }
        List<byte[]> starts = new ArrayList<>();
        List<RandomStream> streams = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            starts.add(state(start));
            streams.add(new RandomStream(22, 10 + c));
        }
        List<FlipMcResult> chains = ZeroEnergyMonteCarlo.runAll(inst, starts, streams, FlipMcSpec.zeroEnergy(0, 20000, 1),
                ForkJoinPool.commonPool());
        java.util.Set<Integer> visited = new java.util.HashSet<>();
        for (FlipMcResult c : chains) {
            for (byte[] w : c.samples()) {
                visited.add(code(w));
            }
        }
        assertEquals(new java.util.HashSet<>(cluster), visited);
        for (int i = 0; i < EN; i++) {
            int site = i;
            double[] m = batchMean(chains, w -> w[site]);
            assertEquals(mag[i], m[0], 4 * m[1] + 1e-3, "magnetization " + i);
        }
    }

    static List<Integer> component(int[] e, int s0, boolean[] seen) {
        List<Integer> out = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(s0);
        seen[s0] = true;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.add(s);
            for (int i = 0; i < EN; i++) {
                int t = s ^ (1 << i);
                if (e[t] == 0 && !seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return out;
    }

    /** Results depend on the streams only, not on the pool. */
    @Test
    void chainsDoNotDependOnThreads() {
        PerceptronInstance inst = instance(EN, EP, 21, false);
        List<byte[]> starts = List.of(state(0), state(5), state(77));
        List<RandomStream> streams = List.of(new RandomStream(1, 1), new RandomStream(1, 2), new RandomStream(1, 3));
        FlipMcSpec spec = new FlipMcSpec(0, 1.5, 300, 7);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            List<FlipMcResult> a = ZeroEnergyMonteCarlo.runAll(inst, starts, streams, spec, one);
            List<FlipMcResult> b = ZeroEnergyMonteCarlo.runAll(inst, starts, streams, spec, two);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(a.get(k).weights(), b.get(k).weights());
                assertArrayEquals(a.get(k).energies(), b.get(k).energies());
            }
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }

    @Test
    void rejectsBadInput() {
        PerceptronInstance inst = instance(EN, EP, 21, false);
        assertThrows(IllegalArgumentException.class, () -> new FlipMcSpec(0, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new FlipMcSpec(0, 1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ZeroEnergyMonteCarlo.run(inst, new byte[3], new RandomStream(1, 1),
                FlipMcSpec.zeroEnergy(0, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> ZeroEnergyMonteCarlo.run(inst, new byte[EN], new RandomStream(1, 1),
                FlipMcSpec.zeroEnergy(0, 1, 1)));
    }
}
