package io.dismc.backend.cpu;

import io.dismc.backend.Constraints;
import io.dismc.backend.DescentResult;
import io.dismc.backend.Examples;
import io.dismc.backend.SphereDescentRule;
import io.dismc.backend.TrainingOps;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.backend.TwoLayerShape;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** The CPU backend's training operations (the reference): replicas in parallel on the pool, each a sequential twin run. */
public final class CpuTraining implements TrainingOps {
    private final ForkJoinPool pool;

    public CpuTraining(ForkJoinPool pool) {
        this.pool = pool;
    }

    @Override
    public TwoLayerSession openTwoLayer(TwoLayerShape shape, Examples data, TwoLayerRule rule, float[][] starts, float[][] anchors,
                                        List<RandomStream> streams) {
        TrainingOps.checkTwoLayer(shape, data, rule, starts, anchors, streams);
        return new CpuTwoLayerSession(pool, shape, data, rule, starts, rule.elastic() > 0 ? anchors : null, streams);
    }

    @Override
    public List<DescentResult> sphericalDescent(Constraints constraints, SphereDescentRule rule, float[][] starts,
                                                List<RandomStream> streams) {
        TrainingOps.checkDescent(constraints, starts, streams);
        DescentResult[] out = new DescentResult[starts.length];
        // replicas are independent: each runs to its own end, in parallel
        Parallel.forEach(pool, starts.length, r -> out[r] = SphereDescent.run(constraints, rule, starts[r], streams.get(r)));
        return Arrays.asList(out);
    }
}
