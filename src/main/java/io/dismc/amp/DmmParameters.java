package io.dismc.amp;

/**
 * This project's compressed-sensing parameters in the notation of Donoho, Maleki and Montanari
 * (A_{ai} ~ N(0, 1/n), n = M) (docs/models.md 4.1; pitfall P1):
 * delta = M/N = alpha, rho_DMM = k/M = rho/alpha, A = F/sqrt(alpha), sigma^2 = Delta/alpha, and the DMM
 * effective noise tau^2 = sigma^2 + E/delta is this project's Sigma = (Delta + E)/alpha.
 */
public record DmmParameters(double delta, double rho, double sigma2) {
    /** From rho = k/N, alpha = M/N and the noise variance Delta of y = F x0 + w, F ~ N(0, 1/N). */
    public static DmmParameters of(double rho, double alpha, double noiseVariance) {
        Checks.fraction("rho", rho);
        Checks.positive("alpha", alpha);
        Checks.nonNegative("Delta", noiseVariance);
        return new DmmParameters(alpha, rho / alpha, noiseVariance / alpha);
    }

    /** tau^2 = sigma^2 + E/delta, the effective noise at MSE E (equal to Sigma = (Delta + E)/alpha). */
    public double effectiveNoise(double mse) {
        return sigma2 + mse / delta;
    }

    /** Back to this project's rho = k/N. */
    public double rhoPerComponent() {
        return rho * delta;
    }
}
