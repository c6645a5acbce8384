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
 * Empirical risk minimization by full-batch gradient descent with a stopping rule on the gradient norm
 * (docs/models.md 3.5, the ERM protocol of Barbier, Gerace, Ingrosso, Lauditi, Malatesta et al. 2025): the
 * training of {@link TwoLayerTrainer} at temperature 0, stopped at the first checked step t where the step
 * length per unit learning rate |w_t - w_(t-1)| / eta is at most the tolerance, or at the step budget. That
 * quantity is the Euclidean norm of the gradient of the loss of docs/models.md 3.3 (data term plus weight
 * decay) over every trained parameter, the data term's hidden components times K in muP; it is read from two
 * consecutive snapshots, so the check costs two transfers and the session never leaves the backend. The
 * weights are floats: once every update is below half a unit in the last place GD has stopped moving and
 * the norm reads 0.
 */
public final class StoppedDescent {
    private StoppedDescent() {}

    /**
     * @param steps steps taken (the stopping step, or spec.steps())
     * @param gradientNorm |w_t - w_(t-1)| / eta at the last check (NaN when nothing was checked)
     * @param converged whether the rule stopped the run
     */
    public record Outcome(float[] weights, int steps, double gradientNorm, boolean converged) {}

    /**
     * @param tolerance stop once the gradient norm is at most this (0: never, run spec.steps())
     * @param checkEvery the rule is checked at steps checkEvery, 2 checkEvery, ...
     * @param observer sees the recorded steps of spec's time grid up to the stop, and the stopping step
     */
    public static Outcome run(TwoLayerNetwork net, Dataset data, float[] start, RandomStream stream, TrainingSpec spec,
                              double tolerance, int checkEvery, Backend backend, TwoLayerTrainer.Observer observer) {
        if (spec.temperature() != 0 || spec.elastic() != 0) {
            throw new IllegalArgumentException("stopped descent is gradient descent: temperature and elastic coupling 0, got "
                    + spec.temperature() + ", " + spec.elastic());
        }
        if (!(tolerance >= 0) || checkEvery < 1) {
            throw new IllegalArgumentException("gradient tolerance " + tolerance + " (>= 0), checked every " + checkEvery + " steps (>= 1)");
        }
        int[] grid = spec.timeGrid();
        TreeSet<Integer> recorded = new TreeSet<>();
        for (int t : grid) {
            recorded.add(t);
        }
        TreeSet<Integer> events = new TreeSet<>(recorded);
        if (tolerance > 0) {
            for (int t = checkEvery; t <= spec.steps(); t += checkEvery) {
                events.add(t);
            }
        }
        double hidden = net.parameterization().hiddenLearningRateFactor(net.k());
        TwoLayerRule rule = new TwoLayerRule(new LangevinSpec(spec.eta(), 0, spec.weightDecay(), false), 0, hidden, spec.batch());
        try (TwoLayerSession session = backend.training().openTwoLayer(net.shape(), data.examples(), rule, new float[][] {start}, null,
                List.of(stream))) {
            double norm = Double.NaN;
            for (int t : events) {
                boolean check = tolerance > 0 && t > 0 && t % checkEvery == 0;
                float[] before = null;
                if (check) {
                    session.advanceTo(t - 1);
                    before = session.weights()[0];
                }
                session.advanceTo(t);
                TrainingSnapshot s = session.snapshot();
                boolean stop = false;
                if (check) {
                    norm = stepNorm(before, s.weights()[0]) / spec.eta();
                    stop = norm <= tolerance;
                }
                if (recorded.contains(t) || stop) {
                    observer.at(t, s.weights(), s.losses());
                }
                if (stop) {
                    return new Outcome(s.weights()[0], t, norm, true);
                }
            }
            session.advanceTo(spec.steps());
            return new Outcome(session.weights()[0], spec.steps(), norm, false);
        }
    }

    static double stepNorm(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) b[i] - a[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
