package io.dismc.theory.perceptron;

/**
 * Quadrature for integrals of a standard normal u truncated to u &gt;= k, over u in [k, upper]:
 * nodes and weights with the truncated density phi(u)/H(k) folded in ({@link Tails#truncatedDensity},
 * finite and accurate for any k). The mass of a truncated normal lies within about
 * 1/max(1, k) of the cut for large k and spreads over O(1) for k &lt;= 0, so the panels start at width
 * 1/max(1, k), double up to width 2, and stop where the remaining mass is below 1e-16
 * (u^2 - k^2 = 75 for k &gt; 0). A cut below u = -9 starts the panels at -9.
 */
final class TruncatedRule {
    private static final double TAIL = 75;

    private TruncatedRule() {}

    /** The upper end beyond which the truncated density carries less than about 1e-16. */
    static double cutoff(double k) {
        double kp = Math.max(k, 0);
        return Math.sqrt(kp * kp + TAIL);
    }

    /**
     * Fills nodes u and weights into the given arrays (capacity maxNodes(perPanel)) and returns the
     * count; an empty range gives 0.
     */
    static int fill(double k, double upper, int perPanel, double[] u, double[] w) {
        double end = Math.min(upper, cutoff(k));
        if (!(end > Math.max(k, -9))) {
            return 0;
        }
        GaussLegendre gl = GaussLegendre.of(perPanel);
        double width = 1 / Math.max(1, k);
        // below u = -9 the normal holds less than 1e-19: a far-negative cut starts there
        double a = Math.max(k, -9);
        int at = 0;
        while (a < end) {
            double b = Math.min(end, a + width);
            double mid = 0.5 * (a + b);
            double half = 0.5 * (b - a);
            for (int i = 0; i < perPanel; i++) {
                double x = mid + half * gl.x[i];
                u[at] = x;
                w[at] = half * gl.w[i] * Tails.truncatedDensity(x, k);
                at++;
            }
            a = b;
            width = Math.min(2 * width, 2);
        }
        return at;
    }

    /**
     * Enough room for any range: from u = -9 to 8.7 in widths up to 2 (10 panels), or from a large k
     * in widths 1/k doubling (about log2(k) + 4 panels, under 40 for any double k).
     */
    static int maxNodes(int perPanel) {
        return 48 * perPanel;
    }
}
