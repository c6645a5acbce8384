package io.dismc.backend.cpu;

import io.dismc.backend.TrainingOps;
import io.dismc.dynamics.LangevinSpec;
import io.dismc.dynamics.LangevinStep;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** The CPU backend's training operations: replicas in parallel on the pool. */
public final class CpuTraining implements TrainingOps {
    private final ForkJoinPool pool;

    public CpuTraining(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public double[] twoLayerGradients(TwoLayerNetwork net, Dataset data, float[][] weights, double[][] grads) {
        double[] loss = new double[weights.length];
        Parallel.forEach(pool, weights.length,
                r -> loss[r] = net.lossAndGradient(TwoLayerNetwork.widen(weights[r]), data, grads[r]));
        return loss;
    }

    @Override
    public void langevinStep(float[][] weights, float[][] grads, LangevinSpec spec, List<RandomStream> streams, long step) {
        Parallel.forEach(pool, weights.length,
                r -> LangevinStep.apply(weights[r], grads == null ? null : grads[r], spec, streams.get(r), step));
    }
}
