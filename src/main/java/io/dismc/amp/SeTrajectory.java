package io.dismc.amp;

/**
 * A state-evolution run: E_t (the MSE predicted for a^t) and Sigma_t (the effective noise of the
 * scalar channel that produces a^{t+1}), t = 0 .. iterations. Index t lines up with AMP's a^t: E_0 is the
 * error of the start (docs/models.md 4.4).
 *
 * @param mse         E_0 .. E_T
 * @param sigma       Sigma_0 .. Sigma_{T-1} (one shorter than mse)
 * @param secondMoment rho_x = E[x0^2], so that q_t = rho_x - E_t
 * @param converged   whether the run met its tolerance (or reached E = 0) before the iteration cap
 */
public record SeTrajectory(double[] mse, double[] sigma, double secondMoment, boolean converged) {
    public int iterations() {
        return mse.length - 1;
    }

    public double mse(int t) {
        return mse[t];
    }

    public double fixedPoint() {
        return mse[mse.length - 1];
    }

    /** q_t = rho_x - E_t = E[a x0] at the Nishimori point. */
    public double overlap(int t) {
        return secondMoment - mse[t];
    }

    /** eps_t = arccos(sqrt(q_t/rho_x))/pi: the Bayes-optimal (GAMP) classifier's generalization error. */
    public double generalizationError(int t) {
        return Math.acos(Math.sqrt(clamp(overlap(t) / secondMoment))) / Math.PI;
    }

    /** arccos(q_t/rho_x)/pi: the error of a random posterior sample (the Gibbs classifier). */
    public double gibbsError(int t) {
        return Math.acos(clamp(overlap(t) / secondMoment)) / Math.PI;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
