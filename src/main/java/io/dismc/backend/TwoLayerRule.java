package io.dismc.backend;

/**
 * How a two-layer training step moves the weights (docs/models.md, section 3.3): the data-term gradient
 * (full batch, or a minibatch of {@code batch} examples) plus elastic (w - anchor) when elastic &gt; 0,
 * times hiddenFactor on the K N hidden weights (the muP learning rate), rounded to float, then the
 * Langevin step w &lt;- w - eta (grad + lambda w) + sqrt(2 eta T) z with z Gaussian (t dim + i) of the
 * replica's stream.
 *
 * @param batch 0: full batch; else the minibatch of step t takes examples below(word, P) for the words
 *              2^40 + t batch .. 2^40 + t batch + batch - 1 of the replica's stream
 */
public record TwoLayerRule(LangevinSpec step, double elastic, double hiddenFactor, int batch) {
    public TwoLayerRule {
        if (step == null || step.sphere()) {
            throw new IllegalArgumentException("a two-layer step is a Langevin step off the sphere");
        }
        if (!(elastic >= 0) || !Double.isFinite(elastic)) {
            throw new IllegalArgumentException("elastic coupling must be >= 0, got " + elastic);
        }
        if (!(hiddenFactor > 0) || !Double.isFinite(hiddenFactor)) {
            throw new IllegalArgumentException("hidden learning-rate factor must be > 0, got " + hiddenFactor);
        }
        if (batch < 0) {
            throw new IllegalArgumentException("minibatch size must be >= 0 (0: full batch), got " + batch);
        }
    }
}
