package io.dismc.bench;

import io.dismc.amp.AmpProblem;
import io.dismc.amp.AmpSettings;
import io.dismc.amp.GampBatch;
import io.dismc.amp.GaussBernoulliPrior;
import io.dismc.amp.GaussianNoiseChannel;
import io.dismc.amp.InstanceStreams;
import io.dismc.amp.StateEvolutionGrid;
import io.dismc.amp.Thresholds;
import io.dismc.backend.Backend;
import io.dismc.backend.GaussianMatrices;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The AMP section of the benchmark (docs/models.md 4.6): the cost of one iteration's two products (F a and
 * F^T g) with stored and with regenerated Gaussian matrices at N = 2000, 10000 and the largest N whose
 * matrix the heap (or the device) holds within a few GB, on one instance; whole batched Bayes-optimal CS
 * runs in instances per second; state evolution and threshold timings. Measured, never asserted.
 */
final class AmpBench {
    /** alpha = M/N of every timing. */
    static final double ALPHA = 0.5;

    private AmpBench() {}

    /**
     * Seconds per iteration of the two products on one instance: wall clock, and the CPU time of the whole
     * process (robust where other jobs share the cores; it includes the JIT and the collector).
     */
    record ProductTiming(int n, int m, boolean stored, double seconds, double cpuSeconds, int repetitions) {}

    /** CPU seconds this process has used (NaN where the JVM does not say). */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() * 1e-9;
        }
        return Double.NaN;
    }

    /** The two products of one iteration, repeated until minSeconds have passed (after one warm-up when asked). */
    static ProductTiming products(Backend backend, int n, boolean stored, double minSeconds, boolean warmUp) {
        int m = (int) Math.round(ALPHA * n);
        double[][] x = new double[1][n];
        double[][] y = new double[1][m];
        double[][] back = new double[1][n];
        Arrays.fill(x[0], 0.5);
        boolean[] active = {true};
        try (GaussianMatrices f = backend.linear().gaussianMatrices(1, new long[] {17}, m, n, stored)) {
            if (warmUp) {
                f.multiply(x, y, active, false);
                f.multiplyTransposed(y, back, active, false);
            }
            int reps = 0;
            double c0 = processCpuSeconds();
            long t0 = System.nanoTime();
            double elapsed;
            do {
                f.multiply(x, y, active, false);
                f.multiplyTransposed(y, back, active, false);
                reps++;
                elapsed = (System.nanoTime() - t0) * 1e-9;
            } while (elapsed < minSeconds);
            return new ProductTiming(n, m, stored, elapsed / reps, (processCpuSeconds() - c0) / reps, reps);
        }
    }

    /** Seconds for a batch of Bayes-optimal CS instances (rho = 0.2, Delta = 1e-4) run for a fixed number of iterations. */
    static double batch(Backend backend, int n, int instances, int iterations, boolean stored) {
        AmpProblem p = AmpProblem.of(GaussBernoulliPrior.standard(0.2), new GaussianNoiseChannel(1e-4), n, ALPHA);
        AmpSettings s = AmpSettings.bayesOptimal(p).withMaxIterations(iterations).withTolerance(0).withVarianceStop(0);
        List<InstanceStreams> streams = new ArrayList<>();
        for (int b = 0; b < instances; b++) {
            streams.add(new InstanceStreams(100 + b, 200 + b, 300 + b));
        }
        long t0 = System.nanoTime();
        new GampBatch(p, s, backend.pool()).run(backend.linear(), stored, 3, streams);
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** The largest N (a multiple of 1000) whose alpha = 0.5 matrix takes at most the given bytes. */
    static int largestStoredN(long bytes) {
        int n = (int) Math.sqrt(bytes / (8.0 * ALPHA));
        return Math.max(1000, n - n % 1000);
    }

    /**
     * Prints the section. one: the backend of the per-iteration timings (one thread on the CPU); all: the
     * batched runs'. storeBytes: what one stored matrix may take (the largest N is chosen from it); smoke:
     * tiny sizes that only check every call end to end.
     */
    static void print(PrintStream out, Backend one, Backend all, boolean quick, long storeBytes, boolean smoke) {
        int big = largestStoredN(storeBytes);
        int[] sizes = smoke ? new int[] {200} : quick ? new int[] {2000} : new int[] {2000, 10000, big};
        double minSeconds = smoke ? 0 : quick ? 0.3 : 1.0;
        out.printf(Locale.ROOT, "AMP products F a and F^T g, alpha = M/N = %.1f, one instance (%s; %s): seconds per iteration%n", ALPHA,
                one.name(), one.description());
        out.printf(Locale.ROOT, "  %-8s %-8s %10s %14s %12s %18s %12s %8s%n", "N", "M", "stored F", "stored wall", "(cpu)",
                "regenerated wall", "(cpu)", "ratio");
        for (int n : sizes) {
            ProductTiming s = products(one, n, true, minSeconds, true);
            // regeneration at large N takes tens of seconds per iteration on a CPU: timed once, without warm-up
            boolean slow = !smoke && one.name().equals("cpu") && n > 10000;
            ProductTiming r = products(one, n, false, slow || quick ? 0 : minSeconds, !slow && !quick);
            out.printf(Locale.ROOT, "  %-8d %-8d %7.2f GB %14.4g %12.4g %18.4g %12.4g %7.1fx%n", n, s.m(), 8.0 * s.m() * n / 1e9,
                    s.seconds(), s.cpuSeconds(), r.seconds(), r.cpuSeconds(), r.seconds() / s.seconds());
        }
        int n = smoke ? 200 : 2000;
        int storedBatch = smoke ? 2 : 16;
        int storedIterations = smoke ? 2 : quick ? 20 : 50;
        int regenBatch = smoke ? 2 : 4;
        int regenIterations = smoke ? 2 : quick ? 2 : 5;
        batch(all, n, 2, 2, true); // warm-up
        out.printf(Locale.ROOT, "AMP batched instances (Bayes-optimal CS, rho = 0.2, Delta = 1e-4, N = %d, alpha = %.1f; %s, %d threads)%n", n,
                ALPHA, all.name(), all.threads());
        for (boolean stored : new boolean[] {true, false}) {
            int b = stored ? storedBatch : regenBatch;
            int it = stored ? storedIterations : regenIterations;
            double t = batch(all, n, b, it, stored);
            out.printf(Locale.ROOT, "  %-11s B = %-3d %3d iterations %8.3f s: %8.3g instance-iterations/s (%.3g instances/s of %d iterations;"
                    + " generation included)%n", stored ? "stored" : "regenerated", b, it, t, b * it / t, b / t, it);
        }
        long t0 = System.nanoTime();
        List<StateEvolutionGrid.CsRow> rows = StateEvolutionGrid.compressedSensing(new double[] {0.2}, new double[] {1e-8},
                new double[] {0.3, 0.4, 0.5});
        double grid = (System.nanoTime() - t0) * 1e-9;
        double gridPerRow = grid / rows.size();
        t0 = System.nanoTime();
        double ait = Thresholds.binaryPerceptronIt().alpha();
        double it = (System.nanoTime() - t0) * 1e-9;
        out.printf(Locale.ROOT, "AMP state evolution: %d CS rows (uninformed + informed SE, alpha_BP, alpha_l1) %.3f s (%.0f ms a row);"
                + " alpha_IT(+-1 perceptron) = %.5f in %.3f s%n", rows.size(), grid, gridPerRow * 1e3, ait, it);
    }
}
