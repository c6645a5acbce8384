package io.dismc.backend;

import io.dismc.backend.cuda.AnnealDriver;
import io.dismc.backend.cuda.Cublas;
import io.dismc.backend.cuda.CudaDevice;
import io.dismc.backend.cuda.CudaFailure;
import io.dismc.backend.cuda.CudaTraining;
import io.dismc.backend.cuda.Curand;
import io.dismc.backend.cuda.DeviceBuffer;
import io.dismc.backend.cuda.DeviceCouplingStack;
import io.dismc.backend.cuda.DeviceRealStack;
import io.dismc.backend.cuda.DeviceSpinStack;
import io.dismc.backend.cuda.HebbianDriver;
import io.dismc.backend.cuda.NativeConfig;
import io.dismc.backend.cuda.ProjectionDriver;
import io.dismc.backend.cuda.RngDriver;
import io.dismc.backend.cuda.RsgdDriver;
import io.dismc.backend.cuda.SweepDriver;
import io.dismc.data.PerceptronInstance;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * The CUDA backend: the kernels in kernels/*.cu through the JCuda driver API, one driver class per
 * kernel file. It honours the same contract as {@link CpuBackend}: the same random numbers, the same
 * exact products, the same spin trajectories. Stacks live in device buffers from each host thread's
 * pool; disorder is generated, projected, stored and relaxed where it lives, and only starting
 * choices, statistics and observables cross the bus. Host threads (the pool) each drive their own
 * CUDA stream, so independent batches overlap on the device.
 */
public final class CudaBackend implements Backend {
    /** Sweeps per launch of the sweep kernel: bounds kernel duration, lets T = 0 batches stop early. */
    static final int SWEEPS_PER_LAUNCH = 32;
    static final int MAX_REPLICAS_PER_LAUNCH = 65535;
    /** Replicated-SGD epochs per launch: bounds kernel duration, lets batches that solve stop early. */
    static final int EPOCHS_PER_LAUNCH = 32;

    private final CudaDevice device;
    private final ForkJoinPool pool;
    private final Cublas cublas;
    private final String cublasProblem;
    private final boolean curand;
    private final CudaTraining training;
    private final RngDriver rng;
    private final ProjectionDriver projection;
    private final HebbianDriver hebbianDriver;
    private final SweepDriver sweep;
    private final AnnealDriver annealDriver;
    private final RsgdDriver rsgdDriver;

