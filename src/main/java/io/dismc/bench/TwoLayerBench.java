package io.dismc.bench;

import io.dismc.rng.RandomStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The two-layer section of the benchmark: Langevin steps per second against the matrix-product roofline. */
final class TwoLayerBench {
    private TwoLayerBench() {}

    /**
     * Langevin steps per second of two-layer networks, narrow (N = 1000, K = 4, P = 4000) and wide
     * (N = 256, K = 4096, P = 1024), replicas in parallel, and the fraction of the double-precision
     * FMA peak the forward and backward products (2 K N P FMAs per step) reach. The peak is nominal:
     * cores x 2 FMA units x 4 lanes x the clock /proc/cpuinfo reports.
     */
    static void print(PrintStream out, io.dismc.backend.Backend backend, boolean quick) {
        int[][] shapes = {{1000, 4, 4000}, {256, 4096, 1024}};
        String[] names = {"narrow", "wide"};
        boolean cpu = backend.name().equals("cpu");
        double peak = cpu ? cpuPeakFma(backend.threads()) : Double.NaN;
        double bandwidth = cpu ? MemoryBandwidth.measure(backend.pool(), backend.threads()) : Double.NaN;
        out.printf(Locale.ROOT, "Two-layer Langevin steps (%s)%s%n", backend.name(), !cpu ? ""
                : String.format(Locale.ROOT, ", nominal peak %.1f GFMA/s, measured memory read bandwidth %.1f GB/s", peak / 1e9,
                        bandwidth / 1e9));
        for (int s = 0; s < shapes.length; s++) {
            int n = shapes[s][0];
            int k = shapes[s][1];
            int p = shapes[s][2];
            int replicas = quick ? 1 : Math.max(2, backend.threads());
            int steps = quick ? 1 : (s == 0 ? 20 : 2);
            io.dismc.twolayer.TwoLayerNetwork net = new io.dismc.twolayer.TwoLayerNetwork(n, k, io.dismc.twolayer.Activation.ERF,
                    io.dismc.twolayer.Parameterization.MUP, 1.0, false);
            io.dismc.twolayer.Dataset d = io.dismc.twolayer.Dataset.gaussianInputs(n, p, new RandomStream(14, s));
            List<float[]> starts = new java.util.ArrayList<>();
            List<RandomStream> streams = new java.util.ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                starts.add(io.dismc.twolayer.TwoLayerTrainer.initialWeights(net, new RandomStream(15, r)));
                streams.add(new RandomStream(16, r));
            }
            io.dismc.twolayer.TrainingSpec spec = new io.dismc.twolayer.TrainingSpec(0.01, 0.001, 0, 0, steps, 0, 1);
            io.dismc.twolayer.TwoLayerTrainer.train(net, d, starts, null, streams, // JIT warm-up
                    new io.dismc.twolayer.TrainingSpec(0.01, 0.001, 0, 0, 1, 0, 1), backend, (st, w, l) -> {});
            long t0 = System.nanoTime();
            io.dismc.twolayer.TwoLayerTrainer.train(net, d, starts, null, streams, spec, backend, (st, w, l) -> {});
            double dt = (System.nanoTime() - t0) * 1e-9;
            double fma = 2.0 * k * n * p * (steps + 1) * replicas; // steps + 1 gradient evaluations
            // memory traffic per gradient: the inputs in both passes, W and its gradient, the K x P pass arrays
            double bytes = 8.0 * (2.0 * n * p + 2.0 * k * n + 6.0 * k * p) * (steps + 1) * replicas;
            double roofline = Math.min(peak, fma / bytes * bandwidth);
            out.printf(Locale.ROOT, "  %-6s N=%d K=%d P=%d, %d replicas: %.3e steps/s, %.2f GFMA/s%s%n", names[s], n, k, p, replicas,
                    steps * replicas / dt, fma / dt / 1e9, Double.isNaN(roofline) ? ""
                            : String.format(Locale.ROOT, " (%.0f%% of the roofline %.1f GFMA/s = min(peak, %.2f FMA/byte x bandwidth))",
                                    100 * fma / dt / roofline, roofline / 1e9, fma / bytes));
        }
    }

    static double cpuPeakFma(int threads) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz")) {
                    double mhz = Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                    return threads * 2.0 * 4 * mhz * 1e6;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no clock known
        }
        return Double.NaN;
    }
}
