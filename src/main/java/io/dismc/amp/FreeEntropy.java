package io.dismc.amp;

/**
 * The replica-symmetric free entropy of the Bayes-optimal GLM, whose stationary points are the
 * state-evolution fixed points (Barbier, Krzakala, Macris, Miolane, Zdeborova, PNAS 116 5451 (2019),
 * f_RS; docs/models.md 4.5):
 * f_RS(q, qhat) = psi_P0(qhat) + alpha Psi_out(q) - q qhat / 2.
 */
public final class FreeEntropy {
    private FreeEntropy() {}

    /** f_RS at (q, qhat), with E = rho_x - q passed alongside q (the channel needs both). */
    public static double replicaSymmetric(Prior prior, OutputChannel channel, double alpha, double q, double mse, double qhat) {
        return prior.freeEntropy(qhat) + alpha * channel.freeEntropy(q, mse) - q * qhat / 2;
    }

    /**
     * f_RS at the fixed point that state evolution reached (its last E_T, with qhat = 1/Sigma there). At
     * E = 0 (perfect recovery, qhat infinite) the limit: {@link Prior#perfectRecoveryFreeEntropy()} plus
     * alpha Psi_out(rho_x).
     */
    public static double atFixedPoint(Prior prior, OutputChannel channel, double alpha, double mse) {
        if (mse == 0) {
            return prior.perfectRecoveryFreeEntropy() + alpha * channel.freeEntropy(prior.secondMoment(), 0);
        }
        double q = prior.secondMoment() - mse;
        double qhat = alpha * channel.fisher(q, mse);
        return replicaSymmetric(prior, channel, alpha, q, mse, qhat);
    }
}
