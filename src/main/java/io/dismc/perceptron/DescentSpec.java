package io.dismc.perceptron;

/**
 * Gradient descent (temperature 0) or Langevin dynamics on the sphere |w|^2 = N for the loss
 * sum_mu (kappa - Delta^mu)^r theta(kappa - Delta^mu), r = lossExponent (1 or 2); stops at the first
 * step with no violated constraint.
 */
public record DescentSpec(double eta, double temperature, int maxSteps, double kappa, int lossExponent) {
    public DescentSpec {
        if (!(eta > 0) || !(temperature >= 0) || maxSteps < 1 || (lossExponent != 1 && lossExponent != 2)) {
            throw new IllegalArgumentException("bad descent spec " + eta + " " + temperature + " " + maxSteps + " " + lossExponent);
        }
    }
}
