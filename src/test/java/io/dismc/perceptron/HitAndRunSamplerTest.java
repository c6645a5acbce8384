package io.dismc.perceptron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Hit-and-run on the spherical solution space: the exact uniform measure at small N, invariants, determinism. */
class HitAndRunSamplerTest {
    static PerceptronInstance instance(int n, int p, long seed, boolean gaussian) {
        double[] x = PerceptronProblems.inputs(n, p, gaussian, new RandomStream(seed, 1));
        byte[] y = PerceptronProblems.randomLabels(p, new RandomStream(seed, 2));
        return PerceptronProblems.instance(x, y, n, p, gaussian);
    }

    static double[] stabilities(PerceptronInstance inst, double[] w) {
        return HitAndRunSampler.stabilities(inst, w);
    }

    /**
     * N = 4: the sampled means of every stability Delta^mu and of w_1 equal those of the exact uniform
     * measure on the feasible set, estimated by rejection sampling (uniform points of the sphere kept when
     * feasible, 5 10^5 draws), within 4 combined standard errors (chain-to-chain spread of 8 chains, and the
     * reference's own error). Two sets: kappa = 0.2 with P = 3 (a convex spherical polygon) and
     * kappa = -0.3 with P = 4 (the sphere minus four caps: non-convex).
     */
    @ParameterizedTest
    @EnumSource(HitAndRunMove.class)
    void samplesTheUniformMeasureExactly(HitAndRunMove move) {
        int n = 4;
        for (double[] setting : new double[][] {{3, 0.2}, {4, -0.3}}) {
            int p = (int) setting[0];
            double kappa = setting[1];
            PerceptronInstance inst = instance(n, p, 5, true);
            RandomStream r = new RandomStream(9, 9);
            double[] g = new double[n];
            double[] sum = new double[p + 1];
            double[] sum2 = new double[p + 1];
            int accepted = 0;
            double[] start = null;
            for (long t = 0; t < 500_000; t++) {
                r.gaussians(t * n, g, 0, n);
                double norm = 0;
                for (double v : g) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm / n);
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    w[i] = g[i] / norm;
                }
                double[] d = stabilities(inst, w);
                boolean feasible = true;
                for (double x : d) {
                    feasible &= x >= kappa;
                }
                if (feasible) {
                    start = start == null ? w : start;
                    for (int mu = 0; mu <= p; mu++) {
                        double v = mu < p ? d[mu] : w[0];
                        sum[mu] += v;
                        sum2[mu] += v * v;
                    }
                    accepted++;
                }
            }
            assertTrue(accepted > 25_000, "feasible fraction " + accepted / 5e5);
            int chains = 8;
            List<HitAndRunSampler.Chain> cs = new ArrayList<>();
            for (int c = 0; c < chains; c++) {
                cs.add(new HitAndRunSampler.Chain(start, new RandomStream(3, c)));
            }
            HitAndRunSpec spec = new HitAndRunSpec(kappa, move, 1000, 5, 6000, 100);
            List<ChainResult> res = HitAndRunSampler.sample(inst, cs, spec, ForkJoinPool.commonPool());
            for (int mu = 0; mu <= p; mu++) {
                double[] means = new double[chains];
                for (int c = 0; c < chains; c++) {
                    for (double[] w : res.get(c).samples()) {
                        means[c] += (mu < p ? stabilities(inst, w)[mu] : w[0]) / spec.samples();
                    }
                }
                double m = 0;
                for (double v : means) {
                    m += v / chains;
                }
                double var = 0;
                for (double v : means) {
                    var += (v - m) * (v - m) / (chains - 1);
                }
                double ref = sum[mu] / accepted;
                double refVar = (sum2[mu] / accepted - ref * ref) / accepted;
                double tol = 4 * Math.sqrt(var / chains + refVar);
                assertEquals(ref, m, tol, move + " kappa " + kappa + " observable " + mu);
                assertTrue(tol < 0.03, "the comparison resolves the measure: tolerance " + tol);
            }
        }
    }

    /**
     * A start produced by descent on the squared hinge is biased towards the boundary; after hit-and-run
     * every sample is on the sphere and feasible, and the incremental stabilities never drifted by more
     * than 1e-10 from a recomputation.
     */
    @ParameterizedTest
    @EnumSource(HitAndRunMove.class)
    void samplesStayOnTheSphereAndFeasible(HitAndRunMove move) {
        PerceptronInstance inst = instance(60, 90, 2, false);
        List<RandomStream> streams = List.of(new RandomStream(2, 1), new RandomStream(2, 2), new RandomStream(2, 3));
        List<double[]> starts;
        try (io.dismc.backend.CpuBackend cpu = new io.dismc.backend.CpuBackend(2)) {
            starts = HitAndRunSampler.descentStarts(inst, -0.5, streams, 20000, cpu);
        }
        List<HitAndRunSampler.Chain> cs = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            assertTrue(starts.get(c) != null);
            cs.add(new HitAndRunSampler.Chain(starts.get(c), streams.get(c)));
        }
        HitAndRunSpec spec = new HitAndRunSpec(-0.5, move, 500, 100, 20, 50);
        for (ChainResult r : HitAndRunSampler.sample(inst, cs, spec, ForkJoinPool.commonPool())) {
            assertEquals(20, r.samples().size());
            assertEquals(spec.totalMoves(), r.moves());
            assertTrue(r.maxDrift() < 1e-10, "drift " + r.maxDrift());
            assertTrue(r.meanArc() > 0);
            for (double[] w : r.samples()) {
                double norm = 0;
                for (double v : w) {
                    norm += v * v;
                }
                assertEquals(60, norm, 1e-9);
                assertEquals(0, inst.violations(w, -0.5));
            }
            assertTrue(PerceptronProblems.overlap(r.last(), r.start()) < 0.9, "the chain moved");
        }
    }

    /**
     * Chains are independent of the pool size and, for great circles, of the group a chain is batched
     * with: a chain alone gives bit-for-bit the samples it gives among three others.
     */
    @ParameterizedTest
    @EnumSource(HitAndRunMove.class)
    void chainsDoNotDependOnThreadsOrGrouping(HitAndRunMove move) {
        PerceptronInstance inst = instance(30, 30, 4, false);
        double[] start;
        try (io.dismc.backend.CpuBackend cpu = new io.dismc.backend.CpuBackend(1)) {
            start = HitAndRunSampler.descentStarts(inst, -0.5, List.of(new RandomStream(4, 4)), 20000, cpu).get(0);
        }
        List<HitAndRunSampler.Chain> cs = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            cs.add(new HitAndRunSampler.Chain(start, new RandomStream(8, c)));
        }
        HitAndRunSpec spec = new HitAndRunSpec(-0.5, move, 300, 50, 4, 40);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            List<ChainResult> a = HitAndRunSampler.sample(inst, cs, spec, one);
            List<ChainResult> b = HitAndRunSampler.sample(inst, cs, spec, two);
            List<ChainResult> alone = HitAndRunSampler.sample(inst, List.of(cs.get(4)), spec, two);
            for (int c = 0; c < 5; c++) {
                for (int k = 0; k < 4; k++) {
                    assertArrayEquals(a.get(c).samples().get(k), b.get(c).samples().get(k));
                }
            }
            assertArrayEquals(a.get(4).last(), alone.get(0).last());
            assertTrue(PerceptronProblems.overlap(a.get(0).last(), a.get(1).last()) < 0.99, "chains differ");
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }

    /**
     * The sorted scan of pair rotations (only constraints near the boundary, in increasing slack) finds
     * the same arcs as folding every constraint: the two chains agree to rounding after 20000 moves.
     */
    @Test
    void sortedPairScanEqualsFullScan() {
        PerceptronInstance inst = instance(80, 80, 6, false);
        double[] start;
        try (io.dismc.backend.CpuBackend cpu = new io.dismc.backend.CpuBackend(1)) {
            start = HitAndRunSampler.descentStarts(inst, -0.5, List.of(new RandomStream(6, 6)), 20000, cpu).get(0);
        }
        List<HitAndRunSampler.Chain> cs = List.of(new HitAndRunSampler.Chain(start, new RandomStream(6, 7)));
        HitAndRunSpec spec = new HitAndRunSpec(-0.5, HitAndRunMove.PAIR_ROTATION, 0, 5000, 5, 320);
        List<ChainResult> fast = HitAndRunSampler.sample(inst, cs, spec, ForkJoinPool.commonPool());
        List<ChainResult> full = HitAndRunSampler.samplePairsFullScan(inst, cs, spec);
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(full.get(0).samples().get(k), fast.get(0).samples().get(k), 1e-9, "sample " + k);
        }
        assertEquals(full.get(0).meanArc(), fast.get(0).meanArc(), 1e-9);
        assertTrue(PerceptronProblems.overlap(fast.get(0).last(), start) < 0.8, "the chain moved");
    }

    /** The default decorrelation time max(alpha^2, 1/2) N^2 (at least 1000) and the re-anchoring periods. */
    @Test
    void recommendedSpecFollowsTheMeasuredDecorrelationTimes() {
        assertEquals(160_000, HitAndRunSpec.decorrelationMoves(400, 400));
        assertEquals(80_000, HitAndRunSpec.decorrelationMoves(400, 200));
        assertEquals(4 * 40_000, HitAndRunSpec.decorrelationMoves(200, 400));
        assertEquals(1000, HitAndRunSpec.decorrelationMoves(10, 10));
        HitAndRunSpec pair = HitAndRunSpec.recommended(400, 400, -0.5, HitAndRunMove.PAIR_ROTATION, 3);
        assertEquals(1600, pair.reanchorEvery());
        assertEquals(160_000 * 3, pair.totalMoves());
        assertEquals(200, HitAndRunSpec.recommended(400, 400, -0.5, HitAndRunMove.GREAT_CIRCLE, 1).reanchorEvery());
    }

    @Test
    void rejectsInfeasibleStartsAndBadSpecs() {
        PerceptronInstance inst = instance(10, 10, 1, false);
        double[] w = new double[10];
        java.util.Arrays.fill(w, 1);
        assertThrows(IllegalArgumentException.class, () -> HitAndRunSampler.sample(inst,
                List.of(new HitAndRunSampler.Chain(w, new RandomStream(1, 1))), new HitAndRunSpec(5, HitAndRunMove.PAIR_ROTATION, 1, 1, 1, 1),
                ForkJoinPool.commonPool()));
        assertThrows(IllegalArgumentException.class, () -> HitAndRunSampler.sample(inst,
                List.of(new HitAndRunSampler.Chain(new double[3], new RandomStream(1, 1))),
                new HitAndRunSpec(-5, HitAndRunMove.PAIR_ROTATION, 1, 1, 1, 1), ForkJoinPool.commonPool()));
        assertThrows(IllegalArgumentException.class, () -> new HitAndRunSpec(0, HitAndRunMove.GREAT_CIRCLE, -1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new HitAndRunSpec(0, HitAndRunMove.GREAT_CIRCLE, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new HitAndRunSpec(Double.NaN, HitAndRunMove.GREAT_CIRCLE, 1, 1, 1, 1));
    }

    /** The arc of a single constraint is exact: A cos psi + B sin psi = K at both ends, and it is the piece containing 0. */
    @Test
    void arcEndsAreTheConstraintCrossings() {
        double[][] cases = {{0.3, 0.8, -0.2}, {0.9, -0.1, 0.5}, {-0.2, 0.5, -0.4}, {0.1, -0.9, -0.85}};
        for (double[] c : cases) {
            double a = c[0];
            double b = c[1];
            double k = c[2];
            HitAndRunSampler.Arc arc = new HitAndRunSampler.Arc();
            arc.reset();
            arc.fold(a, b, a - k);
            assertEquals(k, a * Math.cos(arc.hi) + b * Math.sin(arc.hi), 1e-12);
            assertEquals(k, a * Math.cos(-arc.lo) + b * Math.sin(-arc.lo), 1e-12);
            for (int q = 1; q < 100; q++) {
                double psi = -arc.lo + q * (arc.lo + arc.hi) / 100;
                assertTrue(a * Math.cos(psi) + b * Math.sin(psi) >= k - 1e-12);
            }
            assertTrue(arc.lo + arc.hi < 2 * Math.PI);
        }
        // a constraint that holds on the whole circle leaves it unbounded; the position is then uniform on (-pi, pi)
        HitAndRunSampler.Arc arc = new HitAndRunSampler.Arc();
        arc.reset();
        arc.fold(0.3, 0.4, 0.3 + 0.6);
        assertEquals(Double.POSITIVE_INFINITY, arc.hi);
        assertEquals(-Math.PI, arc.position(0), 0);
        assertEquals(2 * Math.PI, arc.length(), 0);
    }
}