    private CudaBackend(CudaDevice device, int threads, boolean curand) {
        this.device = device;
        this.pool = new ForkJoinPool(threads);
        NativeConfig config = NativeConfig.load();
        this.cublasProblem = Cublas.problem(config);
        this.cublas = cublasProblem == null ? Cublas.open() : null;
        this.curand = curand;
        this.training = new CudaTraining(device);
        this.rng = new RngDriver(device);
        this.projection = new ProjectionDriver(device);
        this.hebbianDriver = new HebbianDriver(device);
        this.sweep = new SweepDriver(device);
        this.annealDriver = new AnnealDriver(device);
        this.rsgdDriver = new RsgdDriver(device);
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

    static DeviceSpinStack dev(SpinStack s) {
        return (DeviceSpinStack) s;
    }

    static DeviceRealStack dev(RealStack s) {
        return (DeviceRealStack) s;
    }

    /** The streams' common seed (a batch draws under the run's seed) and their ids, on the device. */
    private DeviceBuffer streamIds(List<RandomStream> streams) {
        long seed = streams.get(0).seed();
        long[] ids = new long[streams.size()];
        for (int k = 0; k < ids.length; k++) {
            if (streams.get(k).seed() != seed) {
                throw new IllegalArgumentException("the streams of one batch must share the seed");
            }
            ids[k] = streams.get(k).streamId();
        }
        return device.upload(ids, "stream ids");
    }

    // --- disorder ---

    @Override
    public SpinStack randomSpins(List<RandomStream> streams, int rows, int cols) {
        long count = (long) rows * cols;
        int b = streams.size();
        DeviceBuffer out = device.alloc(count * b, "random spins " + b + " x " + rows + "x" + cols);
        if (curand) {
            try (DeviceBuffer w = device.alloc(4 * count, "cuRAND words")) {
                for (int k = 0; k < b; k++) {
                    RandomStream s = streams.get(k);
                    Curand.words(device.enter(), w.ptr(), count, s.seed(), s.streamId());
                    rng.wordsToSpins(w, count, out.ptr().withByteOffset(k * count));
                }
            }
        } else {
            try (DeviceBuffer ids = streamIds(streams)) {
                rng.spins(streams.get(0).seed(), ids, count, b, out);
            }
        }
        return new DeviceSpinStack(out, b, rows, cols);
    }

    @Override
    public RealStack gaussians(List<RandomStream> streams, int rows, int cols) {
        long count = (long) rows * cols;
        int b = streams.size();
        // cuRAND fills even counts: one spare entry, overwritten by the next matrix
        DeviceBuffer out = device.alloc(8 * (count * b + 1), b + " x " + count + " gaussians");
        if (curand) {
            for (int k = 0; k < b; k++) {
                RandomStream s = streams.get(k);
                Curand.normalDoubles(device.enter(), out.ptr().withByteOffset(8 * k * count), count + (count & 1), s.seed(), s.streamId());
            }
        } else {
            try (DeviceBuffer ids = streamIds(streams)) {
                rng.gaussians(streams.get(0).seed(), ids, count, b, out);
            }
        }
        return new DeviceRealStack(out, b, rows, cols);
    }

    @Override
    public void snapToGrid(RealStack values, double step) {
        rng.snap(dev(values).buffer(), dev(values).matrixEntries() * values.count(), step);
    }

    @Override
    public void binarize(RealStack values) {
        rng.binarize(dev(values).buffer(), dev(values).matrixEntries() * values.count());
    }

    @Override
    public SpinStack signs(RealStack values) {
        long count = dev(values).matrixEntries() * values.count();
        DeviceBuffer out = device.alloc(count, "signs");
        projection.signOf(dev(values).buffer(), out, count);
        return new DeviceSpinStack(out, values.count(), values.rows(), values.cols());
    }

    @Override
    public SpinStack spins(List<SpinMatrix> matrices) {
        SpinMatrix first = matrices.get(0);
        int per = first.data().length;
        byte[] all = new byte[Math.multiplyExact(per, matrices.size())];
        for (int k = 0; k < matrices.size(); k++) {
            System.arraycopy(matrices.get(k).data(), 0, all, k * per, per);
        }
        return new DeviceSpinStack(device.upload(all, "host matrices"), matrices.size(), first.rows(), first.cols());
    }

    @Override
    public RealStack reals(List<RealMatrix> matrices) {
        RealMatrix first = matrices.get(0);
        int per = first.data().length;
        double[] all = new double[Math.multiplyExact(per, matrices.size())];
        for (int k = 0; k < matrices.size(); k++) {
            System.arraycopy(matrices.get(k).data(), 0, all, k * per, per);
        }
        return new DeviceRealStack(device.upload(all, "host matrices"), matrices.size(), first.rows(), first.cols());
    }

    @Override
    public short[] read(CouplingStack stack, int matrix) {
        DeviceCouplingStack d = (DeviceCouplingStack) stack;
        short[] out = new short[Math.multiplyExact(d.n(), d.n())];
        device.download(d.buffer(), 2L * matrix * d.n() * d.n(), out, "couplings " + matrix);
        return out;
    }

    @Override
    public SpinMatrix read(SpinStack stack, int matrix) {
        DeviceSpinStack d = dev(stack);
        byte[] out = new byte[Math.toIntExact(d.matrixBytes())];
        device.download(d.buffer(), matrix * d.matrixBytes(), out, "matrix " + matrix);
        return new SpinMatrix(stack.rows(), stack.cols(), out);
    }

    @Override
    public RealMatrix read(RealStack stack, int matrix) {
        DeviceRealStack d = dev(stack);
        double[] out = new double[Math.toIntExact(d.matrixEntries())];
        device.download(d.buffer(), 8 * matrix * d.matrixEntries(), out, "matrix " + matrix);
        return new RealMatrix(stack.rows(), stack.cols(), out);
    }

    // --- products ---

    @Override
    public SpinStack signProjection(SpinStack features, RealStack latents) {
        return project(dev(features).buffer(), true, features.count(), features.rows(), features.cols(), latents);
    }

    @Override
    public SpinStack signProjection(RealStack features, RealStack latents) {
        return project(dev(features).buffer(), false, features.count(), features.rows(), features.cols(), latents);
    }

    /** sign(F C) for every instance: the own tiled kernel, or cuBLAS's strided-batched DGEMM and the signs. */
    private SpinStack project(DeviceBuffer f, boolean spins, int b, int n, int d, RealStack latents) {
        if (latents.rows() != d || latents.count() != b) {
            throw new IllegalArgumentException("F is " + b + " x N x " + d + " but C is " + latents.count() + " x " + latents.rows() + " x ...");
        }
        int p = latents.cols();
        DeviceBuffer out = device.alloc((long) b * n * p, "patterns " + b + " x " + n + "x" + p);
        DeviceBuffer c = dev(latents).buffer();
        if (cublas == null) {
            if (spins) {
                projection.projectSpins(f, c, out, n, d, p, b);
            } else {
                projection.projectReal(f, c, out, n, d, p, b);
            }
        } else {
            try (DeviceBuffer fd = spins ? device.alloc(8L * b * n * d, "features as doubles for cuBLAS") : null;
                 DeviceBuffer prod = device.alloc(8L * b * n * p, "F c products")) {
                if (spins) {
                    projection.spinsToDouble(f, fd, (long) b * n * d);
                }
                try {
                    cublas.dgemmRowMajorBatched(device.enter(), spins ? fd : f, c, prod, n, d, p, b);
                } catch (RuntimeException e) {
                    throw new CudaFailure("cublasDgemmStridedBatched (" + ProjectionDriver.sizes(n, d, p, b) + ") failed: " + e.getMessage(), e);
                }
                projection.signOf(prod, out, (long) b * n * p);
            }
        }
        return new DeviceSpinStack(out, b, n, p);
    }

    @Override
    public SpinStack mixtures(SpinStack features, int p, int l, int[][] chosen, double[][] weights) {
        return mix(dev(features).buffer(), true, features.count(), features.rows(), features.cols(), p, l, chosen, weights);
    }

    @Override
    public SpinStack mixtures(RealStack features, int p, int l, int[][] chosen, double[][] weights) {
        return mix(dev(features).buffer(), false, features.count(), features.rows(), features.cols(), p, l, chosen, weights);
    }

    private SpinStack mix(DeviceBuffer f, boolean spins, int b, int n, int d, int p, int l, int[][] chosen, double[][] weights) {
        int[] k = new int[Math.multiplyExact(b, p * l)];
        double[] w = new double[k.length];
        for (int m = 0; m < b; m++) {
            System.arraycopy(chosen[m], 0, k, m * p * l, p * l);
            System.arraycopy(weights[m], 0, w, m * p * l, p * l);
        }
        DeviceBuffer out = device.alloc((long) b * n * p, "mixtures " + b + " x " + n + "x" + p);
        try (DeviceBuffer dk = device.upload(k, "chosen features"); DeviceBuffer dw = device.upload(w, "mixing weights")) {
            if (spins) {
                projection.mixturesSpins(f, dk, dw, out, n, d, p, l, b);
            } else {
                projection.mixturesReal(f, dk, dw, out, n, d, p, l, b);
            }
        }
        return new DeviceSpinStack(out, b, n, p);
    }

    @Override
    public CouplingStack hebbian(SpinStack patterns) {
        int n = patterns.rows();
        int p = patterns.cols();
        int b = patterns.count();
        if (p > CouplingStack.MAX_P) {
            throw new IllegalArgumentException("J form needs P <= " + CouplingStack.MAX_P + ", got " + p);
        }
        int words = (p + 63) / 64;
        DeviceBuffer j = device.alloc(2L * b * n * n, "Hebbian couplings " + b + " x " + n + "x" + n);
        try (DeviceBuffer bits = device.alloc(8L * b * n * words, "bit-packed patterns")) {
            hebbianDriver.pack(dev(patterns).buffer(), bits, n, p, words, b);
            hebbianDriver.popcount(bits, j, n, p, words, b);
        }
        return new DeviceCouplingStack(j, b, n, p);
    }

    // --- states and dynamics ---

    /** The columns of a list grouped by the stack they come from (one launch per stack), in first-seen order. */
    private static Map<SpinStack, List<Integer>> bySource(List<Column> columns) {
        Map<SpinStack, List<Integer>> groups = new IdentityHashMap<>();
        List<SpinStack> order = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            SpinStack s = columns.get(k).stack();
            if (!groups.containsKey(s)) {
                order.add(s);
            }
            groups.computeIfAbsent(s, x -> new ArrayList<>()).add(k);
        }
        Map<SpinStack, List<Integer>> ordered = new java.util.LinkedHashMap<>();
        for (SpinStack s : order) {
            ordered.put(s, groups.get(s));
        }
        return ordered;
    }

