package io.dismc.backend.cpu;

import io.dismc.backend.Examples;
import io.dismc.backend.TrainingSnapshot;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.backend.TwoLayerShape;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Two-layer replicas training on the CPU: each replica runs the steps between two recorded times as one
 * task on the pool ({@link TwoLayerPasses}, then {@link LangevinStep}), its work arrays allocated once.
 * The pass at the current weights is kept, so a snapshot (which needs the losses) and the next step
 * share it, as one pass per step did before the contract kept state.
 */
final class CpuTwoLayerSession implements TwoLayerSession {
    private final ForkJoinPool pool;
    private final TwoLayerShape shape;
    private final Examples data;
    private final TwoLayerRule rule;
    private final List<RandomStream> streams;
    private final float[][] w;
    private final float[][] anchors;
    private final Replica[] replicas;
    private int step;
    /** Whether every replica's loss and data gradient are those of its current weights. */
    private boolean fresh;

    /** One replica's state besides its weights. */
    private final class Replica {
        final double[] wide;
        final double[] grad;
        final float[] update;
        final double[] noise;
        final TwoLayerPasses.Scratch scratch;
        double loss;

        Replica() {
            int dim = shape.parameterCount();
            wide = new double[dim];
            grad = new double[dim];
            update = new float[dim];
            noise = new double[dim];
            scratch = new TwoLayerPasses.Scratch(shape, rule.batch() == 0 ? data.p() : rule.batch());
        }
    }

    CpuTwoLayerSession(ForkJoinPool pool, TwoLayerShape shape, Examples data, TwoLayerRule rule, float[][] starts, float[][] anchors,
                       List<RandomStream> streams) {
        this.pool = pool;
        this.shape = shape;
        this.data = data;
        this.rule = rule;
        this.streams = List.copyOf(streams);
        this.w = new float[starts.length][];
        this.anchors = anchors == null ? null : new float[anchors.length][];
        this.replicas = new Replica[starts.length];
        for (int r = 0; r < starts.length; r++) {
            w[r] = starts[r].clone();
            if (anchors != null) {
                this.anchors[r] = anchors[r].clone();
            }
            replicas[r] = new Replica();
        }
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public void advanceTo(int target) {
        if (target < step) {
            throw new IllegalArgumentException("step " + target + " is behind the session's step " + step);
        }
        if (target == step) {
            return;
        }
        int from = step;
        boolean have = fresh;
        Parallel.forEach(pool, w.length, r -> {
            for (int t = from; t < target; t++) {
                if (t > from || !have) {
                    pass(r, t);
                }
                Replica q = replicas[r];
                TwoLayerPasses.assemble(shape, q.grad, w[r], anchors == null ? null : anchors[r], rule.elastic(), rule.hiddenFactor(),
                        q.update);
                LangevinStep.apply(w[r], q.update, rule.step(), streams.get(r), t, q.noise);
            }
        });
        step = target;
        fresh = false;
    }

    private void pass(int r, long t) {
        Replica q = replicas[r];
        Examples d = rule.batch() == 0 ? data : TwoLayerPasses.minibatch(data, rule.batch(), streams.get(r), t);
        TwoLayerPasses.widen(w[r], q.wide);
        q.loss = TwoLayerPasses.lossAndGradient(shape, q.wide, d, q.grad, q.scratch);
    }

    @Override
    public TrainingSnapshot snapshot() {
        if (!fresh) {
            int t = step;
            Parallel.forEach(pool, w.length, r -> pass(r, t));
            fresh = true;
        }
        double[] loss = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            loss[r] = replicas[r].loss;
        }
        return new TrainingSnapshot(step, weights(), loss);
    }

    @Override
    public float[][] weights() {
        float[][] out = new float[w.length][];
        for (int r = 0; r < w.length; r++) {
            out[r] = w[r].clone();
        }
        return out;
    }

    @Override
    public void close() {
        // nothing held outside the Java heap
    }
}
