package io.dismc.amp;

import io.dismc.backend.LinearOps;
import io.dismc.backend.cpu.CpuLinear;
import io.dismc.rng.StreamIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** Fixed seeds and per-instance streams of the AMP tests, derived as the engine derives them. */
final class AmpFixtures {
    static final long SEED = 2024;
    /** The tests' worker pool: the 2 cores of the test machine. */
    static final ForkJoinPool POOL = new ForkJoinPool(2);
    /** The CPU backend's linear operations on that pool. */
    static final LinearOps LINEAR = new CpuLinear(POOL, null);
    /** The same in the calling thread. */
    static final LinearOps INLINE = new CpuLinear(null, null);

    private AmpFixtures() {}

    /** Instances first .. first+count-1 of the point named by key. */
    static List<InstanceStreams> streams(String key, int first, int count) {
        long point = StreamIds.hash(key);
        List<InstanceStreams> out = new ArrayList<>();
        for (int b = first; b < first + count; b++) {
            out.add(new InstanceStreams(StreamIds.of(point, b, StreamIds.Purpose.INPUTS, 0),
                StreamIds.of(point, b, StreamIds.Purpose.TEACHER, 0), StreamIds.of(point, b, StreamIds.Purpose.PERTURBATION, 0)));
        }
        return out;
    }

    static List<AmpResult> run(AmpProblem problem, AmpSettings settings, List<InstanceStreams> streams) {
        return new GampBatch(problem, settings, POOL).run(LINEAR, true, SEED, streams);
    }
}
