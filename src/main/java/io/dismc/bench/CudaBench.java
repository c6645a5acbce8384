package io.dismc.bench;

import io.dismc.backend.CudaBackend;
import io.dismc.backend.cuda.CudaDevice;
import io.dismc.backend.cuda.DeviceBuffer;
import io.dismc.dynamics.DynamicsSpec;
import io.dismc.backend.LangevinSpec;
import io.dismc.dynamics.Replica;
import io.dismc.dynamics.UpdateRule;
import io.dismc.model.PatternCouplings;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jcuda.driver.CUstream;

/**
 * {@code dismc bench --backend cuda}: each kernel's achieved rate against the roofline it is bound by
 * (bytes/s against the device's memory bandwidth, FMA/s against its nominal FP64 rate), spin
 * updates per second at N = 1000, 10000, 100000 with enough replicas to fill the device, and the
 * ratio to cuBLAS where cuBLAS loaded. Kernel times are wall times of launches waited for, best of 3.
 */
final class CudaBench {
    private CudaBench() {}

    /** Nominal FP64 FMA per clock per SM (CUDA programming guide): A100 32, H100/H200 64, others 1/64 rate. */
    static int fp64FmaPerClock(int ccMajor, int ccMinor) {
        if (ccMajor == 8 && ccMinor == 0) {
            return 32;
        }
        if (ccMajor == 9 && ccMinor == 0) {
            return 64;
        }
        return 2;
    }

    /**
     * Problem sizes: full, --quick, or the smoke sizes (system property dismc.bench.smoke) that only
     * check every launch of this benchmark end to end, on the emulating driver of the tests.
     */
    record Sizes(long words, int n, int[] sweepSizes, int sweepReplicas, int langevinWeights, int langevinReplicas,
                 boolean sharedSections) {
        static Sizes of(boolean quick) {
            if (Boolean.getBoolean("dismc.bench.smoke")) {
                return new Sizes(1 << 12, 256, new int[] {256}, 2, 4096, 2, false);
            }
            return quick ? new Sizes(1L << 24, 4000, new int[] {1000, 10000}, 0, 1 << 20, 8, true)
                    : new Sizes(1L << 28, 10000, new int[] {1000, 10000, 100000}, 0, 1 << 20, 64, true);
        }
    }

