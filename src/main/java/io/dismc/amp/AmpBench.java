package io.dismc.amp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Timing harness for AMP (not a test; the lead can call {@link #measure} from ./dismc bench): the cost of
 * one iteration's two products (F a, F^T g) with stored and regenerated matrices, and whole batched
 * Bayes-optimal CS runs in instances per second. Entry point:
 * {@code java -cp target/classes:... io.dismc.amp.AmpBench [threads] [N ...]}.
 */
public final class AmpBench {
    private AmpBench() {}

    /**
     * Seconds per iteration (two products), wall clock and (single-threaded runs, pool null) CPU time of the
     * calling thread (robust on a shared machine; NaN with a pool), and the memory the matrices need.
     */
    public record ProductTiming(int n, int m, int batch, boolean stored, double secondsPerIteration, double cpuSecondsPerIteration,
                                long matrixBytes) {}

    /** Batched runs: instances per second for a fixed iteration count. */
    public record BatchTiming(int n, int m, int batch, int iterations, boolean stored, double seconds) {
        public double instancesPerSecond() {
            return batch / seconds;
        }
    }

    /** The two products of one iteration, repeated until at least minSeconds have passed (after one warm-up if asked). */
    public static ProductTiming products(int n, double alpha, int batch, boolean stored, ForkJoinPool pool, double minSeconds,
                                         boolean warmUp) {
        int m = (int) Math.round(alpha * n);
        long[] streams = new long[batch];
        for (int b = 0; b < batch; b++) {
            streams[b] = 17 + b;
        }
        SensingMatrices f = stored ? new StoredMatrices(1, streams, m, n, pool) : new RegeneratedMatrices(1, streams, m, n, pool);
        double[][] x = new double[batch][n];
        double[][] y = new double[batch][m];
        double[][] back = new double[batch][n];
        for (double[] row : x) {
            Arrays.fill(row, 0.5);
        }
        boolean[] active = new boolean[batch];
        Arrays.fill(active, true);
        if (warmUp) {
            f.multiply(x, y, active, false);
            f.multiplyTransposed(y, back, active, false);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        int reps = 0;
        long t0 = System.nanoTime();
        double elapsed;
        do {
            f.multiply(x, y, active, false);
            f.multiplyTransposed(y, back, active, false);
            reps++;
            elapsed = (System.nanoTime() - t0) * 1e-9;
        } while (elapsed < minSeconds);
        double cpu = pool == null ? (mx.getCurrentThreadCpuTime() - c0) * 1e-9 / reps : Double.NaN;
        return new ProductTiming(n, m, batch, stored, elapsed / reps, cpu, stored ? StoredMatrices.bytes(batch, m, n) : 0);
    }

    /** A batch of Bayes-optimal CS instances (rho = 0.2, Delta = 1e-4) for a fixed number of iterations. */
    public static BatchTiming batch(int n, double alpha, int batch, int iterations, boolean stored, ForkJoinPool pool) {
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-4), n, alpha);
        AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(iterations).withTolerance(0).withVarianceStop(0);
        List<InstanceStreams> streams = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            streams.add(new InstanceStreams(100 + b, 200 + b, 300 + b));
        }
        GampBatch amp = new GampBatch(p, s, pool);
        long t0 = System.nanoTime();
        if (stored) {
            amp.runStored(3, streams);
        } else {
            amp.runRegenerated(3, streams);
        }
        return new BatchTiming(n, p.m(), batch, iterations, stored, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Prints the table of the draft (docs/drafts/amp.md). args: threads for the batched runs, then the N
     * values of the single-threaded product timing (default 2000 10000); regenerated products are timed
     * once, without warm-up, above N = 10000 (an iteration there takes tens of seconds).
     */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int[] ns = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {2000, 10000};
        System.out.println("single thread, alpha=0.5: seconds per iteration (F a and F^T g), one instance");
        for (int n : ns) {
            for (boolean stored : new boolean[] {true, false}) {
                boolean big = !stored && n > 10000;
                ProductTiming t = products(n, 0.5, 1, stored, null, big ? 0 : 2.0, !big);
                System.out.printf(Locale.ROOT, "N=%d M=%d %-11s wall %.4g s  cpu %.4g s  (matrix %.3g GB)%n", t.n(), t.m(),
                    stored ? "stored" : "regenerated", t.secondsPerIteration(), t.cpuSecondsPerIteration(), t.matrixBytes() / 1e9);
            }
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (boolean stored : new boolean[] {true, false}) {
                int batch = stored ? 16 : 4;
                int iters = stored ? 50 : 5;
                batch(2000, 0.5, 2, 2, stored, pool); // warm-up
                BatchTiming t = batch(2000, 0.5, batch, iters, stored, pool);
                System.out.printf(Locale.ROOT, "%d threads, batch N=2000 B=%d %d iterations %-11s %.3g s: %.3g instances/s (%.3g instance-iterations/s)%n",
                    threads, batch, iters, stored ? "stored" : "regenerated", t.seconds(), t.instancesPerSecond(), t.instancesPerSecond() * iters);
            }
        } finally {
            pool.shutdown();
        }
        long t0 = System.nanoTime();
        List<StateEvolutionGrid.CsRow> rows = StateEvolutionGrid.compressedSensing(new double[] {0.2}, new double[] {1e-8}, new double[] {0.3, 0.4, 0.5});
        System.out.printf(Locale.ROOT, "state evolution: %d CS points (uninformed + informed runs, alpha_BP, alpha_l1) in %.3g s%n", rows.size(),
            (System.nanoTime() - t0) * 1e-9);
    }
}
