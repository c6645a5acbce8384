package io.dismc.perceptron;

import io.dismc.parallel.Parallel;
import io.dismc.rng.SweepSchedule;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Single-flip Monte Carlo of a binary perceptron started from a solution: at zero temperature it
 * samples the uniform measure on the solutions reachable by single flips that keep every constraint
 * Delta^mu &gt;= kappa, at finite beta the Gibbs measure exp(-beta E) with E the number of violated
 * constraints (docs/models.md 2.2.3). Typical binary solutions are isolated,
 * so from an algorithmic (dense-region) solution this explores the dense region around it.
 * <p>
 * A flip of w_i moves every field h^mu = xi^mu . w by -2 w_i xi_i^mu, one contiguous row of the site-major
 * instance: O(P) per attempted flip, for the energy change and for the update. With +-1 inputs the
 * fields are exact integers (threshold ceil(kappa sqrt N)); with real inputs they are doubles,
 * recomputed from scratch after every sweep so that rounding cannot accumulate. Sites are visited in
 * the engine's per-sweep permutation and acceptance uniforms ({@link SweepSchedule}) of the chain's stream.
 */
public final class ZeroEnergyMonteCarlo {
    private ZeroEnergyMonteCarlo() {}

    /** Sees the state after every sweep (sweep counted from 1): the weights and the incrementally kept fields. */
    @FunctionalInterface
    public interface SweepObserver {
        void afterSweep(int sweep, byte[] weights, double[] fields);
    }

    /** Independent chains on one instance, in parallel; result k belongs to start k and stream k. */
    public static List<FlipMcResult> runAll(PerceptronInstance inst, List<byte[]> starts, List<RandomStream> streams, FlipMcSpec spec,
                                            ForkJoinPool pool) {
        if (starts.size() != streams.size()) {
            throw new IllegalArgumentException(starts.size() + " starts but " + streams.size() + " streams");
        }
        FlipMcResult[] out = new FlipMcResult[starts.size()];
        Parallel.forEach(pool, starts.size(), k -> out[k] = run(inst, starts.get(k), streams.get(k), spec, null));
        return List.of(out);
    }

    public static FlipMcResult run(PerceptronInstance inst, byte[] start, RandomStream stream, FlipMcSpec spec) {
        return run(inst, start, stream, spec, null);
    }

    /** As {@link #run(PerceptronInstance, byte[], RandomStream, FlipMcSpec)}, calling the observer after every sweep. */
    public static FlipMcResult run(PerceptronInstance inst, byte[] start, RandomStream stream, FlipMcSpec spec, SweepObserver observer) {
        int n = inst.n();
        if (start.length != n) {
            throw new IllegalArgumentException("start has " + start.length + " weights, the instance " + n);
        }
        for (byte b : start) {
            if (b != 1 && b != -1) {
                throw new IllegalArgumentException("binary weights must be +-1");
            }
        }
        return inst.binaryInputs() ? new IntegerChain(inst, start, spec).run(stream, observer)
                : new RealChain(inst, start, spec).run(stream, observer);
    }

