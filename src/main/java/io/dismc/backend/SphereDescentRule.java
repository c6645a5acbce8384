package io.dismc.backend;

/**
 * Gradient descent (temperature 0) or Langevin dynamics on the sphere |w|^2 = N for the loss
 * sum_mu (kappa - Delta^mu)^r theta(kappa - Delta^mu), r = lossExponent (1 or 2) (docs/models.md,
 * section 2): each replica stops at the first step with no violated constraint, or at maxSteps.
 */
public record SphereDescentRule(double eta, double temperature, int maxSteps, double kappa, int lossExponent) {
    public SphereDescentRule {
        if (!(eta > 0) || !Double.isFinite(eta) || !(temperature >= 0) || !Double.isFinite(temperature) || maxSteps < 1
                || !Double.isFinite(kappa) || (lossExponent != 1 && lossExponent != 2)) {
            throw new IllegalArgumentException("bad spherical descent: eta " + eta + ", temperature " + temperature + ", max steps "
                    + maxSteps + ", kappa " + kappa + ", loss exponent " + lossExponent + " (1 or 2)");
        }
    }

    /** The Langevin step each moving replica takes. */
    public LangevinSpec step() {
        return new LangevinSpec(eta, temperature, 0.0, true);
    }
}
