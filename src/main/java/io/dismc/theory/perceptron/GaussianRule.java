package io.dismc.theory.perceptron;

import io.dismc.theory.Gaussians;
import java.util.Arrays;

/**
 * A quadrature rule for E_z f(z), z ~ N(0,1), with the density folded into the weights: composite
 * Gauss-Legendre on [-12, 12] split at z0 - s, z0, z0 + s and at -6, -3, 0, 3, 6 (docs/models.md, section
 * perceptron theory, numerics). The RS integrands switch over at z0 = kappa / sqrt(q), where
 * k(z) = (kappa - sqrt(q) z)/sqrt(1 - q) vanishes, over a width sqrt((1-q)/q); s = min(6 that width, 3).
 * Gauss-Hermite degrades as q goes to 1; this rule does not. The fine rule (48 nodes a panel) serves
 * the one-dimensional integrals, a coarse one (16 a panel) the nested ones; tests compare the two.
 */
final class GaussianRule {
    static final int FINE = 48;
    static final int COARSE = 16;
    private static final double EDGE = 12;
    private static final double[] BULK = {-6, -3, 0, 3, 6};
    private static final double MERGE = 1e-13;

    final double[] z;
    final double[] w;

    private GaussianRule(double[] z, double[] w) {
        this.z = z;
        this.w = w;
    }

    /** The rule split around the crossover of k(z) for overlap q and margin kappa. */
    static GaussianRule crossover(double q, double kappa, int perPanel) {
        double z0 = kappa / Math.sqrt(q);
        double s = Math.min(6 * Math.sqrt((1 - q) / q), 3);
        return around(z0, s, perPanel);
    }

    /**
     * Panels split at z0 - s, z0, z0 + s and at -6, -3, 0, 3, 6 (so that no panel spans the bulk or a near
     * tail of the measure). A crossover far outside the bulk is clamped into [-8, 8], where a split is harmless.
     */
    static GaussianRule around(double z0, double s, int perPanel) {
        return around(s, perPanel, z0);
    }

    /** Panels split at c - s, c, c + s for every crossover c (each clamped into [-8, 8]). */
    static GaussianRule around(double s, int perPanel, double... centres) {
        double width = Double.isFinite(s) && s > 0 ? Math.min(s, 3) : 3;
        double[] cuts = new double[3 * centres.length + BULK.length + 2];
        int n = 0;
        cuts[n++] = -EDGE;
        cuts[n++] = EDGE;
        // the bulk and the near tails of the measure get their own panels wherever the crossovers are
        for (double b : BULK) {
            cuts[n++] = b;
        }
        for (double z0 : centres) {
            double c = Math.max(-8, Math.min(8, Double.isFinite(z0) ? z0 : 0));
            cuts[n++] = Math.max(-EDGE, c - width);
            cuts[n++] = c;
            cuts[n++] = Math.min(EDGE, c + width);
        }
        Arrays.sort(cuts);
        GaussLegendre gl = GaussLegendre.of(perPanel);
        // coincident cuts (a crossover at 0 or at +-3) would only make empty panels
        int kept = 1;
        for (int p = 1; p < cuts.length; p++) {
            if (cuts[p] > cuts[kept - 1] + MERGE) {
                cuts[kept++] = cuts[p];
            }
        }
        cuts[kept - 1] = EDGE;
        cuts = Arrays.copyOf(cuts, kept);
        int panels = 0;
        for (int p = 0; p + 1 < cuts.length; p++) {
            if (cuts[p + 1] > cuts[p]) {
                panels++;
            }
        }
        double[] z = new double[panels * perPanel];
        double[] w = new double[panels * perPanel];
        int at = 0;
        for (int p = 0; p + 1 < cuts.length; p++) {
            double a = cuts[p];
            double b = cuts[p + 1];
            if (!(b > a)) {
                continue;
            }
            double mid = 0.5 * (a + b);
            double half = 0.5 * (b - a);
            for (int i = 0; i < perPanel; i++) {
                z[at] = mid + half * gl.x[i];
                w[at] = half * gl.w[i] * Gaussians.density(z[at]);
                at++;
            }
        }
        return new GaussianRule(z, w);
    }

    int size() {
        return z.length;
    }
}
