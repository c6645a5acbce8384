package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;

/**
 * Gibbs learning of a spherical perceptron teacher by a spherical perceptron student at zero margin
 * (RS, exact: the version space is convex; docs/models.md 2.9): the student is a uniformly random
 * vector of the version space {w : sign(w . x^mu) = y^mu for all mu}, which the engine samples with the
 * `equilibrium` solver. Its overlap R with the teacher (equal to the overlap of two Gibbs students) solves
 * <pre>  R / sqrt(1 - R) = (alpha / pi) int Dt exp(-R t^2 / 2) / H(-sqrt(R) t) = alpha sqrt(2/pi) E_t G(-sqrt(R) t)  </pre>
 * (Engel and van den Broeck, Statistical Mechanics of Learning (2001), eq. (2.41); G = phi/H), and the
 * generalization error is arccos(R)/pi. Limits: R = 2 alpha/pi + O(alpha^2) as alpha -&gt; 0, and
 * eps ~= 0.625/alpha as alpha -&gt; infinity.
 */
public final class GibbsLearning {
    private GibbsLearning() {}

    /** The residual R/sqrt(1-R) - alpha sqrt(2/pi) E_t G(-sqrt(R) t): negative at R -&gt; 0, +infinity at R -&gt; 1. */
    public static double residual(double alpha, double r) {
        double sr = Math.sqrt(r);
        double e = Gaussians.expectation(t -> Gaussians.hazard(-sr * t));
        return r / Math.sqrt(1 - r) - alpha * Math.sqrt(2 / Math.PI) * e;
    }

    /** The teacher-student overlap R(alpha) of a Gibbs student, by Brent on [1e-14, 1 - 1e-14]. */
    public static double overlap(double alpha) {
        SphericalGardner.requirePositive(alpha, "alpha");
        double hi = 1 - 1e-14;
        if (residual(alpha, hi) < 0) {
            return hi; // beyond alpha ~ 1e6: indistinguishable from 1 in double precision
        }
        return RootFinding.brent(r -> residual(alpha, r), 1e-14, hi, 1e-15);
    }

    /** The Gibbs student's generalization error arccos(R(alpha))/pi. */
    public static double generalizationError(double alpha) {
        return Math.acos(overlap(alpha)) / Math.PI;
    }
}
