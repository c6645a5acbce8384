package io.dismc.bench;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.Network;
import io.dismc.backend.RelaxationStats;
import io.dismc.backend.SpinStack;
import io.dismc.backend.UpdateRule;
import io.dismc.data.SpinMatrix;
import io.dismc.model.FieldForm;
import io.dismc.model.HopfieldNetwork;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Attempted spin updates per second of asynchronous sweeps (a fixed number, no early stop) on a
 * Hopfield network with random patterns. Streams 101/102/103 and the checksum match
 * bench/sweep_bench.c, so the C program provably runs the same algorithm on the same numbers.
 */
final class SweepBenchmark {
    static final long PATTERN_STREAM = 101;
    static final long START_STREAM = 102;
    static final long DYNAMICS_STREAM = 103;

    record Result(double updatesPerSecond, long checksum, long flips) {}

    private final int n;
    private final int p;
    private final FieldForm form;
    private final Network network;
    private final long seed;

    SweepBenchmark(int n, int p, FieldForm form, long seed, CpuBackend backend) {
        this.n = n;
        this.p = p;
        this.form = form;
        this.seed = seed;
        SpinStack xi = backend.randomSpins(List.of(new RandomStream(seed, PATTERN_STREAM)), n, p);
        this.network = HopfieldNetwork.store(xi, form, backend);
    }

    byte[] start() {
        byte[] s = new byte[n];
        new RandomStream(seed, START_STREAM).spins(0, s, 0, n);
        return s;
    }

    /** replicas independent runs in parallel; replica 0 uses the C program's stream. */
    Result run(CpuBackend backend, double temperature, int sweeps, int replicas) {
        List<SpinMatrix> starts = new ArrayList<>();
        List<RandomStream> streams = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            starts.add(new SpinMatrix(n, 1, start()));
            streams.add(new RandomStream(seed, DYNAMICS_STREAM + 1000L * r));
        }
        DynamicsSpec spec = new DynamicsSpec(temperature, UpdateRule.GLAUBER, sweeps, false);
        try (SpinStack states = backend.spins(starts)) {
            long t0 = System.nanoTime();
            List<RelaxationStats> out = backend.relax(network, new int[replicas], states, streams, spec);
            double dt = (System.nanoTime() - t0) * 1e-9;
            return new Result((double) n * sweeps * replicas / dt, checksum(backend.read(states, 0).data()), out.get(0).flips());
        }
    }

    /** FNV-1a over the spins as unsigned bytes (as in sweep_bench.c). */
    static long checksum(byte[] s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    int n() {
        return n;
    }

    int p() {
        return p;
    }

    FieldForm form() {
        return form;
    }
}
