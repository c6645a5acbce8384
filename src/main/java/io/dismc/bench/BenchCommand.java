package io.dismc.bench;

import io.dismc.backend.CpuBackend;
import io.dismc.params.UsageError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dismc bench}: throughput of the engine's hot paths, measured, never asserted. Parses the
 * options and runs the CPU sections in order ({@link SweepTable}: sweeps against the C reference;
 * {@link PerceptronBench}; {@link TwoLayerBench}: against the matrix-product roofline;
 * {@link ProductBench}: pattern generation and the Hebbian product against NumPy; {@link AmpBench}: AMP's
 * products with stored and regenerated matrices, batched instances), or with
 * --backend cuda the GPU benchmark ({@link CudaBench}).
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
                SweepTable.print(out, one, all, threads, sizes, seconds, withC, ext);
                out.println();
            }
            if (only == null || only.equals("perceptron")) {
                PerceptronBench.print(out, one, all, threads, quick);
                out.println();
            }
            if (only == null || only.equals("two-layer")) {
                TwoLayerBench.print(out, all, quick);
                out.println();
            }
            if (only == null || only.equals("products")) {
                ProductBench.print(out, all, threads, quick, withNumpy, ext);
                out.println();
            }
            if (only == null || only.equals("amp")) {
                // the largest stored matrix: a third of the heap, at most 2 GB
                AmpBench.print(out, one, all, quick, Math.min(2L << 30, Runtime.getRuntime().maxMemory() / 3), false);
            }
        }
        return 0;
    }

    /** The sections of the benchmark, in the order they run (--only picks one). */
    static final java.util.List<String> SECTIONS = java.util.List.of("sweeps", "perceptron", "two-layer", "products", "amp");

    static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
