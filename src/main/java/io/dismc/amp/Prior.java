package io.dismc.amp;

import io.dismc.rng.RandomStream;

/**
 * A signal prior P0, used by both the algorithm and its state evolution so that one cannot drift from
 * the other: the posterior mean and variance of the scalar channel R = x0 + sqrt(Sigma) z,
 * P(x|R) ~ P0(x) exp(-(x-R)^2/(2 Sigma)), its mean-square error averaged over the channel (the state
 * evolution map), the prior's part of the replica-symmetric free entropy, and i.i.d. sampling from a
 * counter-addressed stream (docs/models.md 4.2; Zdeborova and Krzakala, Adv. Phys. 65 (2016)).
 */
public interface Prior extends Denoiser {
    /** E_P0[x], the uninformed estimate a^0. */
    double priorMean();

    /** Var_P0[x], the uninformed variance v^0 and the uninformed state-evolution start E_0. */
    double priorVariance();

    /** rho_x = E_P0[x^2]. */
    default double secondMoment() {
        return priorVariance() + priorMean() * priorMean();
    }

    /** f_a(Sigma, R): the posterior mean. */
    double posteriorMean(double sigma, double r);

    /** f_v(Sigma, R) = Sigma d f_a / dR: the posterior variance. */
    double posteriorVariance(double sigma, double r);

    @Override
    default double estimate(double sigma, double noise, double r) {
        return posteriorMean(sigma, r);
    }

    @Override
    default double variance(double sigma, double noise, double r) {
        return posteriorVariance(sigma, r);
    }

    /**
     * mmse(Sigma) = E_R[f_v(Sigma, R)] with R = x0 + sqrt(Sigma) z, x0 ~ P0: the Bayes-optimal error of
     * the scalar channel, integrated as a positive integrand so that it stays accurate at 1e-10.
     */
    double mmse(double sigma);

    /** q(qhat) = E[f_a(1/qhat, x0 + z/sqrt(qhat)) x0] = rho_x - mmse(1/qhat) (the Nishimori identity). */
    default double overlap(double qhat) {
        return secondMoment() - mmse(1 / qhat);
    }

    /** psi_P0(r) = E_{x0,z} log int dP0(x) exp(sqrt(r) z x + r x0 x - r x^2/2), the prior's free entropy. */
    double freeEntropy(double r);

    /**
     * lim psi_P0(r) - rho_x r/2 as r -&gt; infinity: the prior's part of the free entropy of perfect recovery,
     * minus the prior's entropy for a discrete prior (-log 2 for +-1); NaN where it diverges (continuous priors).
     */
    default double perfectRecoveryFreeEntropy() {
        return Double.NaN;
    }

    /**
     * x0_0 .. x0_{n-1}, i.i.d. from P0, drawn from the stream at fixed addresses: Gaussian i for the value
     * of component i and uniform 2n + i for its discrete part (so the two never share a Philox block).
     */
    void sample(RandomStream stream, double[] out);
}
