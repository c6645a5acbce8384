package io.dismc.theory;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;

/**
 * The standard normal measure Dz = exp(-z^2/2) dz / sqrt(2 pi) as replica and state-evolution formulas
 * use it: density, tails in a form that does not underflow, the inverse Mills ratio, and expectations
 * E_z f(z) by quadrature. Shared by every theory solver so that no two of them disagree on a tail.
 */
public final class Gaussians {
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    /** Beyond |z| = 14 the measure holds less than 1e-44: far below what the solvers resolve. */
    private static final double CUTOFF = 14;

    private Gaussians() {}

    /** phi(x) = exp(-x^2/2)/sqrt(2 pi). */
    public static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    public static double logDensity(double x) {
        return -0.5 * x * x - LOG_SQRT_2PI;
    }

    /** Phi(x) = P(z &lt;= x). */
    public static double cdf(double x) {
        return 0.5 * Erfc.value(-x / SQRT2);
    }

    /** H(x) = P(z &gt; x) = Phi(-x), accurate deep in the tail (relative error, not absolute). */
    public static double upperTail(double x) {
        return 0.5 * Erfc.value(x / SQRT2);
    }

    /** log H(x), finite for every x (about -x^2/2 - log(x sqrt(2 pi)) for large x). */
    public static double logUpperTail(double x) {
        if (x < 5) {
            return Math.log(upperTail(x));
        }
        // H(x) = phi(x) sqrt(pi/2) erfcx(x/sqrt2)
        return logDensity(x) + Math.log(Math.sqrt(Math.PI / 2) * Erfcx.value(x / SQRT2));
    }

    /** log Phi(x). */
    public static double logCdf(double x) {
        return logUpperTail(-x);
    }

    /**
     * The inverse Mills ratio phi(u)/Phi(u), computed as sqrt(2/pi)/erfcx(-u/sqrt2) so that it tends to
     * -u (not 0/0) as u goes to -infinity.
     */
    public static double millsRatio(double u) {
        return Math.sqrt(2 / Math.PI) / Erfcx.value(-u / SQRT2);
    }

    /** phi(x)/H(x), the hazard of the upper tail (= millsRatio(-x)). */
    public static double hazard(double x) {
        return millsRatio(-x);
    }

    /**
     * E_z f(z) for z ~ N(0,1): composite 16-point Gauss-Legendre over [-14, 14], with the panels split at
     * the given points where f has kinks or jumps (a theta function, a hinge), so that each panel sees a
     * smooth integrand. Panels are at most 0.25 wide: exact to about 1e-14 for smooth f of moderate growth.
     */
    public static double expectation(DoubleUnaryOperator f, double... breakpoints) {
        return integrate(z -> f.applyAsDouble(z) * density(z), -CUTOFF, CUTOFF, breakpoints);
    }

    /** E_z f(z) restricted to z in [a, b] (infinite bounds allowed), with breakpoints as above. */
    public static double expectationOver(DoubleUnaryOperator f, double a, double b, double... breakpoints) {
        return integrate(z -> f.applyAsDouble(z) * density(z), Math.max(a, -CUTOFF), Math.min(b, CUTOFF), breakpoints);
    }

    /** int_a^b g(x) dx by composite Gauss-Legendre, panels split at the breakpoints inside (a, b). */
    public static double integrate(DoubleUnaryOperator g, double a, double b, double... breakpoints) {
        if (!(b > a)) {
            return 0;
        }
        double[] cuts = Arrays.stream(breakpoints).filter(x -> x > a && x < b).sorted().toArray();
        double sum = 0;
        double lo = a;
        for (int k = 0; k <= cuts.length; k++) {
            double hi = k < cuts.length ? cuts[k] : b;
            int panels = (int) Math.ceil((hi - lo) / 0.25);
            double w = (hi - lo) / panels;
            for (int q = 0; q < panels; q++) {
                sum += legendre16(g, lo + q * w, lo + (q + 1) * w);
            }
            lo = hi;
        }
        return sum;
    }

    private static final double[] GL_X = {
        0.0950125098376374401853193, 0.2816035507792589132304605, 0.4580167776572273863424194,
        0.6178762444026437484466718, 0.7554044083550030338951012, 0.8656312023878317438804679,
        0.9445750230732325760779884, 0.9894009349916499325961542};
    private static final double[] GL_W = {
        0.1894506104550684962853967, 0.1826034150449235888667637, 0.1691565193950025381893121,
        0.1495959888165767320815017, 0.1246289712555338720524763, 0.0951585116824927848099251,
        0.0622535239386478928628438, 0.0271524594117540948517806};

    private static double legendre16(DoubleUnaryOperator g, double a, double b) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double s = 0;
        for (int k = 0; k < GL_X.length; k++) {
            s += GL_W[k] * (g.applyAsDouble(c - h * GL_X[k]) + g.applyAsDouble(c + h * GL_X[k]));
        }
        return s * h;
    }
}
