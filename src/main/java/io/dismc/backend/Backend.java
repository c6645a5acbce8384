package io.dismc.backend;

import io.dismc.data.PerceptronInstance;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import java.util.List;

/**
 * The operations models and experiments need from a compute device, on batches: every operation acts
 * on all the instances of a stack (each with its own disorder) or all the replicas of a state stack at
 * once, and its data stays resident on the backend between calls (stacks are handles, not host arrays),
 * so a GPU receives whole batches and only starting choices and observables cross the bus. Every method
 * is deterministic given its inputs (random draws come from counter-addressed streams), so two backends
 * are compared value by value. The CPU backend is the reference; the CUDA backend implements the same
 * contract with the kernels in {@code kernels/}, one Java driver per kernel file. This contract names no
 * model family: what crosses it is here or in {@code io.dismc.data}.
 */
public interface Backend extends AutoCloseable {
    /** "cpu" or "cuda". */
    String name();

    /** One line for logs and run.json: device, threads, kernel flavour. */
    String description();

    /** Worker threads this backend uses for independent work (batches, replicas, row blocks). */
    int threads();

    /** The pool on which independent batches run; the backend's own parallel work joins it. */
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

    // --- disorder, generated where it stays (kernels/rng.cu) ---

    /** Matrix b: rows x cols +-1 entries, entry e = spin e of streams.get(b). */
    SpinStack randomSpins(List<RandomStream> streams, int rows, int cols);

    /** Matrix b: rows x cols Gaussians, entry e = Gaussian e of streams.get(b). */
    RealStack gaussians(List<RandomStream> streams, int rows, int cols);

    /** Rounds every entry to the nearest multiple of step (the exact-projection grid, docs/models.md 5.6), in place. */
    void snapToGrid(RealStack values, double step);

    /** Replaces every entry by its sign, +1.0 or -1.0 (sign(0) = +1), in place. */
    void binarize(RealStack values);

    /** The signs of the entries as spins (sign(0) = +1). */
    SpinStack signs(RealStack values);

    /** Host matrices made resident (inputs that are not generated on the backend). */
    SpinStack spins(List<SpinMatrix> matrices);

    RealStack reals(List<RealMatrix> matrices);

    /** One matrix of a stack, to the host: recorded arrays and tests only, never a unit's hot path. */
    SpinMatrix read(SpinStack stack, int matrix);

    RealMatrix read(RealStack stack, int matrix);

    /** One network's Hebbian numerators N J_ij, row-major N x N, to the host (tests and benchmarks). */
    short[] read(CouplingStack stack, int matrix);

    // --- products (kernels/projection.cu, kernels/hebbian.cu) ---

    /** Matrix b: sign(F_b C_b) for +-1 features F_b (N x D) and latents C_b (D x P), sign(0) = +1. */
    SpinStack signProjection(SpinStack features, RealStack latents);

    /** The same for real features. */
    SpinStack signProjection(RealStack features, RealStack latents);

    /**
     * Sparse mixtures of features: example mu of matrix b is sign(sum_q w[b][mu L + q] F_b[:, k[b][mu L + q]]),
     * the sum taken in q order (sign(0) = +1); features as spins or reals.
     */
    SpinStack mixtures(SpinStack features, int p, int l, int[][] chosen, double[][] weights);

    SpinStack mixtures(RealStack features, int p, int l, int[][] chosen, double[][] weights);

    /** The Hebbian numerators of every matrix of patterns (P &lt;= {@link CouplingStack#MAX_P}), exact. */
    CouplingStack hebbian(SpinStack patterns);

    // --- states and asynchronous dynamics (kernels/async_sweep.cu) ---

    /** One state per start: the start's column with its flips applied (R states of N x 1). */
    SpinStack states(List<Column> starts);

    /**
     * Asynchronous dynamics of every state at once, state r on network instance.get(r), drawing from
     * streams.get(r) (docs/models.md 1.1.3); the states are updated in place. All streams share one seed.
     */
    List<RelaxationStats> relax(Network network, int[] instance, SpinStack states, List<RandomStream> streams, DynamicsSpec spec);

    /** Mattis overlaps (1/N) sum_i s_r,i c_r,i of each state with its reference column. */
    double[] overlaps(SpinStack states, List<Column> references);

    // --- perceptron annealing (kernels/anneal.cu) ---

    /**
     * Batched simulated annealing of binary perceptrons: replica r anneals on instances.get(instance[r])
     * from the +-1 weights starts.get(r) with its own stream (docs/models.md 2.2).
     */
    List<AnnealOutcome> anneal(List<PerceptronInstance> instances, int[] instance, List<byte[]> starts, List<RandomStream> streams,
                               AnnealSpec spec);

    // --- replicated SGD (kernels/rsgd.cu) ---

    /**
     * Batched replicated SGD of binary perceptrons (docs/models.md 2.2.2): run r trains its y coupled
     * replicas on instances.get(instance[r]), drawing from the family of streams.get(r); outcome r belongs
     * to run r and does not depend on the batch. Every run of the batch goes in one launch.
     */
    List<RsgdOutcome> replicatedSgd(List<PerceptronInstance> instances, int[] instance, List<RandomStream> streams, RsgdSpec spec);

    // --- training (kernels/langevin.cu, kernels/two_layer.cu) ---

    /** Training of weight vectors: Langevin steps and two-layer passes. */
    TrainingOps training();

    /** Stacks of Gaussian matrices and their products with vectors (kernels/linear.cu). */
    LinearOps linear();

    @Override
    void close();
}
