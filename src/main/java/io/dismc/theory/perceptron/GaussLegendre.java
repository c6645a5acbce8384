package io.dismc.theory.perceptron;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauss-Legendre nodes and weights on [-1, 1] for any order, by Newton's iteration on the Legendre
 * recurrence (converged to machine precision; cached per order). The panels of every rule in this
 * package are built from these.
 */
final class GaussLegendre {
    private static final ConcurrentHashMap<Integer, GaussLegendre> CACHE = new ConcurrentHashMap<>();

    final double[] x;
    final double[] w;

    private GaussLegendre(int n) {
        x = new double[n];
        w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double t = Math.cos(Math.PI * (i + 0.75) / (n + 0.5)); // Tricomi's first guess
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = t;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * t * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                double pn = n == 1 ? t : p1;
                double pm = n == 1 ? 1 : p0;
                dp = n * (t * pn - pm) / (t * t - 1);
                double dt = pn / dp;
                t -= dt;
                if (Math.abs(dt) < 1e-16) {
                    break;
                }
            }
            // recompute the derivative at the converged node for the weight
            double p0 = 1;
            double p1 = t;
            for (int j = 2; j <= n; j++) {
                double p2 = ((2 * j - 1) * t * p1 - (j - 1) * p0) / j;
                p0 = p1;
                p1 = p2;
            }
            dp = n == 1 ? 1 : n * (t * p1 - p0) / (t * t - 1);
            double wt = 2 / ((1 - t * t) * dp * dp);
            x[i] = -t;
            x[n - 1 - i] = t;
            w[i] = wt;
            w[n - 1 - i] = wt;
        }
        if (n % 2 == 1) {
            x[n / 2] = 0;
        }
    }

    static GaussLegendre of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Gauss-Legendre order must be >= 1, got " + n);
        }
        return CACHE.computeIfAbsent(n, GaussLegendre::new);
    }
}
