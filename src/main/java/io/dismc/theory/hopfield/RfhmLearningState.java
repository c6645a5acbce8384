package io.dismc.theory.hopfield;

/**
 * A replica-symmetric state of the Random-Features Hopfield Model with condensed feature(s) (Negri et al.
 * 2023; docs/models.md, section RFHM theory), in the variables of the authors' T = 0 code. At T &gt; 0 the
 * same names hold the finite-beta quantities whose limits they are.
 *
 * @param alpha load P/N
 * @param alphaD feature density D/N
 * @param temperature T (0 for the ground state)
 * @param q Edwards-Anderson overlap (1 at T = 0)
 * @param dq beta (1 - q)
 * @param qh q-hat / (alpha beta^2): alpha qh is the variance of the Gaussian noise in the local field
 * @param dp beta (p_d - p), p the feature-overlap order parameter p_ab = (1/D) sum_k (f^k.s^a)(f^k.s^b)/N
 * @param dph (p-hat_d - p-hat) / (alpha_T beta)
 * @param pd p_d, the diagonal of p
 * @param dpdh p-hat / (alpha_T beta^2)
 * @param m overlap with the condensed feature (per feature, for a symmetric mixture of several)
 * @param mh m-hat / beta: the signal in the local field, h = mh f_i + sqrt(alpha qh) z
 */
public record RfhmLearningState(double alpha, double alphaD, double temperature, double q, double dq, double qh,
                                double dp, double dph, double pd, double dpdh, double m, double mh) {

    /** alpha_T = alpha / alpha_D = P/D. */
    public double loadRatio() {
        return alpha / alphaD;
    }

    /** Variance alpha qh of the Gaussian noise in the local field. */
    public double noiseVariance() {
        return alpha * qh;
    }

    /** x = mh / sqrt(alpha qh). */
    public double signalToNoise() {
        return mh / Math.sqrt(alpha * qh);
    }
}
