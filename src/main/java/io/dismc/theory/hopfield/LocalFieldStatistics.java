package io.dismc.theory.hopfield;

import io.dismc.theory.Gaussians;

/**
 * Statistics of the stability h_i v_i of a fixed configuration v (docs/models.md, section Hopfield theory):
 * its mean and variance over sites, and the fraction of unstable sites Phi(-mean / sqrt(variance)) it
 * implies for a Gaussian stability.
 */
public record LocalFieldStatistics(double mean, double variance) {
    public double unstableFraction() {
        return Gaussians.cdf(-mean / Math.sqrt(variance));
    }
}
