package io.dismc.amp;

import io.dismc.theory.Gaussians;

/**
 * The soft-threshold denoiser of l1-AMP (Donoho, Maleki, Montanari, PNAS 106 18914 (2009); its fixed
 * points are the LASSO's): f_a = sign(R) (|R| - lam)_+, f_v = Sigma 1{|R| &gt; lam}, with the threshold
 * lam = theta tau_hat set from the empirical effective noise tau_hat^2 = ||y - omega||^2/(alpha M)
 * (docs/models.md 4.2). With v = Sigma eta'(R) the Onsager term of the skeleton is DMM's
 * (1/delta) &lt;eta'&gt; z^{t-1} exactly.
 */
public final class SoftThreshold implements Denoiser {
    private final double theta;

    /** theta &gt; 0: the threshold in units of the effective noise's standard deviation. */
    public SoftThreshold(double theta) {
        this.theta = Checks.positive("theta", theta);
    }

    public double theta() {
        return theta;
    }

    @Override
    public String name() {
        return "soft-threshold";
    }

    @Override
    public double estimate(double sigma, double noise, double r) {
        double lam = theta * Math.sqrt(noise);
        double excess = Math.abs(r) - lam;
        return excess > 0 ? Math.copySign(excess, r) : 0.0;
    }

    @Override
    public double variance(double sigma, double noise, double r) {
        return Math.abs(r) > theta * Math.sqrt(noise) ? sigma : 0.0;
    }

    /**
     * E_z[(eta(mu + z; theta) - mu)^2], the risk of soft thresholding in units of the noise variance
     * (Donoho and Johnstone): 1 + theta^2 + (mu^2 - theta^2 - 1)[Phi(theta-mu) - Phi(-theta-mu)]
     * - (theta + mu) phi(theta - mu) - (theta - mu) phi(theta + mu). Even in mu; the bracket is taken as a
     * difference of upper tails, accurate for large |mu|.
     */
    public static double risk(double mu, double theta) {
        double a = Math.abs(mu);
        double inside = Gaussians.upperTail(a - theta) - Gaussians.upperTail(a + theta);
        return 1 + theta * theta + (a * a - theta * theta - 1) * inside
            - (theta + a) * Gaussians.density(theta - a) - (theta - a) * Gaussians.density(theta + a);
    }

    /** The risk at mu = 0: 2[(1 + theta^2) Phi(-theta) - theta phi(theta)]. */
    public static double riskAtZero(double theta) {
        return 2 * ((1 + theta * theta) * Gaussians.upperTail(theta) - theta * Gaussians.density(theta));
    }

    /**
     * The MSE of this denoiser on R = x0 + tau z with tau^2 = noise and the threshold theta tau, x0 from
     * the Gauss-Bernoulli signal: the l1 state-evolution map. The nonzero part is integrated with panels
     * split where |x0| is within a few tau of the threshold.
     */
    public double mse(double noise, GaussBernoulliPrior signal) {
        double tau = Math.sqrt(noise);
        double rho = signal.rho();
        double xbar = signal.nonzeroMean();
        double sd = Math.sqrt(signal.nonzeroVariance());
        double[] cuts = new double[0];
        for (double edge : new double[] {0, theta, -theta}) {
            cuts = ScalarQuadrature.concat(cuts, ScalarQuadrature.around((edge * tau - xbar) / sd, tau / sd));
        }
        double on = Gaussians.expectation(z -> risk((xbar + sd * z) / tau, theta), cuts);
        return noise * ((1 - rho) * riskAtZero(theta) + rho * on);
    }

    @Override
    public String toString() {
        return "SoftThreshold(theta=" + theta + ")";
    }
}
