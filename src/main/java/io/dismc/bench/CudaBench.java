package io.dismc.bench;

import io.dismc.backend.CudaBackend;
import io.dismc.backend.DeviceCounters;
import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.Network;
import io.dismc.backend.RealStack;
import io.dismc.backend.SpinStack;
import io.dismc.backend.UpdateRule;
import io.dismc.backend.cuda.CudaDevice;
import io.dismc.backend.cuda.DeviceBuffer;
import io.dismc.backend.cuda.DeviceRealStack;
import io.dismc.backend.cuda.DeviceSpinStack;
import io.dismc.backend.cuda.HebbianDriver;
import io.dismc.backend.cuda.ProjectionDriver;
import io.dismc.backend.cuda.RngDriver;
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

            RngDriver rng = new RngDriver(dev);
            HebbianDriver hebbian = new HebbianDriver(dev);
            ProjectionDriver projection = new ProjectionDriver(dev);
            DeviceCounters section = gpu.counters().snapshot();
            long words = z.words();
            try (DeviceBuffer b = dev.alloc(4 * words, "bench words")) {
                double t = best(dev, () -> rng.words(1L, 2L, 0L, words, b));
                row(out, "philox_words (" + words + " words)", t, 4.0 * words / t, "B/s", 4.0 * words / t / bw, "write-bound");
            }
            long gauss = words / 2;
            try (DeviceBuffer b = dev.alloc(8 * gauss, "bench gaussians"); DeviceBuffer id = dev.upload(new long[] {2L}, "stream id")) {
                double t = best(dev, () -> rng.gaussians(1L, id, gauss, 1, b));
                row(out, "philox_gaussians (" + gauss + ")", t, 8.0 * gauss / t, "B/s", 8.0 * gauss / t / bw, "double log/sincos");
            }
            section = counters(out, gpu, section);

            int n = z.n();
            int p = n / 2;
            int d = n / 10;
            int wordsPer = (p + 63) / 64;
            try (SpinStack xi = gpu.randomSpins(List.of(new RandomStream(1, 1)), n, p);
                 DeviceBuffer bits = dev.alloc(8L * n * wordsPer, "bits");
                 DeviceBuffer j = dev.alloc(2L * n * n, "J")) {
                DeviceBuffer dx = ((DeviceSpinStack) xi).buffer();
                hebbian.pack(dx, bits, n, p, wordsPer, 1);
                double t = best(dev, () -> hebbian.popcount(bits, j, n, p, wordsPer, 1));
                double macs = (double) n * n * p;
                String note = "exact int";
                if (gpu.cublas() != null) {
                    try (DeviceBuffer jf = dev.alloc(4L * n * n, "float J")) {
                        byte[] spins = gpu.read(xi, 0).data();
                        float[] host = new float[n * p];
                        for (int i = 0; i < host.length; i++) {
                            host[i] = spins[i];
                        }
                        try (DeviceBuffer tmp = dev.upload(host, "float patterns")) {
                            CUstream s = dev.enter();
                            double tc = best(dev, () -> gpu.cublas().sgemmGram(s, tmp, jf, n, p));
                            note = String.format(Locale.ROOT, "cuBLAS SGEMM %.3f ms: ratio %.2f", tc * 1e3, tc / t);
                        }
                    }
                } else {
                    note += "; cuBLAS not loaded (" + gpu.cublasProblem() + ")";
                }
                row(out, "hebbian_popcount N=" + n + " P=" + p, t, macs / t, "MAC/s", Double.NaN, note);
            }
            section = counters(out, gpu, section);

            try (RealStack c = gpu.gaussians(List.of(new RandomStream(1, 2)), d, p);
                 SpinStack f = gpu.randomSpins(List.of(new RandomStream(1, 3)), n, d);
                 DeviceBuffer o = dev.alloc((long) n * p, "out")) {
                gpu.snapToGrid(c, io.dismc.model.ProjectionGrid.LATENTS_WITH_SPIN_FEATURES);
                DeviceBuffer df = ((DeviceSpinStack) f).buffer();
                DeviceBuffer dc = ((DeviceRealStack) c).buffer();
                double t = best(dev, () -> projection.projectSpins(df, dc, o, n, d, p, 1));
                double fma = (double) n * d * p;
                row(out, "sign_projection N=" + n + " D=" + d + " P=" + p, t, fma / t, "FMA/s", fma / t / fp64, "exact double");
            }
            section = counters(out, gpu, section);

            int[] sizes = z.sweepSizes();
            out.println();
            out.printf(Locale.ROOT, "%-10s %-10s %8s %8s %14s %s%n", "N", "P", "replicas", "sweeps", "updates/s", "(pattern form, T = 0.5, Glauber)");
            for (int size : sizes) {
                int pp = size / 10;
                int replicas = z.sweepReplicas() > 0 ? z.sweepReplicas()
                        : size >= 100000 ? info.multiprocessors() : info.multiprocessors() * 4;
                int sweeps = z.sweepReplicas() > 0 ? 2 : size >= 100000 ? 1 : (size >= 10000 ? 3 : 20);
                List<SpinMatrix> starts = new ArrayList<>();
                List<RandomStream> streams = new ArrayList<>();
                for (int r = 0; r < replicas; r++) {
                    byte[] s0 = new byte[size];
                    new RandomStream(3, r).spins(0, s0, 0, size);
                    starts.add(new SpinMatrix(size, 1, s0));
                    streams.add(new RandomStream(4, r));
                }
                DynamicsSpec spec = new DynamicsSpec(0.5, UpdateRule.GLAUBER, sweeps, false);
                try (SpinStack patterns = gpu.randomSpins(List.of(new RandomStream(2, size)), size, pp);
                     SpinStack states = gpu.spins(starts)) {
                    Network net = new Network.Patterns(patterns);
                    gpu.relax(net, new int[replicas], states, streams, new DynamicsSpec(0.5, UpdateRule.GLAUBER, 1, false));
                    long t0 = System.nanoTime();
                    gpu.relax(net, new int[replicas], states, streams, spec);
                    double t = (System.nanoTime() - t0) * 1e-9;
                    out.printf(Locale.ROOT, "%-10d %-10d %8d %8d %14.3e%n", size, pp, replicas, sweeps, (double) size * sweeps * replicas / t);
                }
            }
            section = counters(out, gpu, section);

            out.println();
            if (z.sharedSections()) {
                PerceptronBench.print(out, gpu, gpu, threads, quick);
                out.println();
                TwoLayerBench.print(out, gpu, quick);
                out.println();
            }
            // AMP's products on the device: N = 2000, 10000 and the largest N whose matrix takes at most 40 GiB
            // (a third of the free memory at most); smoke: the emulator's sizes
            boolean smoke = Boolean.getBoolean("dismc.bench.smoke");
            AmpBench.print(out, gpu, gpu, quick, Math.min(40L << 30, gpu.batchMemoryBytes() / 3), smoke);
            out.println();
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

    /** The device counters of the section just run (what it launched, moved, allocated and waited for). */
    static DeviceCounters counters(PrintStream out, CudaBackend gpu, DeviceCounters before) {
        DeviceCounters now = gpu.counters().snapshot();
        DeviceCounters c = now.since(before);
        out.printf(Locale.ROOT, "  counters: launches %d, sweep-launch replicas mean %.1f max %d, bytes host->device %d device->host %d,"
                + " allocations %d, synchronizations %d%n", c.launches(), c.sweepLaunchReplicasMean(), c.sweepLaunchReplicasMax(),
                c.bytesHostToDevice(), c.bytesDeviceToHost(), c.allocations(), c.synchronizations());
        return now;
    }

    /** A fraction of peak is shown only where the device reports a peak (the emulator reports none). */
    static void row(PrintStream out, String name, double seconds, double rate, String unit, double fraction, String note) {
        out.printf(Locale.ROOT, "%-34s %9.3f ms %12.3e %-3s %9s %s%n", name, seconds * 1e3, rate, unit,
                Double.isNaN(fraction) || Double.isInfinite(fraction) || fraction > 100 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * fraction), note);
    }
}
