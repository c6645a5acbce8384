package io.dismc.bench;

import io.dismc.backend.CpuBackend;
import io.dismc.backend.SpinStack;
import io.dismc.backend.cpu.HebbianCouplings;
import io.dismc.backend.cpu.HostCouplingStack;
import io.dismc.model.FeatureKind;
import io.dismc.model.LatentKind;
import io.dismc.model.RandomFeaturesHopfieldModel;
import io.dismc.rng.RandomStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The products section of the benchmark: RFHM pattern generation and the Hebbian product against NumPy. */
final class ProductBench {
    private ProductBench() {}

    static void print(PrintStream out, CpuBackend all, int threads, boolean quick, boolean withNumpy, ExternalBaselines ext) {
        int n = quick ? 2000 : 10000;
        int d = n / 10;
        int p = n / 2;
        out.printf(Locale.ROOT, "RFHM pattern generation + Hebbian product, N = %d, alpha_D = 0.1 (D = %d), alpha = 0.5 (P = %d), %d threads%n",
                n, d, p, threads);
        RandomFeaturesHopfieldModel model = new RandomFeaturesHopfieldModel(n, d, FeatureKind.BINARY);
        // warm-up at a small size so the JIT has compiled the kernels
        RandomFeaturesHopfieldModel small = new RandomFeaturesHopfieldModel(500, 50, FeatureKind.BINARY);
        all.hebbian(small.densePatterns(small.features(List.of(new RandomStream(2, 1)), all), 400, LatentKind.GAUSSIAN,
                List.of(new RandomStream(2, 2)), all));
        long t0 = System.nanoTime();
        RandomFeaturesHopfieldModel.Features f = model.features(List.of(new RandomStream(1, 1)), all);
        long t1 = System.nanoTime();
        SpinStack xi = model.densePatterns(f, p, LatentKind.GAUSSIAN, List.of(new RandomStream(1, 2)), all);
        long t2 = System.nanoTime();
        HebbianCouplings j = ((HostCouplingStack) all.hebbian(xi)).networks().get(0);
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
}
