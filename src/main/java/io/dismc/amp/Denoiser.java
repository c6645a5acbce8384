package io.dismc.amp;

/**
 * The scalar estimator AMP applies to each signal component. It sees the scalar Gaussian channel
 * R = x + sqrt(Sigma) z and returns the estimate a = f_a(R) and the variance v = f_v(R) that AMP feeds
 * back (docs/models.md 4.2). A Bayes-optimal denoiser is a {@link Prior}; the soft
 * threshold of l1-AMP is not, and needs the empirical effective noise besides the algorithm's Sigma.
 */
public interface Denoiser {
    /**
     * f_a. sigma: the algorithm's channel variance Sigma; noise: the empirical estimate of the effective
     * noise variance this iteration, ||y - omega||^2 / (alpha M) (used by threshold rules, ignored by
     * Bayes-optimal denoisers); r: the channel output R.
     */
    double estimate(double sigma, double noise, double r);

    /** f_v, with the arguments of {@link #estimate}. */
    double variance(double sigma, double noise, double r);

    /** Short name for records and CSV headers. */
    String name();
}
