package io.dismc.theory.hopfield;

/**
 * A replica-symmetric state of the standard Hopfield model (Amit, Gutfreund, Sompolinsky 1985/87;
 * docs/models.md, section Hopfield theory) with one condensed pattern.
 *
 * @param alpha load P/N
 * @param temperature T (0 for the ground state)
 * @param m Mattis overlap with the condensed pattern
 * @param q Edwards-Anderson order parameter (1 at T = 0)
 * @param response C = beta (1 - q), at T = 0 its limit
 * @param r r = q / (1 - C)^2, the noise variance of the local field in units of alpha
 * @param signalToNoise x = m / sqrt(alpha r) (infinite at alpha = 0)
 */
public record AgsState(double alpha, double temperature, double m, double q, double response, double r,
                       double signalToNoise) {

    /** The standard deviation sqrt(alpha r) of the Gaussian cross-talk in the local field. */
    public double fieldNoise() {
        return Math.sqrt(alpha * r);
    }
}
