package io.dismc.theory.hopfield;

import static io.dismc.theory.hopfield.GaussianEquivalence.K1;
import static io.dismc.theory.hopfield.GaussianEquivalence.KSTAR;

/**
 * The RFHM learning saddle point (docs/models.md, section RFHM theory; Negri et al. 2023, authors' code
 * saddle_point/factor) closed at a given signal-to-noise ratio x = mh / a and noise a = sqrt(alpha qh).
 *
 * <p>Given the field averages m, q and dq at (mh, a) = (x a, a), the mh equation mh = alpha_T dph m
 * fixes den2 = 1 - alpha_T dq dph = 1 - x a dq / m, then den1 = 1 - k1s dp - kss dq = 1 - dq (k1s/den2 + kss),
 * dph = k1s/den1, dp = dq/den2 and alpha_T = den1 x a / (k1s m), all without iteration; pd and dpdh solve
 * a 2 x 2 linear system. Only the qh equation is left: its residual alpha qh / a^2 - 1 is the one scalar
 * the solvers drive to zero. At T = 0:
 * <pre>
 * dpdh = k1s (k1s pd + kss) / den1^e          (e = 2 consistent, e = 1 the authors' code)
 * pd   = n m^2/alpha_D + (1 + alpha_T dq^2 dpdh) / den2^2
 * qh   = kss (k1s pd + kss) / den1^2 + (dpdh + alpha_T dph^2) / den2^2
 * </pre>
 * At T &gt; 0 (the authors' hopfield_RF_features.jl in the variables dq = beta(1-q), dp = beta(pd - p),
 * dph = pdh - ph, dpdh = ph/beta; always e = 2) the same equations carry the O(T) terms
 * Sigma = k1s pd + kss - T (1 - den1), dpdh = k1s Sigma / den1^2,
 * pd = m^2/alpha_D + (1 + alpha_T dq^2 dpdh - T alpha_T dph dq^2) / den2^2,
 * qh = kss Sigma / den1^2 + (dpdh + alpha_T q dph^2) / den2^2.
 */
final class RfhmLearningEquations {
    private RfhmLearningEquations() {}

    /** A closed state and the residual of its qh equation; state is null outside the physical domain. */
    record Evaluation(RfhmLearningState state, double residual) {
        static final Evaluation INVALID = new Evaluation(null, Double.NaN);

        boolean valid() {
            return state != null;
        }
    }

    /**
     * Closes the equations at (x, a) from the field averages m, q, dq there (for n condensed features,
     * dpdh exponent e, temperature T; T = 0 means q = 1 and no O(T) terms).
     */
    static Evaluation close(double x, double a, double m, double q, double dq, double alphaD, int n, int exponent,
                            double temperature) {
        double den2 = 1 - x * a * dq / m;
        if (!(den2 > 0)) {
            return Evaluation.INVALID;
        }
        double den1 = 1 - dq * (K1 / den2 + KSTAR);
        if (!(den1 > 0)) {
            return Evaluation.INVALID;
        }
        double alphaT = den1 * x * a / (K1 * m);
        RfhmLearningState s = closeAt(alphaT, den1, den2, m, q, dq, alphaD, n, exponent, temperature);
        if (s == null) {
            return Evaluation.INVALID;
        }
        return new Evaluation(s, s.alpha() * s.qh() / (a * a) - 1);
    }

    /**
     * The frozen state of a configuration exactly on the feature(s) (m = 1, zero response dq = 0): the
     * saddle-point conjugates then give the local-field statistics at s = f^1 without any dynamics.
     */
    static RfhmLearningState frozen(double alpha, double alphaD, int n) {
        return closeAt(alpha / alphaD, 1, 1, 1, 1, 0, alphaD, n, 2, 0);
    }

    private static RfhmLearningState closeAt(double alphaT, double den1, double den2, double m, double q, double dq,
                                             double alphaD, int n, int exponent, double temperature) {
        double dph = K1 / den1;
        double dp = dq / den2;
        double den1e = exponent == 2 ? den1 * den1 : den1;
        double sigmaShift = temperature * (1 - den1);
        // dpdh = A pd + B, pd = c0 + c1 dpdh
        double slopeA = K1 * K1 / den1e;
        double offsetB = K1 * (KSTAR - sigmaShift) / den1e;
        double den2sq = den2 * den2;
        double c0 = n * m * m / alphaD + (1 - temperature * alphaT * dph * dq * dq) / den2sq;
        double c1 = alphaT * dq * dq / den2sq;
        double det = 1 - c1 * slopeA;
        if (!(det > 0)) {
            return null;
        }
        double pd = (c0 + c1 * offsetB) / det;
        if (!(pd > 0)) {
            return null;
        }
        double dpdh = slopeA * pd + offsetB;
        double sigma = K1 * pd + KSTAR - sigmaShift;
        double qh = KSTAR * sigma / (den1 * den1) + (dpdh + alphaT * q * dph * dph) / den2sq;
        double alpha = alphaD * alphaT;
        return new RfhmLearningState(alpha, alphaD, temperature, q, dq, qh, dp, dph, pd, dpdh, m, alphaT * dph * m);
    }
}