    /** Weights as doubles (for the instance's double-valued helpers). */
    static double[] asDoubles(byte[] w) {
        double[] d = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            d[i] = w[i];
        }
        return d;
    }

    /** The sweep loop shared by both field types. */
    private abstract static class Chain {
        final PerceptronInstance inst;
        final int n;
        final int p;
        final byte[] w;
        final FlipMcSpec spec;
        int energy;

        Chain(PerceptronInstance inst, byte[] start, FlipMcSpec spec) {
            this.inst = inst;
            this.n = inst.n();
            this.p = inst.p();
            this.w = start.clone();
            this.spec = spec;
        }

        /** Violated constraints after flipping site i. */
        abstract int energyAfterFlip(int i);

        abstract void flip(int i);

        /** After a sweep: the fields for the observer (recomputed first where they are real). */
        abstract double[] endSweep();

        FlipMcResult run(RandomStream stream, SweepObserver observer) {
            boolean zeroT = spec.zeroTemperature();
            SweepSchedule.Draws draws = new SweepSchedule.Draws(n, stream, !zeroT);
            List<byte[]> samples = new ArrayList<>();
            List<Integer> energies = new ArrayList<>();
            long attempted = 0;
            long accepted = 0;
            for (int t = 0; t < spec.sweeps(); t++) {
                draws.begin(t);
                for (int pos = 0; pos < n; pos++) {
                    int i = draws.site(pos);
                    int dE = energyAfterFlip(i) - energy;
                    attempted++;
                    boolean accept = dE <= 0 || (!zeroT && draws.uniform(pos) < Math.exp(-spec.beta() * dE));
                    if (accept) {
                        flip(i);
                        energy += dE;
                        accepted++;
                    }
                }
                double[] fields = endSweep();
                if (observer != null) {
                    observer.afterSweep(t + 1, w.clone(), fields);
                }
                if ((t + 1) % spec.thin() == 0) {
                    samples.add(w.clone());
                    energies.add(energy);
                }
            }
            int[] e = energies.stream().mapToInt(Integer::intValue).toArray();
            return new FlipMcResult(w.clone(), List.copyOf(samples), e, attempted, accepted, inst.violations(asDoubles(w), spec.kappa()));
        }
    }

    /** +-1 inputs: integer fields, exact. */
    private static final class IntegerChain extends Chain {
        final byte[] xi;
        final int[] h;
        final int threshold;

        IntegerChain(PerceptronInstance inst, byte[] start, FlipMcSpec spec) {
            super(inst, start, spec);
            xi = inst.asSpins().data();
            h = new int[p];
            for (int i = 0; i < n; i++) {
                int off = i * p;
                for (int mu = 0; mu < p; mu++) {
                    h[mu] += w[i] * xi[off + mu];
                }
            }
            threshold = (int) Math.ceil(spec.kappa() * Math.sqrt(n));
            for (int x : h) {
                energy += x < threshold ? 1 : 0;
            }
        }

        @Override
        int energyAfterFlip(int i) {
            int step = -2 * w[i];
            int off = i * p;
            int t = threshold;
            int count = 0;
            for (int mu = 0; mu < p; mu++) {
                count += h[mu] + step * xi[off + mu] < t ? 1 : 0;
            }
            return count;
        }

        @Override
        void flip(int i) {
            int step = -2 * w[i];
            int off = i * p;
            for (int mu = 0; mu < p; mu++) {
                h[mu] += step * xi[off + mu];
            }
            w[i] = (byte) -w[i];
        }

        @Override
        double[] endSweep() {
            double[] d = new double[p];
            for (int mu = 0; mu < p; mu++) {
                d[mu] = h[mu];
            }
            return d;
        }
    }

    /** Real inputs: double fields, recomputed after every sweep. */
    private static final class RealChain extends Chain {
        final double[] xi;
        double[] h;
        final double threshold;

        RealChain(PerceptronInstance inst, byte[] start, FlipMcSpec spec) {
            super(inst, start, spec);
            xi = inst.xi();
            threshold = spec.kappa() * Math.sqrt(n);
            recompute();
        }

        void recompute() {
            h = inst.fields(asDoubles(w));
            energy = 0;
            for (double x : h) {
                energy += x < threshold ? 1 : 0;
            }
        }

        @Override
        int energyAfterFlip(int i) {
            double step = -2.0 * w[i];
            int off = i * p;
            int count = 0;
            for (int mu = 0; mu < p; mu++) {
                count += h[mu] + step * xi[off + mu] < threshold ? 1 : 0;
            }
            return count;
        }

        @Override
        void flip(int i) {
            double step = -2.0 * w[i];
            int off = i * p;
            for (int mu = 0; mu < p; mu++) {
                h[mu] += step * xi[off + mu];
            }
            w[i] = (byte) -w[i];
        }

        @Override
        double[] endSweep() {
            recompute();
            return h.clone();
        }
    }
}