    @Override
    public SpinStack states(List<Column> starts) {
        int n = starts.get(0).stack().rows();
        int r = starts.size();
        DeviceBuffer states = device.alloc((long) r * n, r + " states of " + n + " spins");
        for (Map.Entry<SpinStack, List<Integer>> g : bySource(starts).entrySet()) {
            List<Integer> ks = g.getValue();
            int m = ks.size();
            int[] matrix = new int[m];
            int[] column = new int[m];
            int[] dest = new int[m];
            int[] flipStart = new int[m + 1];
            for (int q = 0; q < m; q++) {
                Column c = starts.get(ks.get(q));
                matrix[q] = c.matrix();
                column[q] = c.column();
                dest[q] = ks.get(q);
                flipStart[q + 1] = flipStart[q] + c.flips().length;
            }
            int[] sites = new int[Math.max(1, flipStart[m])];
            for (int q = 0; q < m; q++) {
                int[] f = starts.get(ks.get(q)).flips();
                System.arraycopy(f, 0, sites, flipStart[q], f.length);
            }
            try (DeviceBuffer dm = device.upload(matrix, "start matrices"); DeviceBuffer dc = device.upload(column, "start columns");
                 DeviceBuffer ds = device.upload(flipStart, "flip offsets"); DeviceBuffer dsites = device.upload(sites, "flip sites");
                 DeviceBuffer dd = device.upload(dest, "start order")) {
                sweep.startStates(dev(g.getKey()).buffer(), n, g.getKey().cols(), dm, dc, ds, dsites, dd, states, m);
            }
        }
        return new DeviceSpinStack(states, r, n, 1);
    }

