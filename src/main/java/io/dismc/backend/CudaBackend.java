package io.dismc.backend;

import io.dismc.backend.cuda.Cublas;
import io.dismc.backend.cuda.CudaDevice;
import io.dismc.backend.cuda.CudaFailure;
import io.dismc.backend.cuda.CudaTraining;
import io.dismc.backend.cuda.Curand;
import io.dismc.backend.cuda.DeviceBuffer;
import io.dismc.backend.cuda.NativeConfig;
import io.dismc.dynamics.DynamicsSpec;
import io.dismc.dynamics.LocalField;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.dynamics.UpdateRule;
import io.dismc.model.Couplings;
import io.dismc.model.HebbianCouplings;
import io.dismc.model.PerceptronInstance;
import io.dismc.perceptron.AnnealSpec;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.model.PatternCouplings;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import jcuda.driver.CUstream;

/**
 * The CUDA backend: the kernels in kernels/*.cu through the JCuda driver API. It honours the same
 * contract as {@link CpuBackend}: the same random numbers, the same exact products, the same spin
 * trajectories. Host threads (the pool) each drive their own CUDA stream, so independent units
 * overlap on the device.
 */
public final class CudaBackend implements Backend {
    /** Sweeps per launch of the sweep kernel: bounds kernel duration, lets T = 0 batches stop early. */
    static final int SWEEPS_PER_LAUNCH = 32;
    static final int MAX_REPLICAS_PER_LAUNCH = 65535;

    private final CudaDevice device;
    private final ForkJoinPool pool;
    private final Cublas cublas;
    private final String cublasProblem;
    private final boolean curand;
    private final CudaTraining training;

    private CudaBackend(CudaDevice device, int threads, boolean curand) {
        this.device = device;
        this.pool = new ForkJoinPool(threads);
        NativeConfig config = NativeConfig.load();
        this.cublasProblem = Cublas.problem(config);
        this.cublas = cublasProblem == null ? Cublas.open() : null;
        this.curand = curand;
        this.training = new CudaTraining(device);
    }

    /** Opens device 0; useCurand switches bulk disorder to cuRAND (checked usable by the caller). */
    public static CudaBackend open(int threads, boolean useCurand) {
        return open(threads, useCurand, 0);
    }

    /** Opens GPU number device (see ./dismc info for the count). */
    public static CudaBackend open(int threads, boolean useCurand, int device) {
        return new CudaBackend(new CudaDevice(device), threads, useCurand);
    }

    public CudaDevice device() {
        return device;
    }

    /** Null when cuBLAS is in use, else why not. */
    public String cublasProblem() {
        return cublasProblem;
    }

