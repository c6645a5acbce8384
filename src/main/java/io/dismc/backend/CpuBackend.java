package io.dismc.backend;

import io.dismc.backend.cpu.CpuTraining;
import io.dismc.backend.cpu.HebbianProduct;
import io.dismc.parallel.Parallel;
import io.dismc.backend.cpu.SignProjection;
import io.dismc.backend.cpu.SpinKernels;
import io.dismc.dynamics.AsynchronousDynamics;
import io.dismc.dynamics.DynamicsSpec;
import io.dismc.dynamics.LocalField;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.dynamics.SweepObserver;
import io.dismc.model.Couplings;
import io.dismc.model.HebbianCouplings;
import io.dismc.model.PerceptronInstance;
import io.dismc.perceptron.AnnealSpec;
import io.dismc.perceptron.BinaryAnnealing;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Pure-Java backend: the reference implementation. Parallel over independent replicas, units and row
 * blocks on one fork-join pool of {@code threads} workers; a single replica's dynamics is sequential,
 * as asynchronous dynamics must be.
 */
public final class CpuBackend implements Backend {
    private final ForkJoinPool pool;
    private final SpinKernels kernels;
    private final CpuTraining training;

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

    private final Counters counters = new Counters();

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public SpinMatrix randomSpins(RandomStream stream, int rows, int cols) {
        byte[] data = new byte[Math.multiplyExact(rows, cols)];
        stream.spins(0, data, 0, data.length);
        return new SpinMatrix(rows, cols, data);
    }

    @Override
    public double[] gaussians(RandomStream stream, int count) {
        double[] out = new double[count];
        stream.gaussians(0, out, 0, count);
        return out;
    }

    @Override
    public SpinMatrix signProjection(SpinMatrix features, RealMatrix latents) {
        return SignProjection.of(features, latents, pool);
    }

    @Override
    public SpinMatrix signProjection(RealMatrix features, RealMatrix latents) {
        return SignProjection.of(features, latents, pool);
    }

    @Override
    public HebbianCouplings hebbian(SpinMatrix patterns) {
        return HebbianProduct.of(patterns, pool);
    }

    @Override
    public List<Relaxation> relax(Couplings couplings, List<Replica> replicas, DynamicsSpec spec) {
        List<RecursiveTask<Relaxation>> tasks = new ArrayList<>();
        for (Replica r : replicas) {
            if (r.initial().length != couplings.n()) {
                throw new IllegalArgumentException("replica has " + r.initial().length + " spins, network has " + couplings.n());
            }
            tasks.add(new RecursiveTask<>() {
                @Override
                protected Relaxation compute() {
                    LocalField field = LocalField.of(couplings, kernels);
                    return AsynchronousDynamics.relax(field, r.initial().clone(), r.stream(), spec, SweepObserver.NONE);
                }
            });
        }
        Parallel.invokeAll(pool, tasks);
        List<Relaxation> out = new ArrayList<>(tasks.size());
        for (RecursiveTask<Relaxation> t : tasks) {
            out.add(t.join());
        }
        return out;
    }

    @Override
    public double energyPerSpin(Couplings couplings, byte[] s) {
        LocalField field = LocalField.of(couplings, kernels);
        field.reset(s);
        return LocalField.energyPerSpin(field.sumSpinTimesField(s), s.length);
    }

    @Override
    public TrainingOps training() {
        return training;
    }

    @Override
    public List<SolverOutcome> anneal(PerceptronInstance instance, List<Replica> replicas, AnnealSpec spec) {
        return annealOnHost(instance, replicas, spec, pool);
    }

    /** The CPU annealer over replicas in parallel (also the CUDA backend's path for Gaussian inputs). */
    static List<SolverOutcome> annealOnHost(PerceptronInstance instance, List<Replica> replicas, AnnealSpec spec, ForkJoinPool pool) {
        List<RecursiveTask<SolverOutcome>> tasks = new ArrayList<>();
        for (Replica r : replicas) {
            tasks.add(new RecursiveTask<>() {
                @Override
                protected SolverOutcome compute() {
                    return BinaryAnnealing.run(instance, r.initial(), r.stream(), spec);
                }
            });
        }
        Parallel.invokeAll(pool, tasks);
        List<SolverOutcome> out = new ArrayList<>();
        for (RecursiveTask<SolverOutcome> t : tasks) {
            out.add(t.join());
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