    @Override
    public double[] overlaps(SpinStack states, List<Column> references) {
        int n = states.rows();
        int r = states.count();
        long[] sums = new long[r];
        try (DeviceBuffer out = device.zeros(8L * r, "overlap sums")) {
            for (Map.Entry<SpinStack, List<Integer>> g : bySource(references).entrySet()) {
                List<Integer> ks = g.getValue();
                int m = ks.size();
                int[] matrix = new int[m];
                int[] column = new int[m];
                int[] dest = new int[m];
                for (int q = 0; q < m; q++) {
                    Column c = references.get(ks.get(q));
                    matrix[q] = c.matrix();
                    column[q] = c.column();
                    dest[q] = ks.get(q);
                }
                try (DeviceBuffer dm = device.upload(matrix, "reference matrices"); DeviceBuffer dc = device.upload(column, "reference columns");
                     DeviceBuffer dd = device.upload(dest, "reference order")) {
                    sweep.overlaps(dev(states).buffer(), dev(g.getKey()).buffer(), n, g.getKey().cols(), dm, dc, dd, out, m);
                }
            }
            device.download(out, sums, "overlap sums");
        }
        double[] m = new double[r];
        for (int k = 0; k < r; k++) {
            m[k] = (double) sums[k] / n;
        }
        return m;
    }

