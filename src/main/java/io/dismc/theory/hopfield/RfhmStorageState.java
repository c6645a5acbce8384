package io.dismc.theory.hopfield;

/**
 * A replica-symmetric pattern-retrieval (storage) state of the RFHM, in the variables of the authors'
 * T = 0 pattern code (Negri et al. 2023, saddle_point/pattern; docs/models.md, section RFHM theory):
 * as {@link RfhmLearningState} with the field m itself in place of mh, and dphd in place of dpdh.
 *
 * @param alpha load P/N
 * @param alphaD feature density D/N
 * @param dq lim beta (1 - q)
 * @param qh the noise variance of the local field is alpha qh
 * @param dp lim beta (p_d - p)
 * @param dph lim (p-hat_d - p-hat) / (alpha_T beta)
 * @param pd p_d
 * @param dphd lim p-hat / (alpha_T beta^2)
 * @param m Mattis overlap with the condensed pattern
 */
public record RfhmStorageState(double alpha, double alphaD, double dq, double qh, double dp, double dph, double pd,
                               double dphd, double m) {

    /** Variance alpha qh of the Gaussian noise in the local field. */
    public double noiseVariance() {
        return alpha * qh;
    }

    /** x = m / sqrt(alpha qh). */
    public double signalToNoise() {
        return m / Math.sqrt(alpha * qh);
    }
}
