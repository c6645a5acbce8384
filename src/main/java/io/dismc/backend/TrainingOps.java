package io.dismc.backend;

import io.dismc.dynamics.LangevinSpec;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import java.util.List;

/** The training operations of a backend: Langevin steps and the two-layer network's passes, batched over replicas. */
public interface TrainingOps {
    /**
     * One Langevin step for every replica (all of the same length n), in place:
     * w &lt;- w - eta (grad + lambda w) + sqrt(2 eta T) z, z = Gaussian (step * n + i) of the replica's
     * stream, then the projection on |w|^2 = n when spec.sphere(). grads may be null.
     */
    void langevinStep(float[][] weights, float[][] grads, LangevinSpec spec, List<RandomStream> streams, long step);

    /**
     * Data-term loss and gradient of every replica of a two-layer network on one shared dataset: the
     * forward (W X^T) and backward (B X) matrix products of {@link TwoLayerNetwork#lossAndGradient},
     * batched over replicas (mirror pair: that method and kernels/two_layer.cu). grads[r] receives the
     * gradient of weights[r]; returns the losses.
     */
    double[] twoLayerGradients(TwoLayerNetwork net, Dataset data, float[][] weights, double[][] grads);
}
