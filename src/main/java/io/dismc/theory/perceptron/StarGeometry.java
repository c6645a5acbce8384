package io.dismc.theory.perceptron;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Convex core and star centre of the negative spherical perceptron's solution space at RS level
 * (docs/models.md, section perceptron theory, star geometry; the programme of Annesi et al. 2023).
 * Both are worst-case conditions over the patterns, exact at N -&gt; infinity under RS because the joint
 * stability density is positive at the corner where both solutions sit at their thresholds.
 * <ul>
 *   <li>Convex core: typical kappa1-solutions (kappa &lt; kappa1 &lt; 0) are pairwise joined by a geodesic
 *       of zero energy at margin kappa iff kappa1 &gt;= kappa sqrt((1 + q1)/2) (the midpoint is the worst
 *       point); kappa_convex(alpha, kappa) is the root.</li>
 *   <li>Star centre: a typical kappa1-solution is joined by a zero-energy geodesic to (almost) every
 *       typical kappa-solution iff kappa1 &gt;= p(kappa1, kappa) kappa, p the cross overlap
 *       ({@link MixedMarginPair}); the worst point is the kappa-end, since (1-t) kappa1 + t kappa &gt;=
 *       kappa n(t) iff kappa1 &gt;= kappa r(t) with p &lt;= r(t) &lt;= 1. kappa_star(alpha, kappa) is the
 *       smallest such kappa1 ("star centre" = a typical solution of the flat measure at margin kappa1,
 *       an assumption about the paper's definition).</li>
 * </ul>
 * Both are NaN where undefined: kappa &gt;= 0 (the space is convex), alpha &gt;= alpha_c(kappa), or no
 * kappa1 in (kappa, kappa_max(alpha)) satisfies the star criterion (past the RS star breakdown).
 */
public final class StarGeometry {
    /** How far below kappa_max(alpha) the kappa1-system is still solved (q1 stays below 1). */
    private static final double EDGE = 1e-6;
    private static final int SCAN = 8;

    private StarGeometry() {}

    /** kappa_convex(alpha, kappa): the root of kappa1 - kappa sqrt((1 + q1(kappa1))/2) in (kappa, min(0, kappa_max)). */
    public static double convexMargin(double alpha, double kappa) {
        SphericalGardner.requirePositive(alpha, "alpha");
        SphericalGardner.requireFinite(kappa, "kappa");
        double top = upperMargin(alpha, kappa);
        if (Double.isNaN(top)) {
            return Double.NaN;
        }
        return RootFinding.brent(k1 -> k1 - kappa * Math.sqrt((1 + SphericalGardner.typicalOverlap(alpha, k1)) / 2), kappa, top, 1e-12);
    }

    /** g(kappa1) = kappa1 - kappa p(alpha; kappa1, kappa): the star criterion holds where g &gt;= 0. */
    public static double starExcess(double alpha, double kappa1, double kappa) {
        return kappa1 - kappa * MixedMarginPair.of(alpha, kappa1, kappa).crossOverlap();
    }

    /** kappa_star(alpha, kappa): the smallest kappa1 &gt; kappa with kappa1 &gt;= p(kappa1, kappa) kappa. */
    public static double starMargin(double alpha, double kappa) {
        SphericalGardner.requirePositive(alpha, "alpha");
        SphericalGardner.requireFinite(kappa, "kappa");
        double top = upperMargin(alpha, kappa);
        if (Double.isNaN(top)) {
            return Double.NaN;
        }
        // g(kappa) = kappa (1 - q) < 0; scan for the first sign change (past the breakdown there is none)
        return RootFinding.firstRoot(k1 -> starExcess(alpha, k1, kappa), RootFinding.linspace(kappa, top, SCAN), 1e-10);
    }

    /** The star centre at (alpha, kappa) with its overlaps and the replicon of the kappa_star system. */
    public record StarCentre(double alpha, double kappa, double kappaStar, double q1, double crossOverlap, double replicon) {}

    public static StarCentre starCentre(double alpha, double kappa) {
        double ks = starMargin(alpha, kappa);
        if (Double.isNaN(ks)) {
            return new StarCentre(alpha, kappa, ks, Double.NaN, Double.NaN, Double.NaN);
        }
        MixedMarginPair pair = MixedMarginPair.of(alpha, ks, kappa);
        return new StarCentre(alpha, kappa, ks, pair.q1(), pair.crossOverlap(), SphericalGardner.replicon(alpha, ks));
    }

    /** max over kappa1 in (kappa, kappa_max) of the star excess, and where it is reached. */
    public record ExcessMaximum(double kappa1, double excess) {}

    public static ExcessMaximum maxStarExcess(double alpha, double kappa) {
        double top = SphericalGardner.maxMargin(alpha) - EDGE;
        if (!(kappa < 0 && kappa < top)) {
            return new ExcessMaximum(Double.NaN, Double.NaN);
        }
        BrentOptimizer opt = new BrentOptimizer(1e-8, 1e-10);
        UnivariatePointValuePair r = opt.optimize(new MaxEval(200),
                new UnivariateObjectiveFunction(k1 -> starExcess(alpha, k1, kappa)), GoalType.MAXIMIZE,
                new SearchInterval(kappa, top, kappa + 0.8 * (top - kappa)));
        return new ExcessMaximum(r.getPoint(), r.getValue());
    }

    /**
     * alpha_break(kappa): where the largest star excess vanishes and the star criterion has no solution
     * left, searched in (2, alpha_c(kappa)). An RS extrapolation: the kappa1-systems involved are past
     * their own dAT line (docs/models.md, section perceptron theory, star geometry).
     */
    public static double starBreakdown(double kappa) {
        requireNegative(kappa);
        double ac = SphericalGardner.capacity(kappa);
        double[] grid = RootFinding.linspace(2, 0.95 * ac, 12);
        return RootFinding.firstRoot(a -> maxStarExcess(a, kappa).excess(), grid, 1e-5);
    }

    /** The alpha where the kappa_star system reaches its dAT line, lambda_AT(alpha, kappa_star(alpha)) = 1. */
    public static double starCentreStabilityLimit(double kappa) {
        requireNegative(kappa);
        double ac = SphericalGardner.capacity(kappa);
        double[] grid = RootFinding.linspace(1, 0.95 * ac, 12);
        return RootFinding.firstRoot(a -> {
            double ks = starMargin(a, kappa);
            return Double.isNaN(ks) ? Double.NaN : SphericalGardner.replicon(a, ks) - 1;
        }, grid, 1e-5);
    }

    /** The top of the kappa1 range: 0 when kappa_max(alpha) &gt; 0, else just below kappa_max; NaN if empty. */
    private static double upperMargin(double alpha, double kappa) {
        if (kappa >= 0 || alpha >= SphericalGardner.capacity(kappa)) {
            return Double.NaN;
        }
        double kmax = SphericalGardner.maxMargin(alpha);
        return kmax > 0 ? 0 : kmax - EDGE;
    }

    private static void requireNegative(double kappa) {
        if (!(kappa < 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("the star geometry needs a finite negative margin, got kappa = " + kappa);
        }
    }
}