    @Override
    public List<RelaxationStats> relax(Network network, int[] instance, SpinStack states, List<RandomStream> streams, DynamicsSpec spec) {
        int r = states.count();
        if (r > MAX_REPLICAS_PER_LAUNCH) {
            throw new IllegalArgumentException("at most " + MAX_REPLICAS_PER_LAUNCH + " replicas per relaxation, got " + r
                    + " (the runner's batches stay far below)");
        }
        if (states.rows() != network.n()) {
            throw new IllegalArgumentException("states have " + states.rows() + " spins, the network has " + network.n());
        }
        int n = network.n();
        int p = network.p();
        boolean patternForm = network instanceof Network.Patterns;
        int form = patternForm ? 0 : 1;
        int len = patternForm ? p : n;
        DeviceBuffer none = null;
        DeviceBuffer xi;
        DeviceBuffer jn;
        if (patternForm) {
            xi = dev(((Network.Patterns) network).patterns()).buffer();
            jn = none = device.alloc(8, "no couplings");
        } else {
            jn = ((DeviceCouplingStack) ((Network.Couplings) network).couplings()).buffer();
            xi = none = device.alloc(8, "no patterns");
        }
        String sizes = String.format(Locale.ROOT, "%s form, N=%d P=%d replicas=%d", patternForm ? "pattern" : "J", n, p, r);
        int[] sweeps = new int[r];
        int[] converged = new int[r];
        long[] flips = new long[r];
        long[] stf = new long[r];
        DeviceBuffer s = dev(states).buffer();
        try (DeviceBuffer unused = none;
             DeviceBuffer inst = device.upload(instance, "replica instances");
             DeviceBuffer state = device.alloc(4L * r * len, "fields of " + r + " replicas");
             DeviceBuffer perm = device.alloc(4L * r * n, "permutations of " + r + " replicas");
             DeviceBuffer ids = streamIds(streams);
             DeviceBuffer dSweeps = device.zeros(4L * r, "sweep counters");
             DeviceBuffer dConverged = device.zeros(4L * r, "convergence flags");
             DeviceBuffer dFlips = device.zeros(8L * r, "flip counters");
             DeviceBuffer dStf = device.zeros(8L * r, "energies")) {
            sweep.initState(form, n, p, xi, jn, inst, s, state, r, sizes);
            for (int t0 = 0; t0 < spec.maxSweeps(); t0 += SWEEPS_PER_LAUNCH) {
                int count = Math.min(SWEEPS_PER_LAUNCH, spec.maxSweeps() - t0);
                sweep.sweeps(form, n, p, xi, jn, inst, s, state, perm, ids, streams.get(0).seed(), t0, count, spec.temperature(),
                        spec.rule() == UpdateRule.METROPOLIS, spec.stopAtFixedPoint(), dSweeps, dConverged, dFlips, dStf, r, sizes);
                if (spec.isZeroTemperature() && spec.stopAtFixedPoint() && t0 + count < spec.maxSweeps()) {
                    device.download(dConverged, converged, "convergence flags");
                    if (allSet(converged)) {
                        break;
                    }
                }
            }
            device.download(dSweeps, sweeps, "sweep counters");
            device.download(dConverged, converged, "convergence flags");
            device.download(dFlips, flips, "flip counters");
            device.download(dStf, stf, "energies");
        }
        List<RelaxationStats> out = new ArrayList<>(r);
        for (int k = 0; k < r; k++) {
            out.add(new RelaxationStats(sweeps[k], converged[k] == 1, flips[k], -0.5 * stf[k] / ((double) n * n)));
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
    public List<AnnealOutcome> anneal(List<PerceptronInstance> instances, int[] instance, List<byte[]> starts, List<RandomStream> streams,
                                      AnnealSpec spec) {
        if (!instances.stream().allMatch(PerceptronInstance::binaryInputs)) {
            // the kernel keeps integer fields; Gaussian inputs anneal on the host (same algorithm)
            device.counters().sweepLaunch(starts.size());
            return CpuBackend.annealOnHost(instances, instance, starts, streams, spec, pool);
        }
        int n = instances.get(0).n();
        int p = instances.get(0).p();
        int r = starts.size();
        if (r > MAX_REPLICAS_PER_LAUNCH) {
            throw new IllegalArgumentException("at most " + MAX_REPLICAS_PER_LAUNCH + " annealing replicas per call, got " + r);
        }
        byte[] xs = new byte[Math.multiplyExact(instances.size(), n * p)];
        for (int k = 0; k < instances.size(); k++) {
            System.arraycopy(instances.get(k).asSpins().data(), 0, xs, k * n * p, n * p);
        }
        byte[] w = new byte[r * n];
        for (int k = 0; k < r; k++) {
            System.arraycopy(starts.get(k), 0, w, k * n, n);
        }
        String sizes = "perceptron N=" + n + " P=" + p + " replicas=" + r;
        int[] energy = new int[r];
        long[] steps = new long[r];
        try (DeviceBuffer xi = device.upload(xs, "perceptron inputs " + instances.size() + " x " + n + "x" + p);
             DeviceBuffer inst = device.upload(instance, "replica instances");
             DeviceBuffer dw = device.upload(w, "weights of " + r + " replicas");
             DeviceBuffer fields = device.alloc(4L * r * p, "fields of " + r + " replicas");
             DeviceBuffer perm = device.alloc(4L * r * n, "permutations");
             DeviceBuffer ids = streamIds(streams);
             DeviceBuffer dEnergy = device.zeros(4L * r, "energies");
             DeviceBuffer dSteps = device.zeros(8L * r, "step counters")) {
            annealDriver.fields(n, p, xi, inst, dw, fields, r, sizes);
            for (int t0 = 0; t0 < spec.maxSweeps(); t0 += SWEEPS_PER_LAUNCH) {
                annealDriver.anneal(n, p, xi, inst, dw, fields, perm, ids, streams.get(0).seed(), t0, SWEEPS_PER_LAUNCH, spec.maxSweeps(),
                        spec.beta0(), spec.beta1(), spec.kappa() * Math.sqrt(n), spec.energyExponent(), Math.sqrt(n), dEnergy, dSteps, r,
                        sizes);
                device.download(dEnergy, energy, "energies");
                if (java.util.Arrays.stream(energy).allMatch(e -> e == 0)) {
                    break;
                }
            }
            device.download(dw, w, "weights");
            device.download(dSteps, steps, "step counters");
        }
        List<AnnealOutcome> out = new ArrayList<>();
        for (int k = 0; k < r; k++) {
            out.add(new AnnealOutcome(java.util.Arrays.copyOfRange(w, k * n, (k + 1) * n), energy[k], steps[k]));
        }
        return out;
    }

    @Override
    public List<RsgdOutcome> replicatedSgd(List<PerceptronInstance> instances, int[] instance, List<RandomStream> streams, RsgdSpec spec) {
        if (!instances.stream().allMatch(PerceptronInstance::binaryInputs)) {
            // the kernel keeps integer fields; Gaussian inputs train on the host (same algorithm)
            device.counters().sweepLaunch(streams.size());
            return CpuBackend.replicatedSgdOnHost(instances, instance, streams, spec, pool);
        }
        int runs = streams.size();
        if (instance.length != runs) {
            throw new IllegalArgumentException("replicated SGD: " + instance.length + " instance indices for " + runs + " runs");
        }
        if (runs == 0) {
            return List.of();
        }
        if (runs > MAX_REPLICAS_PER_LAUNCH) {
            throw new IllegalArgumentException("at most " + MAX_REPLICAS_PER_LAUNCH + " replicated-SGD runs per call, got " + runs);
        }
        int n = instances.get(0).n();
        int p = instances.get(0).p();
        for (PerceptronInstance inst : instances) {
            if (inst.n() != n || inst.p() != p) {
                throw new IllegalArgumentException("replicated SGD: the instances of one batch share N x P, got " + inst.n() + " x " + inst.p()
                        + " beside " + n + " x " + p);
            }
        }
        int y = spec.replicas();
        int words = (n + 63) >>> 6;
        long[] xbits = new long[Math.multiplyExact(instances.size(), p * words)];
        for (int k = 0; k < instances.size(); k++) {
            double[] xi = instances.get(k).xi(); // site-major, labels folded in; bit i of pattern mu set when +1
            for (int i = 0; i < n; i++) {
                for (int mu = 0; mu < p; mu++) {
                    if (xi[i * p + mu] > 0) {
                        xbits[(k * p + mu) * words + (i >>> 6)] |= 1L << (i & 63);
                    }
                }
            }
        }
        long[] seeds = new long[runs];
        long[] ids = new long[runs * (y + 2)];
        for (int r = 0; r < runs; r++) {
            RandomStream.Family f = streams.get(r).family();
            seeds[r] = f.seed();
            for (int m = 0; m < y + 2; m++) {
                ids[r * (y + 2) + m] = f.stream(m).streamId();
            }
        }
        int threshold = (int) Math.ceil(spec.kappa() * Math.sqrt(n));
        int batches = (p + spec.batch() - 1) / spec.batch();
        int rows = 2 * y + 3;
        double[] table = new double[EPOCHS_PER_LAUNCH * rows];
        double[] tanh = new double[2 * y + 1];
        int[] state = new int[runs * RsgdDriver.STATE];
        byte[] best = new byte[runs * n];
        String sizes = "replicated SGD N=" + n + " P=" + p + " y=" + y + " runs=" + runs;
        try (DeviceBuffer dx = device.upload(xbits, "bit-packed inputs " + instances.size() + " x " + p + "x" + n);
             DeviceBuffer dInst = device.upload(instance, "run instances");
             DeviceBuffer dSeeds = device.upload(seeds, "run seeds");
             DeviceBuffer dIds = device.upload(ids, "stream ids");
             DeviceBuffer dTable = device.alloc(8L * table.length, "epoch parameters");
             DeviceBuffer dH = device.alloc(8L * runs * y * n, "hidden fields");
             DeviceBuffer dW = device.alloc((long) runs * y * n, "replica weights");
             DeviceBuffer dWb = device.alloc(8L * runs * y * words, "packed replica weights");
             DeviceBuffer dS = device.alloc(4L * runs * n, "replica sums");
             DeviceBuffer dC = device.alloc(8L * runs * words, "packed centres");
             DeviceBuffer dOrder = device.alloc(4L * runs * y * p, "pattern orders");
             DeviceBuffer dROrder = device.alloc(4L * runs * y, "replica orders");
             DeviceBuffer dFlags = device.alloc(4L * runs * p, "violation flags");
             DeviceBuffer dState = device.alloc(4L * state.length, "run states");
             DeviceBuffer dBest = device.alloc(best.length, "reported weights")) {
            rsgdDriver.start(n, p, y, words, dx, dInst, dSeeds, dIds, dH, dW, dWb, dS, dC, threshold, dState, dBest, runs, sizes);
            double eta = spec.eta();
            double lambda = spec.lambda();
            for (int e0 = 0; e0 < spec.maxEpochs(); e0 += EPOCHS_PER_LAUNCH) {
                int count = Math.min(EPOCHS_PER_LAUNCH, spec.maxEpochs() - e0);
                for (int e = 0; e < count; e++) {
                    // the CPU twin's sequence: eta, lambda multiplied after every epoch
                    table[e * rows] = eta;
                    table[e * rows + 1] = lambda;
                    spec.couplingTable(e0 + e, tanh);
                    System.arraycopy(tanh, 0, table, e * rows + 2, tanh.length);
                    eta *= spec.etaFactor();
                    lambda *= spec.lambdaFactor();
                }
                device.copyIn(table, dTable, "epoch parameters");
                rsgdDriver.epochs(n, p, y, words, spec.batch(), batches, spec.maxEpochs(), e0, count, dx, dInst, dSeeds, dIds, dTable, dH, dW,
                        dWb, dS, dC, dOrder, dROrder, dFlags, threshold, dState, dBest, runs, sizes);
                device.download(dState, state, "run states");
                boolean allSolved = true;
                for (int r = 0; r < runs; r++) {
                    allSolved &= state[r * RsgdDriver.STATE + 1] == 1;
                }
                if (allSolved) {
                    break;
                }
            }
            device.download(dState, state, "run states");
            device.download(dBest, best, "reported weights");
        }
        double sqrtN = Math.sqrt(n);
        List<RsgdOutcome> out = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++) {
            int o = r * RsgdDriver.STATE;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = best[r * n + i];
            }
            int epochs = state[o];
            out.add(new RsgdOutcome(w, state[o + 1] == 1, state[o + 2], epochs, state[o + 3], state[o + 4] / sqrtN, state[o + 5] / sqrtN,
                    state[o + 6], spec.gamma(Math.max(0, epochs - 1))));
        }
        return out;
    }

    @Override
    public TrainingOps training() {
        return training;
    }

    @Override
    public LinearOps linear() {
        return new io.dismc.backend.cuda.CudaLinear(device);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        training.close();
        device.close();
    }
}
