package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Joint law of a typical kappa1-solution and an independent typical kappa2-solution of the spherical
 * perceptron on the same patterns (RS, the O(n1 n2) saddle point; docs/models.md, section perceptron
 * theory, star geometry). On a pattern (x1, x2) ~ N(0, [[q1, p], [p, q2]]) and
 * Delta_i = x_i + sqrt(1 - q_i) u_i with u_i a standard normal truncated at (kappa_i - x_i)/sqrt(1 - q_i);
 * q_i = q_RS(alpha, kappa_i), and the cross overlap p solves
 * <pre>  p = alpha sqrt((1-q1)(1-q2)) E[G(k1(x1)) G(k2(x2))]  </pre>
 * (Brent on (1e-10, sqrt(q1 q2)); p(kappa, kappa) = q). The Gaussian pair is written
 * x1 = sqrt(q1) z1, x2 = (p/sqrt(q1)) z1 + sqrt(q2 - p^2/q1) z2, each z on a composite rule split at its
 * own crossover.
 * <p>
 * The geodesic from the kappa1-solution (t = 0) to the kappa2-solution (t = 1), normalized linear with
 * n(t)^2 = (1-t)^2 + t^2 + 2t(1-t)p, has energy at margin kappa2
 * <pre>  E(t) = E_{x1,x2} int_{k1}^{u1max} du1 phi(u1)/H(k1) [1 - H(v(u1))/H(k2)],  </pre>
 * v = (kappa2 - a Delta1 - b x2)/(b sqrt(1-q2)), (a, b) = (1-t, t)/n(t). The range u1max - k1 =
 * (kappa2 (1-b)/a - kappa1)/sqrt(1-q1) does not depend on x: E(t) = 0 on every pattern iff
 * (1-t) kappa1 + t kappa2 &gt;= kappa2 n(t), the star criterion at t.
 */
public final class MixedMarginPair {
    /** Nodes per panel of both Gaussian rules of the nested integrals (12: 1e-10 on p against 48). */
    static final int Z_NODES = 12;
    /** Nodes per panel of the energy's Gaussian rules (8: 1e-6 relative against 24, enough for an energy). */
    static final int ENERGY_Z_NODES = 8;
    static final int U_NODES = 8;

    private final double alpha;
    private final double kappa1;
    private final double kappa2;
    private final double q1;
    private final double q2;
    private final double p;

    private MixedMarginPair(double alpha, double kappa1, double kappa2, double q1, double q2, double p) {
        this.alpha = alpha;
        this.kappa1 = kappa1;
        this.kappa2 = kappa2;
        this.q1 = q1;
        this.q2 = q2;
        this.p = p;
    }

    /** The pair at load alpha; NaN overlaps (and energies) where either margin is outside the SAT phase. */
    public static MixedMarginPair of(double alpha, double kappa1, double kappa2) {
        return of(alpha, kappa1, kappa2, Z_NODES);
    }

    static MixedMarginPair of(double alpha, double kappa1, double kappa2, int zNodes) {
        double q1 = SphericalGardner.typicalOverlap(alpha, kappa1);
        double q2 = SphericalGardner.typicalOverlap(alpha, kappa2);
        if (Double.isNaN(q1) || Double.isNaN(q2)) {
            return new MixedMarginPair(alpha, kappa1, kappa2, q1, q2, Double.NaN);
        }
        double hi = Math.sqrt(q1 * q2);
        DoubleUnaryOperator f = pp -> pp - crossMap(alpha, kappa1, kappa2, q1, q2, pp, zNodes);
        double fHi = f.applyAsDouble(hi);
        double p;
        // Cauchy-Schwarz puts the map below sqrt(q1 q2) there, with equality for equal systems
        if (fHi <= 1e-13) {
            p = hi;
        } else {
            p = RootFinding.brent(f, 1e-10, hi, 1e-13);
        }
        return new MixedMarginPair(alpha, kappa1, kappa2, q1, q2, p);
    }

    public double alpha() {
        return alpha;
    }

    public double kappa1() {
        return kappa1;
    }

    public double kappa2() {
        return kappa2;
    }

    /** q_RS(alpha, kappa1). */
    public double q1() {
        return q1;
    }

    /** q_RS(alpha, kappa2). */
    public double q2() {
        return q2;
    }

    /** The cross overlap p between the two solutions. */
    public double crossOverlap() {
        return p;
    }

