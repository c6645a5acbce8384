package io.dismc.backend;

import io.dismc.backend.cpu.AsynchronousDynamics;
import io.dismc.backend.cpu.BinaryAnnealing;
import io.dismc.backend.cpu.CpuTraining;
import io.dismc.backend.cpu.HebbianCouplings;
import io.dismc.backend.cpu.HebbianProduct;
import io.dismc.backend.cpu.HostCouplingStack;
import io.dismc.backend.cpu.HostRealStack;
import io.dismc.backend.cpu.HostSpinStack;
import io.dismc.backend.cpu.LocalField;
import io.dismc.backend.cpu.PatternCouplings;
import io.dismc.backend.cpu.RandomFills;
import io.dismc.backend.cpu.ReplicatedSgdRun;
import io.dismc.backend.cpu.Relaxation;
import io.dismc.backend.cpu.SignProjection;
import io.dismc.backend.cpu.SpinKernels;
import io.dismc.backend.cpu.SweepObserver;
import io.dismc.data.PerceptronInstance;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Pure-Java backend: the reference implementation. Stacks are Java arrays; work runs in parallel over
 * independent matrices, replicas and row blocks on one fork-join pool of {@code threads} workers; a
 * single replica's dynamics is sequential, as asynchronous dynamics must be. Its "launches" (one per
 * batched operation) are counted like the GPU's, so batching can be checked on any machine; it moves
 * no bytes.
 */
public final class CpuBackend implements Backend {
    private final ForkJoinPool pool;
    private final SpinKernels kernels;
    private final CpuTraining training;
    private final Counters counters = new Counters();

    public CpuBackend(int threads) {
        this(threads, SpinKernels.best());
    }

