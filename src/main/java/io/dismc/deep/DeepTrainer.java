package io.dismc.deep;

import io.dismc.rng.RandomStream;

/**
 * Trains a {@link DeepNetwork} by gradient descent on the squared loss (docs/models.md, section deep
 * networks and spectra): w_(t+1) = w_t - eta kappa grad L(w_t), full batch or SGD minibatches, one
 * thread, every product in fixed order (the run is a function of the start, the data and the spec).
 * The observer sees the weights at the spec's log-spaced steps (and at the step a run diverges).
 */
public final class DeepTrainer {
    private DeepTrainer() {}

    /**
     * Called at each recorded step with the weights w_t, the previous iterate w_(t-1) (null at t = 0; at
     * the edge of stability GD oscillates about their midpoint), both read-only, and the training loss.
     */
    @FunctionalInterface
    public interface Observer {
        void at(int step, double[] weights, double[] previous, double trainLoss);
    }

    /**
     * @param steps steps taken (spec.steps(), or fewer when the run diverged)
     * @param finalLoss mean training loss over the spec's tail (NaN when diverged)
     * @param lastLoss training loss at the last evaluated step
     * @param previous the iterate before the last (the start when no step was taken)
     */
    public record Run(double[] weights, double[] previous, int steps, boolean diverged, double initialLoss, double finalLoss,
                      double lastLoss) {}

    /**
     * @param minibatches SGD's stream (minibatch t takes examples below(word, P) of words t B .. t B + B - 1);
     *                    unused (may be null) for full-batch GD
     * @param observer may be null
     */
    public static Run train(DeepNetwork net, double[] start, DeepDataset data, DeepTrainingSpec spec, RandomStream minibatches,
                            Observer observer) {
        if (start.length != net.parameterCount()) {
            throw new IllegalArgumentException("start: " + start.length + " weights for " + net.parameterCount() + " parameters");
        }
        if (spec.batch() > 0 && minibatches == null) {
            throw new IllegalArgumentException("SGD (batch " + spec.batch() + ") needs a minibatch stream");
        }
        double[] w = start.clone();
        double[] previous = start.clone();
        int[] grid = spec.timeGrid();
        int next = 0;
        double step = spec.eta() * net.learningRateFactor();
        double initial = Double.NaN;
        double last = Double.NaN;
        double tailSum = 0;
        int[] words = new int[spec.batch()];
        int[] rows = new int[spec.batch()];
        for (int t = 0; t <= spec.steps(); t++) {
            boolean recorded = next < grid.length && grid[next] == t;
            boolean inTail = t > spec.steps() - spec.tail();
            LossSurface full = null;
            if (spec.batch() == 0 || recorded || inTail || t == 0) {
                full = LossSurface.at(net, w, data);
                last = full.loss();
                if (t == 0) {
                    initial = last;
                }
                if (!Double.isFinite(last) || last > spec.divergence() * initial) {
                    if (observer != null) {
                        observer.at(t, w, t == 0 ? null : previous, last);
                    }
                    return new Run(w, previous, t, true, initial, Double.NaN, last);
                }
                if (inTail) {
                    tailSum += last;
                }
                if (recorded) {
                    if (observer != null) {
                        observer.at(t, w, t == 0 ? null : previous, last);
                    }
                    next++;
                }
            }
            if (t == spec.steps()) {
                break;
            }
            double[] g;
            if (spec.batch() == 0) {
                g = full.gradient();
            } else {
                minibatches.words((long) t * spec.batch(), words, 0, words.length);
                for (int q = 0; q < rows.length; q++) {
                    rows[q] = RandomStream.below(words[q], data.examples());
                }
                g = LossSurface.at(net, w, data.subset(rows)).gradient();
            }
            System.arraycopy(w, 0, previous, 0, w.length);
            for (int i = 0; i < w.length; i++) {
                w[i] -= step * g[i];
            }
        }
        return new Run(w, previous, spec.steps(), false, initial, tailSum / spec.tail(), last);
    }
}
