package io.dismc.theory.perceptron;

/**
 * Energy along the geodesic between two independent typical solutions of the spherical perceptron at
 * margin kappa and mutual overlap q (Annesi et al. 2023 programme at RS level; docs/models.md, section
 * perceptron theory, geodesics). On a pattern the two stabilities are Delta_a = sqrt(q) z + sqrt(1-q) u_a
 * with z ~ N(0,1) shared and u_a i.i.d. standard normals truncated to u_a &gt;= k(z). The engine's
 * parametrization is normalized linear, w(t) = sqrt(N) ((1-t) w1 + t w2)/|(1-t) w1 + t w2|, so that
 * Delta(t) = a Delta_1 + b Delta_2 with (a, b) = ((1-t), t)/n(t), n(t)^2 = (1-t)^2 + t^2 + 2t(1-t) q, and
 * the energy (fraction of patterns with Delta(t) &lt; kappa) is
 * <pre>
 *   E = E_z int_k^{u_max} du phi(u)/H(k) [1 - H((C - a u)/b)/H(k)],
 *   C = (kappa - (a+b) sqrt(q) z)/sqrt(1-q),  u_max - k = kappa (1 - a - b)/(a sqrt(1-q)).
 * </pre>
 * The bracket is computed as a tail ratio ({@link Tails}). Since a + b &gt;= 1, E = 0 for kappa &gt;= 0 (convexity). The arc-length fraction s is converted by
 * t/(1-t) = sin(s theta0)/sin((1-s) theta0), theta0 = arccos q.
 */
public final class TypicalGeodesic {
    /** Nodes per panel of the truncated variable u (a range of width u_max - k, usually below 1). */
    static final int U_NODES = 16;

    private TypicalGeodesic() {}

    /** E(t) at normalized-linear position t in [0, 1] between typical kappa-solutions at overlap q. */
    public static double energy(double q, double kappa, double t) {
        SphericalGardner.requireOverlap(q);
        SphericalGardner.requireFinite(kappa, "kappa");
        requireUnit(t, "t");
        if (kappa >= 0 || t == 0 || t == 1) {
            return 0;
        }
        double tt = Math.min(t, 1 - t); // E is symmetric in t <-> 1 - t; take a >= b
        double n = Math.sqrt((1 - tt) * (1 - tt) + tt * tt + 2 * tt * (1 - tt) * q);
        return pairEnergy(q, kappa, (1 - tt) / n, tt / n, GaussianRule.FINE, U_NODES);
    }

    /** E at arc-length fraction s of the great circle (theta0 = arccos q). */
    public static double energyAtArc(double q, double kappa, double s) {
        return energy(q, kappa, arcToLinear(q, s));
    }

    /** Normalized-linear t of the point at arc-length fraction s: t/(1-t) = sin(s theta0)/sin((1-s) theta0). */
    public static double arcToLinear(double q, double s) {
        SphericalGardner.requireOverlap(q);
        requireUnit(s, "s");
        double th = Math.acos(q);
        double x = Math.sin(s * th);
        double y = Math.sin((1 - s) * th);
        return x / (x + y);
    }

    /** Midpoint energy E(1/2), the worst point of the geodesic. */
    public static double midpoint(double q, double kappa) {
        return energy(q, kappa, 0.5);
    }

    /**
     * P(a Delta_1 + b Delta_2 &lt; kappa) for two typical stabilities with weights a &gt;= b &gt; 0 (a + b &gt;= 1),
     * with the given nodes per panel in z and in u.
     */
    static double pairEnergy(double q, double kappa, double a, double b, int zNodes, int uNodes) {
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        double width = kappa * (1 - a - b) / (a * sd);
        if (!(width > 0)) {
            return 0;
        }
        GaussianRule r = GaussianRule.crossover(q, kappa, zNodes);
        double[] u = new double[TruncatedRule.maxNodes(uNodes)];
        double[] wu = new double[u.length];
        double e = 0;
        for (int i = 0; i < r.size(); i++) {
            double z = r.z[i];
            double k = (kappa - sq * z) / sd;
            double c = (kappa - (a + b) * sq * z) / sd;
            int m = TruncatedRule.fill(k, k + width, uNodes, u, wu);
            double inner = 0;
            for (int j = 0; j < m; j++) {
                inner += wu[j] * Tails.truncatedCdf((c - a * u[j]) / b, k);
            }
            e += r.w[i] * inner;
        }
        return e;
    }

    static void requireUnit(double t, String name) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + t);
        }
    }
}