    public Cublas cublas() {
        return cublas;
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public String description() {
        return "cuda (" + device.info().describe() + "; cuBLAS " + (cublas != null ? "in use" : "not used: " + cublasProblem)
                + "; rng " + (curand ? "curand" : "philox") + "; " + threads() + " host threads)";
    }

    @Override
    public Counters counters() {
        return device.counters();
    }

    @Override
    public long batchMemoryBytes() {
        return (long) (device.freeBytes() * 0.8);
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public ForkJoinPool pool() {
        return pool;
    }

    private int grid(long count) {
        return device.gridFor(count, 256);
    }

    // --- random fills ---

    @Override
    public SpinMatrix randomSpins(RandomStream stream, int rows, int cols) {
        long count = (long) rows * cols;
        byte[] out = new byte[Math.toIntExact(count)];
        try (DeviceBuffer b = device.alloc(count, "random spins " + rows + "x" + cols)) {
            if (curand) {
                try (DeviceBuffer w = device.alloc(4 * count, "cuRAND words")) {
                    CUstream s = device.enter();
                    io.dismc.backend.cuda.Curand.words(s, w, count, stream.seed(), stream.streamId());
                    device.launch("words_to_spins", grid(count), 1, 256, 1, "count=" + count, w, count, b);
                }
            } else {
                device.launch("philox_spins", grid((count + 31) / 32), 1, 256, 1, "count=" + count,
                        stream.seed(), stream.streamId(), 0L, count, b);
            }
            device.download(b, out, "random spins");
        }
        return new SpinMatrix(rows, cols, out);
    }

    @Override
    public double[] gaussians(RandomStream stream, int count) {
        double[] out = new double[count];
        long padded = count + (count & 1);
        try (DeviceBuffer b = device.alloc(8 * padded, count + " gaussians")) {
            if (curand) {
                io.dismc.backend.cuda.Curand.normalDoubles(device.enter(), b, padded, stream.seed(), stream.streamId());
            } else {
                device.launch("philox_gaussians", grid(padded / 2), 1, 256, 1, "count=" + count,
                        stream.seed(), stream.streamId(), 0L, (long) count, b);
            }
            device.download(b, out, "gaussians");
        }
        return out;
    }

    // --- products ---

    @Override
    public SpinMatrix signProjection(SpinMatrix features, RealMatrix latents) {
        return project(features.rows(), features.cols(), features.data(), true, latents);
    }

    @Override
    public SpinMatrix signProjection(RealMatrix features, RealMatrix latents) {
        return project(features.rows(), features.cols(), features.data(), false, latents);
    }

    /** sign(F C) for features given as +-1 bytes (spins) or doubles: own tiled kernel, or cuBLAS DGEMM + signs. */
    private SpinMatrix project(int n, int d, Object featureData, boolean spins, RealMatrix latents) {
        int p = checkInner(d, latents);
        String sizes = sizes(n, d, p);
        byte[] out = new byte[n * p];
        try (DeviceBuffer f = device.upload(featureData, "features " + n + "x" + d);
             DeviceBuffer c = device.upload(latents.data(), "latents " + d + "x" + p);
             DeviceBuffer o = device.alloc((long) n * p, "patterns " + n + "x" + p)) {
            if (cublas == null) {
                device.launch(spins ? "sign_projection_spins" : "sign_projection_real", ceil(p, 64), ceil(n, 64), 16, 16, sizes,
                        f, c, o, n, d, p);
            } else if (spins) {
                try (DeviceBuffer fd = device.alloc(8L * n * d, "features as doubles for cuBLAS")) {
                    device.launch("spins_to_double", grid((long) n * d), 1, 256, 1, sizes, f, fd, (long) n * d);
                    gemmThenSign(fd, c, o, n, d, p, sizes);
                }
            } else {
                gemmThenSign(f, c, o, n, d, p, sizes);
            }
            device.download(o, out, "patterns");
        }
        return new SpinMatrix(n, p, out);
    }

    /** cuBLAS DGEMM (exact on the projection grid, like the own kernel), then the signs. */
    private void gemmThenSign(DeviceBuffer f, DeviceBuffer c, DeviceBuffer o, int n, int d, int p, String sizes) {
        try (DeviceBuffer prod = device.alloc(8L * n * p, "F c product " + n + "x" + p)) {
            CUstream s = device.enter();
            try {
                cublas.dgemmRowMajor(s, f, c, prod, n, d, p);
            } catch (RuntimeException e) {
                throw new CudaFailure("cublasDgemm (" + sizes + ") failed: " + e.getMessage(), e);
            }
            device.launch("sign_of", grid((long) n * p), 1, 256, 1, sizes, prod, o, (long) n * p);
        }
    }

    private static int checkInner(int d, RealMatrix latents) {
        if (latents.rows() != d) {
            throw new IllegalArgumentException("F has " + d + " columns but C has " + latents.rows() + " rows");
        }
        return latents.cols();
    }

    private static String sizes(int n, int d, int p) {
        return "N=" + n + " D=" + d + " P=" + p;
    }

    static int ceil(long a, int b) {
        return (int) ((a + b - 1) / b);
    }

    @Override
    public HebbianCouplings hebbian(SpinMatrix patterns) {
        int n = patterns.rows();
        int p = patterns.cols();
        if (p > HebbianCouplings.MAX_P) {
            throw new IllegalArgumentException("J form needs P <= " + HebbianCouplings.MAX_P + ", got " + p);
        }
        int words = (p + 63) / 64;
        String sizes = "N=" + n + " P=" + p;
        short[] j = new short[Math.multiplyExact(n, n)];
        try (DeviceBuffer xi = device.upload(patterns.data(), "patterns " + n + "x" + p);
             DeviceBuffer bits = device.alloc(8L * n * words, "bit-packed patterns");
             DeviceBuffer out = device.alloc(2L * n * n, "Hebbian couplings " + n + "x" + n)) {
            device.launch("pack_spins", grid((long) n * words), 1, 256, 1, sizes, xi, bits, n, p, words);
            device.launch("hebbian_popcount", ceil(n, 32), ceil(n, 32), 32, 8, sizes, bits, out, n, p, words);
            device.download(out, j, "Hebbian couplings");
        }
        return new HebbianCouplings(n, p, j);
    }

    // --- dynamics ---

    @Override
    public List<Relaxation> relax(Couplings couplings, List<Replica> replicas, DynamicsSpec spec) {
        List<Relaxation> out = new ArrayList<>(replicas.size());
        for (int from = 0; from < replicas.size(); from += MAX_REPLICAS_PER_LAUNCH) {
            out.addAll(relaxBatch(couplings, replicas.subList(from, Math.min(replicas.size(), from + MAX_REPLICAS_PER_LAUNCH)), spec));
        }
        return out;
    }

    private List<Relaxation> relaxBatch(Couplings couplings, List<Replica> replicas, DynamicsSpec spec) {
        int n = couplings.n();
        int p = couplings.p();
        int r = replicas.size();
        boolean patternForm = couplings instanceof PatternCouplings;
        int form = patternForm ? 0 : 1;
        int len = patternForm ? p : n;
        int threads = Math.min(256, Math.max(32, ceil(len, 32) * 32));
        byte[] spins = new byte[r * n];
        long[] streamIds = new long[r];
        long seed = replicas.get(0).stream().seed();
        for (int k = 0; k < r; k++) {
            Replica rep = replicas.get(k);
            if (rep.initial().length != n) {
                throw new IllegalArgumentException("replica has " + rep.initial().length + " spins, network has " + n);
            }
            if (rep.stream().seed() != seed) {
                throw new IllegalArgumentException("replicas of one batch must share the seed");
            }
            System.arraycopy(rep.initial(), 0, spins, k * n, n);
            streamIds[k] = rep.stream().streamId();
        }
        String sizes = String.format(Locale.ROOT, "%s form, N=%d P=%d replicas=%d", patternForm ? "pattern" : "J", n, p, r);
        int metropolis = spec.rule() == UpdateRule.METROPOLIS ? 1 : 0;
        int stop = spec.stopAtFixedPoint() ? 1 : 0;
        int[] sweeps = new int[r];
        int[] converged = new int[r];
        long[] flips = new long[r];
        long[] stf = new long[r];
        byte[] xiOrEmpty = patternForm ? ((PatternCouplings) couplings).patterns().data() : new byte[0];
        short[] jOrEmpty = patternForm ? new short[0] : ((HebbianCouplings) couplings).numerators();
        try (DeviceBuffer xi = device.upload(xiOrEmpty, "patterns " + n + "x" + p);
             DeviceBuffer jn = device.upload(jOrEmpty, "couplings " + n + "x" + n);
             DeviceBuffer s = device.upload(spins, "spins of " + r + " replicas");
             DeviceBuffer state = device.alloc(4L * r * len, "fields of " + r + " replicas");
             DeviceBuffer perm = device.alloc(4L * r * n, "permutations of " + r + " replicas");
             DeviceBuffer streams = device.upload(streamIds, "stream ids");
             DeviceBuffer dSweeps = device.zeros(4L * r, "sweep counters");
             DeviceBuffer dConverged = device.zeros(4L * r, "convergence flags");
             DeviceBuffer dFlips = device.zeros(8L * r, "flip counters");
             DeviceBuffer dStf = device.zeros(8L * r, "energies")) {
            device.launch("init_state", ceil(len, 256), r, 256, 1, sizes, form, n, p, xi, jn, s, state);
            for (int t0 = 0; t0 < spec.maxSweeps(); t0 += SWEEPS_PER_LAUNCH) {
                int count = Math.min(SWEEPS_PER_LAUNCH, spec.maxSweeps() - t0);
                device.launch("async_sweeps", r, 1, threads, 1, r, sizes + " sweeps " + t0 + ".." + (t0 + count - 1),
                        form, n, p, xi, jn, s, state, perm, streams, seed, t0, count, spec.temperature(), metropolis, stop,
                        dSweeps, dConverged, dFlips, dStf);
                if (spec.isZeroTemperature() && spec.stopAtFixedPoint()) {
                    device.download(dConverged, converged, "convergence flags");
                    if (allSet(converged)) {
                        break;
                    }
                }
            }
            device.download(s, spins, "spins");
            device.download(dSweeps, sweeps, "sweep counters");
            device.download(dConverged, converged, "convergence flags");
            device.download(dFlips, flips, "flip counters");
            device.download(dStf, stf, "energies");
        }
        List<Relaxation> out = new ArrayList<>(r);
        for (int k = 0; k < r; k++) {
            byte[] state = new byte[n];
            System.arraycopy(spins, k * n, state, 0, n);
            out.add(new Relaxation(state, sweeps[k], converged[k] == 1, flips[k], LocalField.energyPerSpin(stf[k], n)));
        }
        return out;
    }

    private static boolean allSet(int[] flags) {
        for (int f : flags) {
            if (f == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double energyPerSpin(Couplings couplings, byte[] s) {
        // a single O(N P) or O(N^2) reduction: not worth a device round trip
        LocalField field = LocalField.of(couplings, io.dismc.backend.cpu.SpinKernels.best());
        field.reset(s);
        return LocalField.energyPerSpin(field.sumSpinTimesField(s), s.length);
    }

    @Override
    public TrainingOps training() {
        return training;
    }

    @Override
    public List<SolverOutcome> anneal(PerceptronInstance inst, List<Replica> replicas, AnnealSpec spec) {
        if (!inst.binaryInputs()) {
            // the kernel keeps integer fields; Gaussian inputs anneal on the host (same algorithm)
            return CpuBackend.annealOnHost(inst, replicas, spec, pool);
        }
        int n = inst.n();
        int p = inst.p();
        int r = replicas.size();
        if (r > MAX_REPLICAS_PER_LAUNCH) {
            List<SolverOutcome> out = new ArrayList<>();
            for (int from = 0; from < r; from += MAX_REPLICAS_PER_LAUNCH) {
                out.addAll(anneal(inst, replicas.subList(from, Math.min(r, from + MAX_REPLICAS_PER_LAUNCH)), spec));
            }
            return out;
        }
        byte[] w = new byte[r * n];
        long[] ids = new long[r];
        long seed = replicas.get(0).stream().seed();
        for (int k = 0; k < r; k++) {
            System.arraycopy(replicas.get(k).initial(), 0, w, k * n, n);
            ids[k] = replicas.get(k).stream().streamId();
        }
        int threads = Math.min(256, Math.max(32, ceil(p, 32) * 32));
        String sizes = "perceptron N=" + n + " P=" + p + " replicas=" + r;
        int[] energy = new int[r];
        long[] steps = new long[r];
        try (DeviceBuffer xi = device.upload(inst.asSpins().data(), "perceptron inputs " + n + "x" + p);
             DeviceBuffer none = device.alloc(8, "unused couplings");
             DeviceBuffer dw = device.upload(w, "weights of " + r + " replicas");
             DeviceBuffer fields = device.alloc(4L * r * p, "fields of " + r + " replicas");
             DeviceBuffer perm = device.alloc(4L * r * n, "permutations");
             DeviceBuffer streams = device.upload(ids, "stream ids");
             DeviceBuffer dEnergy = device.zeros(4L * r, "energies");
             DeviceBuffer dSteps = device.zeros(8L * r, "step counters")) {
            device.launch("init_state", ceil(p, 256), r, 256, 1, sizes, 0, n, p, xi, none, dw, fields);
            for (int t0 = 0; t0 < spec.maxSweeps(); t0 += SWEEPS_PER_LAUNCH) {
                device.launch("perceptron_anneal", r, 1, threads, 1, r, sizes + " sweeps from " + t0, n, p, xi, dw, fields, perm,
                        streams, seed, t0, SWEEPS_PER_LAUNCH, spec.maxSweeps(), spec.beta0(), spec.beta1(),
                        spec.kappa() * Math.sqrt(n), spec.energyExponent(), Math.sqrt(n), dEnergy, dSteps);
                device.download(dEnergy, energy, "energies");
                if (java.util.Arrays.stream(energy).allMatch(e -> e == 0)) {
                    break;
                }
            }
            device.download(dw, w, "weights");
            device.download(dSteps, steps, "step counters");
        }
        List<SolverOutcome> out = new ArrayList<>();
        for (int k = 0; k < r; k++) {
            double[] wk = new double[n];
            for (int i = 0; i < n; i++) {
                wk[i] = w[k * n + i];
            }
            out.add(new SolverOutcome(wk, energy[k] == 0, steps[k], energy[k]));
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        training.close();
        device.close();
    }
}
