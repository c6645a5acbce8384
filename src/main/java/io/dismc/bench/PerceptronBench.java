package io.dismc.bench;

import io.dismc.rng.RandomStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The perceptron section of the benchmark: SA flips and spherical Langevin steps per second. */
final class PerceptronBench {
    private PerceptronBench() {}

    /**
     * Perceptron solvers at N = 1000, alpha = 0.5: SA attempted flips per second (kappa = 2, so no
     * replica stops early) and spherical Langevin steps per second (gradient + step + projection).
     */
    static void print(PrintStream out, io.dismc.backend.Backend one, io.dismc.backend.Backend all, int threads, boolean quick) {
        int n = 1000;
        int p = 500;
        io.dismc.data.PerceptronInstance inst = io.dismc.perceptron.PerceptronProblems.instance(
                io.dismc.perceptron.PerceptronProblems.inputs(n, p, false, new RandomStream(9, 1)),
                io.dismc.perceptron.PerceptronProblems.randomLabels(p, new RandomStream(9, 2)), n, p, false);
        out.printf(Locale.ROOT, "Perceptron, N = %d, alpha = 0.5 (%s)%n", n, all.name());
        int sweeps = quick ? 5 : 40;
        for (io.dismc.backend.Backend b : new io.dismc.backend.Backend[] {one, all}) {
            List<byte[]> w0 = new java.util.ArrayList<>();
            List<RandomStream> noise = new java.util.ArrayList<>();
            for (int k = 0; k < b.threads() * 4; k++) {
                byte[] w = new byte[n];
                new RandomStream(10, k).spins(0, w, 0, n);
                w0.add(w);
                noise.add(new RandomStream(11, k));
            }
            io.dismc.backend.AnnealSpec spec = new io.dismc.backend.AnnealSpec(2, 50, sweeps, 2.0, 1);
            b.anneal(List.of(inst), new int[1], w0.subList(0, 1), noise.subList(0, 1), new io.dismc.backend.AnnealSpec(2, 50, 2, 2.0, 1));
            long t0 = System.nanoTime();
            b.anneal(List.of(inst), new int[w0.size()], w0, noise, spec);
            double dt = (System.nanoTime() - t0) * 1e-9;
            out.printf(Locale.ROOT, "  SA flips, %2d threads, %3d replicas: %.3e attempted flips/s%n", b.threads(), w0.size(),
                    (double) n * sweeps * w0.size() / dt);
        }
        int steps = quick ? 20 : 200;
        List<float[]> starts = new java.util.ArrayList<>();
        List<RandomStream> streams = new java.util.ArrayList<>();
        for (int k = 0; k < all.threads() * 4; k++) {
            starts.add(io.dismc.perceptron.SphericalDescent.randomStart(n, new RandomStream(12, k)));
            streams.add(new RandomStream(13, k));
        }
        io.dismc.perceptron.DescentSpec ds = new io.dismc.perceptron.DescentSpec(0.01, 0.1, steps, 2.0, 1);
        io.dismc.perceptron.SphericalDescent.run(inst, starts.subList(0, 1), streams.subList(0, 1),
                new io.dismc.perceptron.DescentSpec(0.01, 0.1, 2, 2.0, 1), all);
        long t0 = System.nanoTime();
        io.dismc.perceptron.SphericalDescent.run(inst, starts, streams, ds, all);
        double dt = (System.nanoTime() - t0) * 1e-9;
        out.printf(Locale.ROOT, "  spherical Langevin, %d replicas: %.3e steps/s (%.2f GFLOP/s in the two matrix-vector products)%n",
                starts.size(), steps * starts.size() / dt, 4.0 * n * p * steps * starts.size() / dt / 1e9);
    }
}
