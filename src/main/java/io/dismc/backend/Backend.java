package io.dismc.backend;

import io.dismc.dynamics.DynamicsSpec;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.model.Couplings;
import io.dismc.model.HebbianCouplings;
import io.dismc.model.PerceptronInstance;
import io.dismc.perceptron.AnnealSpec;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import java.util.List;

/**
 * The operations models and experiments need from a compute device. Every method is deterministic
 * given its inputs (random draws come from counter-addressed streams), so two backends can be
 * compared value by value. The CPU backend is the reference; the CUDA backend implements the same
 * contract with the kernels in {@code kernels/}.
 */
public interface Backend extends AutoCloseable {
    /** "cpu" or "cuda". */
    String name();

    /** One line for logs and run.json: device, threads, kernel flavour. */
    String description();

    /** Worker threads this backend uses for independent work (units, replicas, row blocks). */
    int threads();

    /** The pool on which independent units run; the backend's own parallel work joins it. */
    java.util.concurrent.ForkJoinPool pool();

    /**
     * Memory a batch of units may take on this backend (a GPU's free memory, with headroom): the runner
     * splits batches to fit it, so a large sweep never fails for size.
     */
    default long batchMemoryBytes() {
        return Long.MAX_VALUE;
    }

    /** What this backend has done so far (launches, bytes moved, allocations, synchronizations, units). */
    Counters counters();

    /** Called by the runner as units finish, for the counters run.json records. */
    default void countUnits(int units) {
        counters().units(units);
    }

    // --- bulk random fills (draw e of the stream goes to storage index e) ---

    /** rows x cols +-1 matrix from spins 0..rows*cols-1 of the stream. */
    SpinMatrix randomSpins(RandomStream stream, int rows, int cols);

    /** Gaussians 0..count-1 of the stream. */
    double[] gaussians(RandomStream stream, int count);

    // --- products ---

    /** sign(F C) for +-1 features F (N x D) and latents C (D x P): N x P site-major, sign(0) = +1. */
    SpinMatrix signProjection(SpinMatrix features, RealMatrix latents);

    /** sign(F C) for real features. */
    SpinMatrix signProjection(RealMatrix features, RealMatrix latents);

    /** Hebbian numerators N J_ij = sum_mu xi_i^mu xi_j^mu, diagonal zero, exact. */
    HebbianCouplings hebbian(SpinMatrix patterns);

    // --- dynamics and reductions ---

    /** Batched asynchronous dynamics: every replica relaxes independently on the same couplings. */
    List<Relaxation> relax(Couplings couplings, List<Replica> replicas, DynamicsSpec spec);

    /** Energy per spin E/N of state s. */
    double energyPerSpin(Couplings couplings, byte[] s);

    /** Training of weight vectors: Langevin steps and two-layer passes (kernels/langevin.cu, kernels/two_layer.cu). */
    TrainingOps training();

    /**
     * Batched simulated annealing of a binary perceptron: each replica (its +-1 start weights and its
     * stream) anneals independently on the same instance (mirror pair: BinaryAnnealing and the
     * perceptron_anneal kernel).
     */
    List<SolverOutcome> anneal(PerceptronInstance instance, List<Replica> replicas, AnnealSpec spec);

    @Override
    void close();
}