    static void run(PrintStream out, int threads, boolean quick) {
        Sizes z = Sizes.of(quick);
        try (CudaBackend gpu = CudaBackend.open(threads, false)) {
            CudaDevice dev = gpu.device();
            CudaDevice.DeviceInfo info = dev.info();
            int clockKHz = clock(dev);
            double bw = info.peakBandwidthBytesPerSecond();
            double fp64 = (double) info.multiprocessors() * clockKHz * 1e3 * fp64FmaPerClock(info.ccMajor(), info.ccMinor());
            out.println("dismc bench: " + gpu.description());
            out.printf(Locale.ROOT, "rooflines: memory %.0f GB/s (from clock and bus width), FP64 %.1f TFMA/s (nominal)%n%n",
                    bw / 1e9, fp64 / 1e12);
            out.printf(Locale.ROOT, "%-34s %12s %16s %10s %s%n", "kernel", "time", "rate", "of peak", "note");

            long words = z.words();
            try (DeviceBuffer b = dev.alloc(4 * words, "bench words")) {
                double t = best(dev, () -> dev.launch("philox_words", dev.gridFor(words / 4, 256), 1, 256, 1, "bench", 1L, 2L, 0L, words, b));
                row(out, "philox_words (" + words + " words)", t, 4.0 * words / t, "B/s", 4.0 * words / t / bw, "write-bound");
            }
            long gauss = words / 2;
            try (DeviceBuffer b = dev.alloc(8 * gauss, "bench gaussians")) {
                double t = best(dev, () -> dev.launch("philox_gaussians", dev.gridFor(gauss / 2, 256), 1, 256, 1, "bench", 1L, 2L, 0L, gauss, b));
                row(out, "philox_gaussians (" + gauss + ")", t, 8.0 * gauss / t, "B/s", 8.0 * gauss / t / bw, "double log/sincos");
            }

            int n = z.n();
            int p = n / 2;
            int d = n / 10;
            SpinMatrix xi = gpu.randomSpins(new RandomStream(1, 1), n, p);
            int wordsPer = (p + 63) / 64;
            try (DeviceBuffer dx = dev.upload(xi.data(), "patterns");
                 DeviceBuffer bits = dev.alloc(8L * n * wordsPer, "bits");
                 DeviceBuffer j = dev.alloc(2L * n * n, "J")) {
                dev.launch("pack_spins", dev.gridFor((long) n * wordsPer, 256), 1, 256, 1, "bench", dx, bits, n, p, wordsPer);
                int g = (n + 31) / 32;
                double t = best(dev, () -> dev.launch("hebbian_popcount", g, g, 32, 8, "bench", bits, j, n, p, wordsPer));
                double macs = (double) n * n * p;
                String note = "exact int";
                if (gpu.cublas() != null) {
                    try (DeviceBuffer jf = dev.alloc(4L * n * n, "float J")) {
                        float[] host = new float[n * p];
                        for (int i = 0; i < host.length; i++) {
                            host[i] = xi.data()[i];
                        }
                        try (DeviceBuffer tmp = dev.upload(host, "float patterns")) {
                            CUstream s = dev.enter();
                            double tc = best(dev, () -> {
                                gpu.cublas().sgemmGram(s, tmp, jf, n, p);
                                jcuda.driver.JCudaDriver.cuStreamSynchronize(s);
                            });
                            note = String.format(Locale.ROOT, "cuBLAS SGEMM %.3f ms: ratio %.2f", tc * 1e3, tc / t);
                        }
                    }
                } else {
                    note += "; cuBLAS not loaded (" + gpu.cublasProblem() + ")";
                }
                row(out, "hebbian_popcount N=" + n + " P=" + p, t, macs / t, "MAC/s", Double.NaN, note);
            }

            RandomStream cs = new RandomStream(1, 2);
            double[] c = io.dismc.model.ProjectionGrid.snap(gpu.gaussians(cs, d * p), io.dismc.model.ProjectionGrid.LATENTS_WITH_SPIN_FEATURES);
            SpinMatrix f = gpu.randomSpins(new RandomStream(1, 3), n, d);
            try (DeviceBuffer df = dev.upload(f.data(), "F"); DeviceBuffer dc = dev.upload(c, "C"); DeviceBuffer o = dev.alloc((long) n * p, "out")) {
                double t = best(dev, () -> dev.launch("sign_projection_spins", (p + 63) / 64, (n + 63) / 64, 16, 16, "bench", df, dc, o, n, d, p));
                double fma = (double) n * d * p;
                row(out, "sign_projection N=" + n + " D=" + d + " P=" + p, t, fma / t, "FMA/s", fma / t / fp64, "exact double");
            }

            int[] sizes = z.sweepSizes();
            out.println();
            out.printf(Locale.ROOT, "%-10s %-10s %8s %8s %14s %s%n", "N", "P", "replicas", "sweeps", "updates/s", "(pattern form, T = 0.5, Glauber)");
            for (int size : sizes) {
                int pp = size / 10;
                int replicas = z.sweepReplicas() > 0 ? z.sweepReplicas()
                        : size >= 100000 ? info.multiprocessors() : info.multiprocessors() * 4;
                int sweeps = z.sweepReplicas() > 0 ? 2 : size >= 100000 ? 1 : (size >= 10000 ? 3 : 20);
                SpinMatrix patterns = gpu.randomSpins(new RandomStream(2, size), size, pp);
                List<Replica> reps = new ArrayList<>();
                for (int r = 0; r < replicas; r++) {
                    byte[] s0 = new byte[size];
                    new RandomStream(3, r).spins(0, s0, 0, size);
                    reps.add(new Replica(s0, new RandomStream(4, r)));
                }
                DynamicsSpec spec = new DynamicsSpec(0.5, UpdateRule.GLAUBER, sweeps, false);
                gpu.relax(new PatternCouplings(patterns), reps.subList(0, 1), new DynamicsSpec(0.5, UpdateRule.GLAUBER, 1, false));
                long t0 = System.nanoTime();
                gpu.relax(new PatternCouplings(patterns), reps, spec);
                double t = (System.nanoTime() - t0) * 1e-9;
                out.printf(Locale.ROOT, "%-10d %-10d %8d %8d %14.3e%n", size, pp, replicas, sweeps, (double) size * sweeps * replicas / t);
            }

            out.println();
            if (z.sharedSections()) {
                PerceptronBench.print(out, gpu, gpu, threads, quick);
                out.println();
                TwoLayerBench.print(out, gpu, quick);
                out.println();
            }
            int ln = z.langevinWeights();
            int lr = z.langevinReplicas();
            long[] ids = new long[lr];
            for (int r = 0; r < lr; r++) {
                ids[r] = r;
            }
            io.dismc.backend.cuda.LangevinDriver step = new io.dismc.backend.cuda.LangevinDriver(dev);
            LangevinSpec spec = new LangevinSpec(0.01, 1.0, 0.1, false);
            try (DeviceBuffer w = dev.zeros(4L * lr * ln, "bench weights"); DeviceBuffer di = dev.upload(ids, "bench stream ids")) {
                double t = best(dev, () -> step.step(w, null, null, ln, lr, di, 5, 0, spec));
                out.printf(Locale.ROOT, "langevin_step %d x %d weights (resident): %.3f ms%n", lr, ln, t * 1e3);
            }
        }
    }

    private static int clock(CudaDevice dev) {
        int[] v = new int[1];
        jcuda.driver.CUdevice d = new jcuda.driver.CUdevice();
        dev.enter();
        jcuda.driver.JCudaDriver.cuCtxGetDevice(d);
        jcuda.driver.JCudaDriver.cuDeviceGetAttribute(v, jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE, d);
        return v[0];
    }

    interface Timed {
        void run();
    }

    /** Best of 3 wall times of work, each ended by waiting for the device (launches are queued, not waited for). */
    static double best(CudaDevice dev, Timed work) {
        work.run(); // warm-up (JIT of the PTX happens at module load; this warms caches and clocks)
        dev.synchronize();
        double best = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            work.run();
            dev.synchronize();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return best;
    }

    static void row(PrintStream out, String name, double seconds, double rate, String unit, double fraction, String note) {
        out.printf(Locale.ROOT, "%-34s %9.3f ms %12.3e %-3s %9s %s%n", name, seconds * 1e3, rate, unit,
                Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * fraction), note);
    }
}
