package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Energy inside the simplex spanned by y independent typical solutions of the spherical perceptron at
 * margin kappa and pairwise overlap q (docs/models.md, section perceptron theory, simplex). The point
 * with barycentric coordinates c is w(c) = sqrt(N) sum_a c_a w_a/|sum_a c_a w_a|, so Delta(c) =
 * sum_a a_a Delta_a with a_a = c_a/n(c), n(c)^2 = sum c_a^2 + q[(sum c_a)^2 - sum c_a^2], and
 * E(c) = E_z P(sum_a a_a u_a &lt; C), C = (kappa - (sum a_a) sqrt(q) z)/sqrt(1-q), the u_a i.i.d. standard
 * normals truncated at k(z). For y = 3 the two outer u's are integrated by Gauss-Legendre (the
 * smallest coefficient outermost), the innermost in closed form.
 * <ul>
 *   <li>{@link #uniformMean}: the mean of E over the uniform measure on barycentric coordinates,
 *       Dirichlet(1,1,1), as the engine's simplex energy samples it: Duffy map
 *       c = (u, (1-u) v, (1-u)(1-v)), density 2(1-u), an m x m Gauss-Legendre rule;</li>
 *   <li>{@link #barycentre}: c_a = 1/3, a_a = 1/sqrt(3(1 + 2q));</li>
 *   <li>{@link #barycentreLimit}: y -&gt; infinity, Delta_c(z) = z + sqrt((1-q)/q) G(k(z)) and
 *       E_infinity = Phi(z*) with Delta_c(z*) = kappa.</li>
 * </ul>
 */
public final class TypicalSimplex {
    /** Nodes per panel for each truncated variable of the nested integral. */
    static final int U_NODES = 6;
    /** Nodes per panel of the z rule of the nested integral. */
    static final int Z_NODES = 8;
    /** Duffy-map Gauss-Legendre order m of the uniform average (m = 8 and 12 agree to 1e-6). */
    public static final int DEFAULT_ORDER = 8;

    private TypicalSimplex() {}

    /** E(c) at barycentric coordinates c (three non-negative numbers, not all zero; normalized here). */
    public static double energy(double q, double kappa, double c1, double c2, double c3) {
        return energy(q, kappa, c1, c2, c3, Z_NODES, U_NODES);
    }

    static double energy(double q, double kappa, double c1, double c2, double c3, int zNodes, int uNodes) {
        SphericalGardner.requireOverlap(q);
        SphericalGardner.requireFinite(kappa, "kappa");
        if (!(c1 >= 0 && c2 >= 0 && c3 >= 0) || !(c1 + c2 + c3 > 0)) {
            throw new IllegalArgumentException("barycentric coordinates must be >= 0 and not all 0, got " + c1 + ", " + c2 + ", " + c3);
        }
        if (kappa >= 0) {
            return 0;
        }
        double[] c = {c1, c2, c3};
        double sum = c1 + c2 + c3;
        double sq = 0;
        for (int i = 0; i < 3; i++) {
            c[i] /= sum;
            sq += c[i] * c[i];
        }
        double n = Math.sqrt(sq + q * (1 - sq));
        double[] a = {c[0] / n, c[1] / n, c[2] / n};
        Arrays.sort(a); // smallest outermost, largest innermost (closed form, smooth)
        if (a[1] == 0) {
            return 0; // a vertex
        }
        return tripleEnergy(q, kappa, a[0], a[1], a[2], zNodes, uNodes);
    }

    /** E at the barycentre of three typical solutions. */
    public static double barycentre(double q, double kappa) {
        return energy(q, kappa, 1, 1, 1);
    }

    /** Mean of E over Dirichlet(1,1,1) points of the simplex, Duffy map with an m x m Gauss-Legendre rule. */
    public static double uniformMean(double q, double kappa, int m) {
        return uniformMean(q, kappa, m, Z_NODES, U_NODES);
    }

    static double uniformMean(double q, double kappa, int m, int zNodes, int uNodes) {
        SphericalGardner.requireOverlap(q);
        if (m < 2) {
            throw new IllegalArgumentException("Duffy-map order must be >= 2, got " + m);
        }
        if (kappa >= 0) {
            return 0;
        }
        GaussLegendre gl = GaussLegendre.of(m);
        double s = 0;
        for (int i = 0; i < m; i++) {
            double u = 0.5 * (1 + gl.x[i]);
            for (int j = 0; j < m; j++) {
                double v = 0.5 * (1 + gl.x[j]);
                double w = 0.25 * gl.w[i] * gl.w[j] * 2 * (1 - u);
                s += w * energy(q, kappa, u, (1 - u) * v, (1 - u) * (1 - v), zNodes, uNodes);
            }
        }
        return s;
    }

    public static double uniformMean(double q, double kappa) {
        return uniformMean(q, kappa, DEFAULT_ORDER);
    }

    /** z* where the centre of mass of infinitely many typical solutions sits at the margin; -inf if never. */
    public static double barycentreLimitThreshold(double q, double kappa) {
        SphericalGardner.requireOverlap(q);
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        double ratio = sd / sq;
        DoubleUnaryOperator f = z -> z + ratio * Gaussians.hazard((kappa - sq * z) / sd) - kappa;
        double lo = -37;
        double hi = 37;
        if (f.applyAsDouble(lo) >= 0) {
            return Double.NEGATIVE_INFINITY; // Delta_c > kappa for every z (kappa >= 0)
        }
        return RootFinding.brent(f, lo, hi, 1e-12);
    }

    /** E of the centre of mass of y -&gt; infinity typical solutions, Phi(z*). */
    public static double barycentreLimit(double q, double kappa) {
        double z = barycentreLimitThreshold(q, kappa);
        return z == Double.NEGATIVE_INFINITY ? 0 : Gaussians.cdf(z);
    }

    /**
     * P(a1 u1 + a2 u2 + a3 u3 &lt; C) averaged over z, with 0 &lt;= a1 &lt;= a2 &lt;= a3: u1 and u2 by the
     * truncated rule, u3 in closed form as 1 - H((C - a1 u1 - a2 u2)/a3)/H(k).
     */
    static double tripleEnergy(double q, double kappa, double a1, double a2, double a3, int zNodes, int uNodes) {
        double sq = Math.sqrt(q);
        double sd = Math.sqrt(1 - q);
        double sa = a1 + a2 + a3;
        if (!(kappa * (1 - sa) > 0)) {
            return 0;
        }
        GaussianRule r = GaussianRule.crossover(q, kappa, zNodes);
        int cap = TruncatedRule.maxNodes(uNodes);
        double[] u1 = new double[cap];
        double[] w1 = new double[cap];
        double[] u2 = new double[cap];
        double[] w2 = new double[cap];
        double e = 0;
        for (int i = 0; i < r.size(); i++) {
            double z = r.z[i];
            double k = (kappa - sq * z) / sd;
            double c = (kappa - sa * sq * z) / sd;
            // u1 up to where even u2 = u3 = k violates nothing: a1 u1 = C - (a2 + a3) k
            double u1max = a1 > 0 ? (c - (a2 + a3) * k) / a1 : Double.POSITIVE_INFINITY;
            int m1 = TruncatedRule.fill(k, u1max, uNodes, u1, w1);
            double outer = 0;
            for (int j = 0; j < m1; j++) {
                double rest = c - a1 * u1[j];
                int m2 = TruncatedRule.fill(k, (rest - a3 * k) / a2, uNodes, u2, w2);
                double inner = 0;
                for (int l = 0; l < m2; l++) {
                    inner += w2[l] * Tails.truncatedCdf((rest - a2 * u2[l]) / a3, k);
                }
                outer += w1[j] * inner;
            }
            e += r.w[i] * outer;
        }
        return e;
    }
}
