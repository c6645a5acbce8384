package io.dismc.bench;

import io.dismc.backend.CpuBackend;
import io.dismc.cli.UsageError;
import io.dismc.model.FeatureKind;
import io.dismc.model.FieldForm;
import io.dismc.model.HebbianCouplings;
import io.dismc.model.LatentKind;
import io.dismc.model.RandomFeaturesHopfieldModel;
import io.dismc.model.SpinMatrix;
import io.dismc.rng.RandomStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code dismc bench}: CPU throughput of the engine's hot paths, measured, never asserted.
 * Sweeps: attempted spin updates per second at N = 2000 and 10000 (alpha = 0.1), pattern and J
 * forms, T = 0 and T = 0.5 (Glauber), 1 thread and all threads, each against the same algorithm in C
 * (bench/sweep_bench.c; checksums must agree). Products: RFHM pattern generation (F c) and the Hebbian
 * product at N = 10000, alpha_D = 0.1, alpha = 0.5, against NumPy's float32 GEMM at the same size.
 */
public final class BenchCommand {
    private BenchCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean quick = false;
        boolean withC = true;
        boolean withNumpy = true;
        String backend = "cpu";
        String only = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-c" -> withC = false;
                case "--no-numpy" -> withNumpy = false;
                case "--only" -> {
                    only = i + 1 < args.length ? args[++i] : "";
                    if (!SECTIONS.contains(only)) {
                        throw new UsageError("--only: '" + only + "' is not a section (accepted: " + String.join(", ", SECTIONS) + ")");
                    }
                }
                case "--backend" -> {
                    backend = i + 1 < args.length ? args[++i] : "";
                    if (!backend.equals("cpu") && !backend.equals("cuda")) {
                        throw new UsageError("--backend: '" + backend + "' is not a backend (accepted: cpu, cuda)");
                    }
                }
                case "--threads" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageError("--threads: missing value (accepted: integers in [1, 4096])");
                    }
                    try {
                        threads = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        threads = 0;
                    }
                    if (threads < 1 || threads > 4096) {
                        throw new UsageError("--threads: '" + args[i] + "' is out of range (accepted: integers in [1, 4096])");
                    }
                }
                default -> throw new UsageError("bench: unknown option " + args[i]
                        + " (accepted: --quick, --threads N, --backend cpu|cuda, --only SECTION, --no-c, --no-numpy)");
            }
        }
        if (backend.equals("cuda")) {
            io.dismc.backend.CudaProbe.Verdict v = io.dismc.backend.CudaProbe.verdict();
            if (!v.usable()) {
                throw new UsageError("--backend cuda: CUDA is not usable on this machine: " + v.reason() + " (accepted here: --backend cpu)");
            }
            if (only != null) {
                throw new UsageError("--only: sections are those of the CPU benchmark (accepted: --only with --backend cpu)");
            }
            CudaBench.run(out, threads, quick);
            return 0;
        }
        Path home = Path.of(System.getProperty("dismc.home", "."));
        ExternalBaselines ext = new ExternalBaselines(home);
        double seconds = quick ? 0.15 : 1.0;
        int[] sizes = quick ? new int[] {2000} : new int[] {2000, 10000};
        out.printf(Locale.ROOT, "dismc bench: CPU backend, %d threads available, %s%n", threads,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (CpuBackend one = new CpuBackend(1); CpuBackend all = new CpuBackend(threads)) {
            out.println("kernels: " + one.kernels().name());
            out.println();
            if (only == null || only.equals("sweeps")) {
                sweeps(out, one, all, threads, sizes, seconds, withC, ext);
                out.println();
            }
            if (only == null || only.equals("perceptron")) {
                perceptron(out, one, all, threads, quick);
                out.println();
            }
            if (only == null || only.equals("two-layer")) {
                twoLayer(out, all, quick);
                out.println();
            }
            if (only == null || only.equals("products")) {
                products(out, all, threads, quick, withNumpy, ext);
            }
        }
        return 0;
    }

    /** The sections of the benchmark, in the order they run (--only picks one). */
    static final java.util.List<String> SECTIONS = java.util.List.of("sweeps", "perceptron", "two-layer", "products");

    static void sweeps(PrintStream out, CpuBackend one, CpuBackend all, int threads, int[] sizes, double seconds, boolean withC,
                       ExternalBaselines ext) throws java.io.IOException {
        out.println("Asynchronous sweeps, alpha = 0.1 (P = N/10), random start; attempted spin updates per second");
        out.printf(Locale.ROOT, "%-7s %-8s %-5s %9s %14s %14s %14s %9s %s%n", "N", "form", "T", "sweeps",
                "1 thread", threads + " threads", "C -O3 1 thr", "Java/C", "same result");
        for (int n : sizes) {
            for (FieldForm form : new FieldForm[] {FieldForm.PATTERN, FieldForm.J}) {
                SweepBenchmark b = new SweepBenchmark(n, n / 10, form, 1, all);
                for (double t : new double[] {0.0, 0.5}) {
                    b.run(one, t, 3, 1); // JIT warm-up
                    int sweeps = calibrate(b, one, t, seconds);
                    SweepBenchmark.Result r1 = b.run(one, t, sweeps, 1);
                    SweepBenchmark.Result rAll = b.run(all, t, sweeps, threads);
                    String c = "-";
                    String ratio = "-";
                    String same = "-";
                    if (withC && ext.cProgram().isPresent()) {
                        ExternalBaselines.CResult cr = ext.runC(n, n / 10, form == FieldForm.J ? "j" : "pattern", t, sweeps, 1);
                        c = sci(cr.updatesPerSecond());
                        ratio = String.format(Locale.ROOT, "%.2f", r1.updatesPerSecond() / cr.updatesPerSecond());
                        same = cr.checksum() == r1.checksum() && cr.flips() == r1.flips() ? "yes" : "NO";
                    }
                    out.printf(Locale.ROOT, "%-7d %-8s %-5s %9d %14s %14s %14s %9s %s%n", n, form.name().toLowerCase(Locale.ROOT),
                            t == 0 ? "0" : "0.5", sweeps, sci(r1.updatesPerSecond()), sci(rAll.updatesPerSecond()), c, ratio, same);
                }
            }
        }
        if (withC && ext.cProgram().isEmpty()) {
            out.println("(C comparison skipped: " + ext.cProblem() + ")");
        }
    }

    /**
     * Perceptron solvers at N = 1000, alpha = 0.5: SA attempted flips per second (kappa = 2, so no
     * replica stops early) and spherical Langevin steps per second (gradient + step + projection).
     */
    static void perceptron(PrintStream out, io.dismc.backend.Backend one, io.dismc.backend.Backend all, int threads, boolean quick) {
        int n = 1000;
        int p = 500;
        io.dismc.model.PerceptronInstance inst = io.dismc.perceptron.PerceptronProblems.instance(
                io.dismc.perceptron.PerceptronProblems.inputs(n, p, false, new RandomStream(9, 1)),
                io.dismc.perceptron.PerceptronProblems.randomLabels(p, new RandomStream(9, 2)), n, p, false);
        out.printf(Locale.ROOT, "Perceptron, N = %d, alpha = 0.5 (%s)%n", n, all.name());
        int sweeps = quick ? 5 : 40;
        for (io.dismc.backend.Backend b : new io.dismc.backend.Backend[] {one, all}) {
            List<io.dismc.dynamics.Replica> reps = new java.util.ArrayList<>();
            for (int k = 0; k < b.threads() * 4; k++) {
                byte[] w0 = new byte[n];
                new RandomStream(10, k).spins(0, w0, 0, n);
                reps.add(new io.dismc.dynamics.Replica(w0, new RandomStream(11, k)));
            }
            io.dismc.perceptron.AnnealSpec spec = new io.dismc.perceptron.AnnealSpec(2, 50, sweeps, 2.0, 1);
            b.anneal(inst, reps.subList(0, 1), new io.dismc.perceptron.AnnealSpec(2, 50, 2, 2.0, 1)); // warm-up
            long t0 = System.nanoTime();
            b.anneal(inst, reps, spec);
            double dt = (System.nanoTime() - t0) * 1e-9;
            out.printf(Locale.ROOT, "  SA flips, %2d threads, %3d replicas: %.3e attempted flips/s%n", b.threads(), reps.size(),
                    (double) n * sweeps * reps.size() / dt);
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

    /**
     * Langevin steps per second of two-layer networks, narrow (N = 1000, K = 4, P = 4000) and wide
     * (N = 256, K = 4096, P = 1024), replicas in parallel, and the fraction of the double-precision
     * FMA peak the forward and backward products (2 K N P FMAs per step) reach. The peak is nominal:
     * cores x 2 FMA units x 4 lanes x the clock /proc/cpuinfo reports.
     */
    static void twoLayer(PrintStream out, io.dismc.backend.Backend backend, boolean quick) {
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

    /** Sweeps that take about the target time on one thread. */
    static int calibrate(SweepBenchmark b, CpuBackend one, double t, double seconds) {
        int sweeps = 2;
        while (true) {
            long t0 = System.nanoTime();
            b.run(one, t, sweeps, 1);
            double dt = (System.nanoTime() - t0) * 1e-9;
            if (dt > seconds / 4 || sweeps > 100_000) {
                return Math.max(2, (int) Math.ceil(sweeps * seconds / dt));
            }
            sweeps *= 4;
        }
    }

    static void products(PrintStream out, CpuBackend all, int threads, boolean quick, boolean withNumpy, ExternalBaselines ext) {
        int n = quick ? 2000 : 10000;
        int d = n / 10;
        int p = n / 2;
        out.printf(Locale.ROOT, "RFHM pattern generation + Hebbian product, N = %d, alpha_D = 0.1 (D = %d), alpha = 0.5 (P = %d), %d threads%n",
                n, d, p, threads);
        RandomFeaturesHopfieldModel model = new RandomFeaturesHopfieldModel(n, d, FeatureKind.BINARY);
        // warm-up at a small size so the JIT has compiled the kernels
        RandomFeaturesHopfieldModel small = new RandomFeaturesHopfieldModel(500, 50, FeatureKind.BINARY);
        all.hebbian(small.densePatterns(small.features(new RandomStream(2, 1), all), 400, LatentKind.GAUSSIAN, new RandomStream(2, 2), all));
        long t0 = System.nanoTime();
        RandomFeaturesHopfieldModel.Features f = model.features(new RandomStream(1, 1), all);
        long t1 = System.nanoTime();
        SpinMatrix xi = model.densePatterns(f, p, LatentKind.GAUSSIAN, new RandomStream(1, 2), all);
        long t2 = System.nanoTime();
        HebbianCouplings j = all.hebbian(xi);
        long t3 = System.nanoTime();
        double proj = (t2 - t1) * 1e-9;
        double heb = (t3 - t2) * 1e-9;
        out.printf(Locale.ROOT, "  features (N x D spins)              %8.3f s%n", (t1 - t0) * 1e-9);
        out.printf(Locale.ROOT, "  latents + sign(F c) (exact, double) %8.3f s   %.1f GFMA/s%n", proj, (double) n * d * p / proj / 1e9);
        out.printf(Locale.ROOT, "  Hebbian N J = xi xi^T (popcount)    %8.3f s   %.1f G(+-1 MAC)/s%n", heb, (double) n * n * p / heb / 1e9);
        out.printf(Locale.ROOT, "  total                               %8.3f s   (checksum J[0][1] = %d)%n", (t3 - t0) * 1e-9, j.get(0, 1));
        if (withNumpy) {
            Optional<String> np = ext.numpyGemm(n, p);
            if (np.isPresent()) {
                String[] parts = np.get().split(" ");
                double sec = Double.parseDouble(parts[0]);
                out.printf(Locale.ROOT, "  NumPy float32 GEMM X X^T (%s)  %8.3f s   -> Hebbian speedup %.1fx%n", parts[1], sec, sec / heb);
            } else {
                out.println("  (NumPy comparison skipped: python3 with numpy not found)");
            }
        }
    }

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
