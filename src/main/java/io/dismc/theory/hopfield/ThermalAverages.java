package io.dismc.theory.hopfield;

import java.util.Arrays;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Averages of an Ising spin in a Gaussian random field h = mean + std z at inverse temperature beta:
 * m = E tanh(beta h), q = E tanh^2(beta h) and the response c = beta (1 - q) = beta E sech^2(beta h)
 * (Stein's lemma: c = E[z tanh(beta h)] / std). c is integrated directly rather than as beta (1 - q) so
 * that it stays accurate as T goes to 0.
 *
 * <p>The three averages come from one pass of composite 16-point Gauss-Legendre quadrature over
 * |z| &lt;= 9 (the measure outside holds 2e-19), with one exponential of the field per node: the solvers
 * call this in their innermost loop, so it is fused rather than built from three
 * {@link io.dismc.theory.Gaussians#expectation} calls. Panels are at most 0.5 wide and are split around
 * the kink of tanh at z = -mean/std on the scale 1/(beta std) of its width, so that low temperatures are
 * resolved. Checked against {@code Gaussians.expectation} in the tests.
 */
final class ThermalAverages {
    private static final double CUTOFF = 9;
    private static final double PANEL = 0.5;
    private static final double[] KINK_OFFSETS = {0.5, 1, 2, 4, 8, 16};
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double[] NODES;
    private static final double[] WEIGHTS;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(16);
        NODES = new double[rule.getNumberOfPoints()];
        WEIGHTS = new double[NODES.length];
        for (int k = 0; k < NODES.length; k++) {
            NODES[k] = rule.getPoint(k);
            WEIGHTS[k] = rule.getWeight(k);
        }
    }

    private ThermalAverages() {}

    /** m = E tanh, q = E tanh^2 and response = beta E sech^2 of the spin. */
    record Averages(double m, double q, double response) {}

    static Averages of(double mean, double std, double beta) {
        if (std == 0) {
            double[] v = spin(beta * mean);
            return new Averages(v[0], v[0] * v[0], beta * v[1]);
        }
        double kink = -mean / std;
        double width = 1 / (beta * std);
        double[] cuts = new double[2 + 1 + 2 * KINK_OFFSETS.length];
        int n = 0;
        cuts[n++] = -CUTOFF;
        cuts[n++] = CUTOFF;
        cuts[n++] = kink;
        for (double o : KINK_OFFSETS) {
            cuts[n++] = kink - o * width;
            cuts[n++] = kink + o * width;
        }
        Arrays.sort(cuts);
        double t = 0;
        double t2 = 0;
        double s2 = 0;
        double lo = -CUTOFF;
        for (double c : cuts) {
            double hi = Math.min(c, CUTOFF);
            if (!(hi > lo)) {
                continue;
            }
            int panels = (int) Math.ceil((hi - lo) / PANEL);
            double h = (hi - lo) / panels;
            for (int p = 0; p < panels; p++) {
                double mid = lo + (p + 0.5) * h;
                for (int k = 0; k < NODES.length; k++) {
                    double z = mid + 0.5 * h * NODES[k];
                    double w = 0.5 * h * WEIGHTS[k] * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
                    double y = beta * (mean + std * z);
                    double e = Math.exp(-2 * Math.abs(y));
                    double tanh = Math.copySign((1 - e) / (1 + e), y);
                    t += w * tanh;
                    t2 += w * tanh * tanh;
                    s2 += w * 4 * e / ((1 + e) * (1 + e));
                }
            }
            lo = hi;
        }
        return new Averages(t, t2, beta * s2);
    }

    /** tanh(y) and sech^2(y), the latter without cancellation where tanh is close to +-1. */
    private static double[] spin(double y) {
        double e = Math.exp(-2 * Math.abs(y));
        return new double[] {Math.copySign((1 - e) / (1 + e), y), 4 * e / ((1 + e) * (1 + e))};
    }
}