    public CpuBackend(int threads, SpinKernels kernels) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.pool = new ForkJoinPool(threads);
        this.kernels = kernels;
        this.training = new CpuTraining(pool);
    }

    @Override
    public ForkJoinPool pool() {
        return pool;
    }

    public SpinKernels kernels() {
        return kernels;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "cpu (" + threads() + " threads, " + kernels.name() + " kernels, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ")";
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    static HostSpinStack host(SpinStack s) {
        return (HostSpinStack) s;
    }

    static HostRealStack host(RealStack s) {
        return (HostRealStack) s;
    }

    // --- disorder ---

    @Override
    public SpinStack randomSpins(List<RandomStream> streams, int rows, int cols) {
        counters.launch();
        SpinMatrix[] out = new SpinMatrix[streams.size()];
        Parallel.forEach(pool, out.length, b -> out[b] = RandomFills.spins(streams.get(b), rows, cols));
        return new HostSpinStack(rows, cols, List.of(out));
    }

    @Override
    public RealStack gaussians(List<RandomStream> streams, int rows, int cols) {
        counters.launch();
        RealMatrix[] out = new RealMatrix[streams.size()];
        Parallel.forEach(pool, out.length, b -> out[b] = RandomFills.gaussians(streams.get(b), rows, cols));
        return new HostRealStack(rows, cols, List.of(out));
    }

    @Override
    public void snapToGrid(RealStack values, double step) {
        counters.launch();
        for (RealMatrix m : host(values).matrices()) {
            RandomFills.snap(m.data(), step);
        }
    }

    @Override
    public void binarize(RealStack values) {
        counters.launch();
        for (RealMatrix m : host(values).matrices()) {
            RandomFills.binarize(m.data());
        }
    }

    @Override
    public SpinStack signs(RealStack values) {
        counters.launch();
        List<SpinMatrix> out = new ArrayList<>();
        for (RealMatrix m : host(values).matrices()) {
            double[] v = m.data();
            byte[] s = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                s[i] = (byte) (v[i] >= 0 ? 1 : -1);
            }
            out.add(new SpinMatrix(m.rows(), m.cols(), s));
        }
        return new HostSpinStack(values.rows(), values.cols(), out);
    }

    @Override
    public SpinStack spins(List<SpinMatrix> matrices) {
        // a copy, as an upload is: the stack's states evolve without touching the caller's arrays
        List<SpinMatrix> own = new ArrayList<>();
        for (SpinMatrix m : matrices) {
            own.add(new SpinMatrix(m.rows(), m.cols(), m.data().clone()));
        }
        return new HostSpinStack(matrices.get(0).rows(), matrices.get(0).cols(), own);
    }

    @Override
    public RealStack reals(List<RealMatrix> matrices) {
        List<RealMatrix> own = new ArrayList<>();
        for (RealMatrix m : matrices) {
            own.add(new RealMatrix(m.rows(), m.cols(), m.data().clone()));
        }
        return new HostRealStack(matrices.get(0).rows(), matrices.get(0).cols(), own);
    }

    @Override
    public short[] read(CouplingStack stack, int matrix) {
        return ((HostCouplingStack) stack).networks().get(matrix).numerators();
    }

    @Override
    public SpinMatrix read(SpinStack stack, int matrix) {
        return host(stack).matrices().get(matrix);
    }

    @Override
    public RealMatrix read(RealStack stack, int matrix) {
        return host(stack).matrices().get(matrix);
    }

    // --- products ---

    @Override
    public SpinStack signProjection(SpinStack features, RealStack latents) {
        counters.launch();
        List<SpinMatrix> out = new ArrayList<>();
        for (int b = 0; b < features.count(); b++) {
            out.add(SignProjection.of(host(features).matrices().get(b), host(latents).matrices().get(b), pool));
        }
        return new HostSpinStack(features.rows(), latents.cols(), out);
    }

    @Override
    public SpinStack signProjection(RealStack features, RealStack latents) {
        counters.launch();
        List<SpinMatrix> out = new ArrayList<>();
        for (int b = 0; b < features.count(); b++) {
            out.add(SignProjection.of(host(features).matrices().get(b), host(latents).matrices().get(b), pool));
        }
        return new HostSpinStack(features.rows(), latents.cols(), out);
    }

    @Override
    public SpinStack mixtures(SpinStack features, int p, int l, int[][] chosen, double[][] weights) {
        List<SpinMatrix> f = host(features).matrices();
        return mixtures(features.count(), features.rows(), b -> f.get(b)::get, p, l, chosen, weights);
    }

    @Override
    public SpinStack mixtures(RealStack features, int p, int l, int[][] chosen, double[][] weights) {
        List<RealMatrix> f = host(features).matrices();
        return mixtures(features.count(), features.rows(), b -> f.get(b)::get, p, l, chosen, weights);
    }

    /** The mixtures of either kind of features, one task per instance (features(b) reads instance b's entries). */
    private SpinStack mixtures(int count, int rows, java.util.function.IntFunction<SignProjection.FeatureValue> features, int p, int l,
                               int[][] chosen, double[][] weights) {
        counters.launch();
        SpinMatrix[] out = new SpinMatrix[count];
        Parallel.forEach(pool, count, b -> out[b] = SignProjection.mixtures(features.apply(b), rows, p, l, chosen[b], weights[b]));
        return new HostSpinStack(rows, p, List.of(out));
    }

    @Override
    public CouplingStack hebbian(SpinStack patterns) {
        counters.launch();
        List<HebbianCouplings> out = new ArrayList<>();
        for (SpinMatrix m : host(patterns).matrices()) {
            out.add(HebbianProduct.of(m, pool));
        }
        return new HostCouplingStack(patterns.rows(), patterns.cols(), out);
    }

    // --- states and dynamics ---

    @Override
    public SpinStack states(List<Column> starts) {
        counters.launch();
        int n = starts.get(0).stack().rows();
        List<SpinMatrix> out = new ArrayList<>(starts.size());
        for (Column c : starts) {
            out.add(new SpinMatrix(n, 1, AsynchronousDynamics.startState(host(c.stack()).matrices().get(c.matrix()), c.column(), c.flips())));
        }
        return new HostSpinStack(n, 1, out);
    }

    @Override
    public List<RelaxationStats> relax(Network network, int[] instance, SpinStack states, List<RandomStream> streams, DynamicsSpec spec) {
        counters.sweepLaunch(states.count());
        RelaxationStats[] out = new RelaxationStats[states.count()];
        Parallel.forEach(pool, out.length, r -> {
            byte[] s = host(states).data(r);
            if (s.length != network.n()) {
                throw new IllegalArgumentException("state has " + s.length + " spins, network has " + network.n());
            }
            LocalField field = LocalField.of(couplings(network, instance[r]), kernels);
            Relaxation x = AsynchronousDynamics.relax(field, s, streams.get(r), spec, SweepObserver.NONE);
            out[r] = new RelaxationStats(x.sweeps(), x.converged(), x.flips(), x.energyPerSpin());
        });
        return List.of(out);
    }

    private static io.dismc.backend.cpu.Couplings couplings(Network network, int b) {
        if (network instanceof Network.Patterns p) {
            return new PatternCouplings(host(p.patterns()).matrices().get(b));
        }
        return ((HostCouplingStack) ((Network.Couplings) network).couplings()).networks().get(b);
    }

    @Override
    public double[] overlaps(SpinStack states, List<Column> references) {
        counters.launch();
        double[] m = new double[states.count()];
        for (int r = 0; r < m.length; r++) {
            Column c = references.get(r);
            m[r] = AsynchronousDynamics.overlap(host(states).data(r), host(c.stack()).matrices().get(c.matrix()), c.column());
        }
        return m;
    }

    @Override
    public List<AnnealOutcome> anneal(List<PerceptronInstance> instances, int[] instance, List<byte[]> starts, List<RandomStream> streams,
                                      AnnealSpec spec) {
        counters.sweepLaunch(starts.size());
        return annealOnHost(instances, instance, starts, streams, spec, pool);
    }

    /** The CPU annealer over replicas in parallel (also the CUDA backend's path for Gaussian inputs). */
    static List<AnnealOutcome> annealOnHost(List<PerceptronInstance> instances, int[] instance, List<byte[]> starts,
                                            List<RandomStream> streams, AnnealSpec spec, ForkJoinPool pool) {
        AnnealOutcome[] out = new AnnealOutcome[starts.size()];
        Parallel.forEach(pool, out.length, r -> out[r] = BinaryAnnealing.run(instances.get(instance[r]), starts.get(r), streams.get(r), spec));
        return List.of(out);
    }

    @Override
    public List<RsgdOutcome> replicatedSgd(List<PerceptronInstance> instances, int[] instance, List<RandomStream> streams, RsgdSpec spec) {
        counters.sweepLaunch(streams.size());
        return replicatedSgdOnHost(instances, instance, streams, spec, pool);
    }

    /** The CPU's replicated SGD over runs in parallel (also the CUDA backend's path for Gaussian inputs). */
    static List<RsgdOutcome> replicatedSgdOnHost(List<PerceptronInstance> instances, int[] instance, List<RandomStream> streams,
                                                 RsgdSpec spec, ForkJoinPool pool) {
        if (instance.length != streams.size()) {
            throw new IllegalArgumentException("replicated SGD: " + instance.length + " instance indices for " + streams.size() + " runs");
        }
        RsgdOutcome[] out = new RsgdOutcome[streams.size()];
        Parallel.forEach(pool, out.length, r -> out[r] = ReplicatedSgdRun.run(instances.get(instance[r]), spec, streams.get(r)));
        return List.of(out);
    }

    @Override
    public TrainingOps training() {
        return training;
    }

    @Override
    public LinearOps linear() {
        return new io.dismc.backend.cpu.CpuLinear(pool, counters);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
