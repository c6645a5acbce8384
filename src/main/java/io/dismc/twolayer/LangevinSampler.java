package io.dismc.twolayer;

import io.dismc.backend.Backend;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.TrainingSnapshot;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.rng.RandomStream;
import java.util.List;
import java.util.TreeSet;

/**
 * Posterior sampling by Langevin dynamics (noisy full-batch GD) with burn-in and thinning (docs/models.md
 * 3.5, the Bayesian protocol of Barbier, Gerace, Ingrosso, Lauditi, Malatesta et al. 2025): the chain of
 * docs/models.md 3.3 at temperature T &gt; 0 (plain rate eta in both parameterizations, so that it samples
 * exp(-L/T)) runs spec.steps() steps; the draws are the weights at steps burnIn + j thin, j = 1, 2, ... up to
 * spec.steps(). Posterior averages (of the test error, the order parameters, the outputs) are averages over
 * the draws. The session stays on the backend; each draw and each recorded step is one transfer.
 */
public final class LangevinSampler {
    private LangevinSampler() {}

    /** Called at each draw with its step, the weights (read-only) and the data-term loss. */
    @FunctionalInterface
    public interface Draws {
        void draw(int step, float[] weights, double trainLoss);
    }

    /** The draw steps burnIn + j thin &lt;= steps, j &gt;= 1. */
    public static int[] drawSteps(int steps, int burnIn, int thin) {
        if (burnIn < 0 || thin < 1 || burnIn + thin > steps) {
            throw new IllegalArgumentException("Langevin draws: burn-in " + burnIn + ", thin " + thin + ", steps " + steps
                    + " (burn-in >= 0, thin >= 1, burn-in + thin <= steps)");
        }
        int n = (steps - burnIn) / thin;
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            out[j] = burnIn + (j + 1) * thin;
        }
        return out;
    }

    /**
     * @param observer sees spec's recorded steps (the learning curve, through burn-in and sampling)
     * @return the weights at the last step
     */
    public static float[] run(TwoLayerNetwork net, Dataset data, float[] start, RandomStream stream, TrainingSpec spec, int burnIn,
                              int thin, Backend backend, TwoLayerTrainer.Observer observer, Draws draws) {
        if (!(spec.temperature() > 0) || spec.elastic() != 0) {
            throw new IllegalArgumentException("Langevin sampling needs temperature > 0 and no elastic coupling, got "
                    + spec.temperature() + ", " + spec.elastic());
        }
        int[] drawAt = drawSteps(spec.steps(), burnIn, thin);
        TreeSet<Integer> recorded = new TreeSet<>();
        for (int t : spec.timeGrid()) {
            recorded.add(t);
        }
        TreeSet<Integer> drawn = new TreeSet<>();
        for (int t : drawAt) {
            drawn.add(t);
        }
        TreeSet<Integer> events = new TreeSet<>(recorded);
        events.addAll(drawn);
        TwoLayerRule rule = new TwoLayerRule(new LangevinSpec(spec.eta(), spec.temperature(), spec.weightDecay(), false), 0, 1.0,
                spec.batch());
        try (TwoLayerSession session = backend.training().openTwoLayer(net.shape(), data.examples(), rule, new float[][] {start}, null,
                List.of(stream))) {
            for (int t : events) {
                session.advanceTo(t);
                TrainingSnapshot s = session.snapshot();
                if (recorded.contains(t)) {
                    observer.at(t, s.weights(), s.losses());
                }
                if (drawn.contains(t)) {
                    draws.draw(t, s.weights()[0], s.losses()[0]);
                }
            }
            session.advanceTo(spec.steps());
            return session.weights()[0];
        }
    }
}
