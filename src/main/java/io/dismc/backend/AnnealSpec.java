package io.dismc.backend;

/**
 * Simulated annealing of a binary perceptron with single-weight flips, Metropolis on the energy
 * E = sum over violated constraints of (kappa - Delta^mu)^r: r = 0 counts them, r = 1 weighs each by
 * how far it is violated (smoother, so SA reaches further). Inverse temperature
 * beta_t = beta0 + (beta1 - beta0) t / (maxSweeps - 1) in sweep t (beta0 = beta1: plain MC at fixed T);
 * the run stops as soon as no constraint is violated.
 */
public record AnnealSpec(double beta0, double beta1, int maxSweeps, double kappa, int energyExponent) {
    public AnnealSpec {
        if (!(beta0 > 0) || !(beta1 > 0) || !Double.isFinite(beta0) || !Double.isFinite(beta1)) {
            throw new IllegalArgumentException("inverse temperatures must be finite and > 0");
        }
        if (maxSweeps < 1) {
            throw new IllegalArgumentException("maxSweeps must be >= 1");
        }
        if (energyExponent != 0 && energyExponent != 1) {
            throw new IllegalArgumentException("SA energy exponent must be 0 or 1");
        }
    }

    public double beta(int sweep) {
        return maxSweeps == 1 ? beta0 : beta0 + (beta1 - beta0) * sweep / (maxSweeps - 1);
    }
}
