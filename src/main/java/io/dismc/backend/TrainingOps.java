package io.dismc.backend;

import io.dismc.rng.RandomStream;
import java.util.List;

/**
 * The training operations of a backend, batched over replicas that share one problem, with the state
 * resident on the backend for a whole run: the host hands over the problem and the start weights once
 * and brings back only what it records. Every operation is deterministic given its inputs (the noise
 * and the minibatches are addressed by (seed, stream, index)), so the CPU backend (the reference) and
 * the CUDA backend can be compared value by value.
 */
public interface TrainingOps {
    /**
     * Opens replicas of a two-layer network for training on shared examples (docs/models.md, section
     * 3.3; kernels/two_layer.cu and kernels/langevin.cu on the GPU, their twins backend.cpu.TwoLayerPasses
     * and backend.cpu.LangevinStep on the CPU).
     *
     * @param starts  start weights, one vector of shape.parameterCount() floats per replica (copied)
     * @param anchors elastic anchor per replica (copied), needed when rule.elastic() &gt; 0, else may be null
     * @param streams one per replica: the Langevin noise and the minibatch draws; all of one seed
     */
    TwoLayerSession openTwoLayer(TwoLayerShape shape, Examples data, TwoLayerRule rule, float[][] starts, float[][] anchors,
                                 List<RandomStream> streams);

    /**
     * Runs gradient descent / Langevin on the sphere for every replica from its start (on the sphere) to
     * its end (docs/models.md, section 2; kernels/sphere_descent.cu and kernels/langevin.cu on the GPU,
     * backend.cpu.SphereDescent on the CPU): replica r takes step t (noise draws t N + i of its stream)
     * while it still violates a constraint and t &lt; maxSteps.
     */
    List<DescentResult> sphericalDescent(Constraints constraints, SphereDescentRule rule, float[][] starts, List<RandomStream> streams);

    /** The preconditions of {@link #openTwoLayer}, checked by every implementation. */
    static void checkTwoLayer(TwoLayerShape shape, Examples data, TwoLayerRule rule, float[][] starts, float[][] anchors,
                              List<RandomStream> streams) {
        if (data.n() != shape.n()) {
            throw new IllegalArgumentException("examples have " + data.n() + " inputs, the network " + shape.n());
        }
        if (rule.batch() > data.p()) {
            throw new IllegalArgumentException("minibatch of " + rule.batch() + " exceeds the " + data.p() + " examples");
        }
        checkReplicas(starts, shape.parameterCount(), streams, "weights");
        if (rule.elastic() > 0) {
            if (anchors == null) {
                throw new IllegalArgumentException("an elastic coupling needs an anchor per replica");
            }
            checkReplicas(anchors, shape.parameterCount(), streams, "anchor weights");
        }
    }

    /** The preconditions of {@link #sphericalDescent}. */
    static void checkDescent(Constraints constraints, float[][] starts, List<RandomStream> streams) {
        checkReplicas(starts, constraints.n(), streams, "weights");
    }

    private static void checkReplicas(float[][] vectors, int length, List<RandomStream> streams, String what) {
        if (vectors.length == 0 || vectors.length != streams.size()) {
            throw new IllegalArgumentException(vectors.length + " replicas of " + what + " for " + streams.size()
                    + " streams (one stream per replica, at least one replica)");
        }
        for (int r = 0; r < vectors.length; r++) {
            if (vectors[r].length != length) {
                throw new IllegalArgumentException("replica " + r + " has " + vectors[r].length + " " + what + ", expected " + length);
            }
            if (streams.get(r).seed() != streams.get(0).seed()) {
                throw new IllegalArgumentException("the replicas' streams must share one seed");
            }
        }
    }
}
