package io.dismc.backend;

/**
 * One Langevin (noisy gradient) step: w &lt;- w - eta (grad + lambda w) + sqrt(2 eta T) z, then, on the
 * sphere, w &lt;- w sqrt(n) / |w|. With a potential U and small eta it samples exp(-U/T) (lambda adds the
 * quadratic term lambda |w|^2 / 2 to U).
 */
public record LangevinSpec(double eta, double temperature, double weightDecay, boolean sphere) {
    public LangevinSpec {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be > 0, got " + eta);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
    }
}