    /** alpha sqrt((1-q1)(1-q2)) E[G(k1(x1)) G(k2(x2))] at cross overlap pp. */
    static double crossMap(double alpha, double kappa1, double kappa2, double q1, double q2, double pp, int zNodes) {
        double s1 = Math.sqrt(q1);
        double d1 = Math.sqrt(1 - q1);
        double d2 = Math.sqrt(1 - q2);
        double slope = pp / s1;
        double sigma = Math.sqrt(Math.max(0, q2 - pp * pp / q1));
        // the outer integrand switches over where k1 = 0 and where the mean of x2 crosses kappa2
        GaussianRule outer = GaussianRule.around(Math.min(6 * Math.sqrt((1 - q1) / q1), 3), zNodes,
                kappa1 / s1, slope > 0 ? kappa2 / slope : 0);
        double s = 0;
        for (int i = 0; i < outer.size(); i++) {
            double z1 = outer.z[i];
            double g1 = Gaussians.hazard((kappa1 - s1 * z1) / d1);
            double mean = slope * z1;
            double inner = 0;
            if (sigma < 1e-12) {
                inner = Gaussians.hazard((kappa2 - mean) / d2);
            } else {
                GaussianRule r = GaussianRule.around((kappa2 - mean) / sigma, Math.min(6 * d2 / sigma, 3), zNodes);
                for (int j = 0; j < r.size(); j++) {
                    inner += r.w[j] * Gaussians.hazard((kappa2 - mean - sigma * r.z[j]) / d2);
                }
            }
            s += outer.w[i] * g1 * inner;
        }
        return alpha * d1 * d2 * s;
    }

    /**
     * Energy at margin kappa2 at position t of the normalized-linear geodesic from the kappa1-solution
     * (t = 0) to the kappa2-solution (t = 1).
     */
    public double geodesicEnergy(double t) {
        return geodesicEnergy(t, ENERGY_Z_NODES, U_NODES);
    }

    double geodesicEnergy(double t, int zNodes, int uNodes) {
        TypicalGeodesic.requireUnit(t, "t");
        if (Double.isNaN(p)) {
            return Double.NaN;
        }
        if (t == 1) {
            return 0;
        }
        if (t == 0) {
            return SphericalGardner.stabilityCdf(alpha, kappa1, kappa2); // 0 unless kappa1 < kappa2
        }
        double n = Math.sqrt((1 - t) * (1 - t) + t * t + 2 * t * (1 - t) * p);
        double a = (1 - t) / n;
        double b = t / n;
        double d1 = Math.sqrt(1 - q1);
        double d2 = Math.sqrt(1 - q2);
        double width = (kappa2 * (1 - b) / a - kappa1) / d1;
        if (!(width > 0)) {
            return 0;
        }
        double s1 = Math.sqrt(q1);
        double slope = p / s1;
        double sigma = Math.sqrt(Math.max(0, q2 - p * p / q1));
        GaussianRule outer = GaussianRule.around(Math.min(6 * Math.sqrt((1 - q1) / q1), 3), zNodes,
                kappa1 / s1, slope > 0 ? kappa2 / slope : 0);
        double[] u = new double[TruncatedRule.maxNodes(uNodes)];
        double[] wu = new double[u.length];
        double e = 0;
        for (int i = 0; i < outer.size(); i++) {
            double x1 = s1 * outer.z[i];
            double k1 = (kappa1 - x1) / d1;
            int m = TruncatedRule.fill(k1, k1 + width, uNodes, u, wu);
            if (m == 0) {
                continue;
            }
            double mean = slope * outer.z[i];
            GaussianRule r = sigma < 1e-12 ? null
                    : GaussianRule.around((kappa2 - mean) / sigma, Math.min(6 * d2 / sigma, 3), zNodes);
            int inner = r == null ? 1 : r.size();
            double sum = 0;
            for (int j = 0; j < inner; j++) {
                double x2 = r == null ? mean : mean + sigma * r.z[j];
                double wj = r == null ? 1 : r.w[j];
                double k2 = (kappa2 - x2) / d2;
                double su = 0;
                for (int l = 0; l < m; l++) {
                    double delta1 = x1 + d1 * u[l];
                    double v = (kappa2 - a * delta1 - b * x2) / (b * d2);
                    su += wu[l] * Tails.truncatedCdf(v, k2);
                }
                sum += wj * su;
            }
            e += outer.w[i] * sum;
        }
        return e;
    }

    /** The largest energy on the geodesic and where it sits. */
    public record Barrier(double t, double energy) {}

    /**
     * max_t E(t): a scan on t = 0.1, 0.2, ..., 0.9 refined by Brent's optimizer around the best grid
     * point; (NaN, 0) where the star criterion makes E vanish on the whole geodesic.
     */
    public Barrier barrier() {
        if (Double.isNaN(p)) {
            return new Barrier(Double.NaN, Double.NaN);
        }
        int n = 10;
        double best = -1;
        int at = -1;
        for (int i = 1; i < n; i++) {
            double e = geodesicEnergy((double) i / n);
            if (e > best) {
                best = e;
                at = i;
            }
        }
        if (best <= 0) {
            return new Barrier(Double.NaN, 0);
        }
        BrentOptimizer opt = new BrentOptimizer(1e-6, 1e-8);
        UnivariatePointValuePair r = opt.optimize(new MaxEval(200), new UnivariateObjectiveFunction(this::geodesicEnergy),
                GoalType.MAXIMIZE, new SearchInterval((double) (at - 1) / n, (double) (at + 1) / n, (double) at / n));
        return r.getValue() >= best ? new Barrier(r.getPoint(), r.getValue()) : new Barrier((double) at / n, best);
    }
}
