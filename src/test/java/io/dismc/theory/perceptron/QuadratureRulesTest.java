package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.theory.Gaussians;
import org.junit.jupiter.api.Test;

class QuadratureRulesTest {
    @Test
    void gaussLegendreIsExactToDegreeTwoNMinusOne() {
        for (int n : new int[] {1, 2, 5, 8, 16, 48}) {
            GaussLegendre gl = GaussLegendre.of(n);
            for (int deg = 0; deg <= 2 * n - 1; deg++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += gl.w[i] * Math.pow(gl.x[i], deg);
                }
                double exact = deg % 2 == 1 ? 0 : 2.0 / (deg + 1);
                assertEquals(exact, s, 1e-14, "n = " + n + ", degree " + deg);
            }
        }
    }

    @Test
    void gaussianRuleHasTheMomentsOfTheNormal() {
        assertMoments(GaussianRule.crossover(0.3, -0.5, GaussianRule.FINE), 1e-13);
        assertMoments(GaussianRule.crossover(1 - 1e-9, 0.2, GaussianRule.COARSE), 1e-13);
        // 8 nodes a panel, two crossovers (one clamped): the few-node rules of the nested integrals
        assertMoments(GaussianRule.around(0.4, 8, 11.0, -2.0), 1e-9);
    }

    private static void assertMoments(GaussianRule r, double tolerance) {
        double m0 = 0;
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < r.size(); i++) {
            m0 += r.w[i];
            m2 += r.w[i] * r.z[i] * r.z[i];
            m4 += r.w[i] * Math.pow(r.z[i], 4);
        }
        assertEquals(1, m0, tolerance);
        assertEquals(1, m2, 10 * tolerance);
        assertEquals(3, m4, 1000 * tolerance);
    }

    @Test
    void truncatedRuleIntegratesTheTruncatedNormal() {
        double[] u = new double[TruncatedRule.maxNodes(8)];
        double[] w = new double[u.length];
        for (double k : new double[] {-30, -3, 0, 0.7, 2, 10, 100, 1e3}) {
            // nodes u = k + v lose v's digits as k grows: relative error about 1e-16 k^2
            double tol = Math.max(5e-12, 1e-15 * k * k);
            int m = TruncatedRule.fill(k, Double.POSITIVE_INFINITY, 8, u, w);
            double mass = 0;
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mass += w[i];
                mean += w[i] * u[i];
            }
            assertEquals(1, mass, tol, "mass at k = " + k);
            // E[u | u >= k] = G(k), the inverse Mills ratio
            assertEquals(Gaussians.hazard(k), mean, 2 * tol * Math.max(1, Math.abs(k)), "mean at k = " + k);
            // a finite upper end: P(k <= u < b | u >= k) = 1 - H(b)/H(k)
            double b = Math.max(k, 0) + 0.3;
            m = TruncatedRule.fill(k, b, 8, u, w);
            double part = 0;
            for (int i = 0; i < m; i++) {
                part += w[i];
            }
            assertEquals(-Math.expm1(Gaussians.logUpperTail(b) - Gaussians.logUpperTail(k)), part, tol, "part at k = " + k);
        }
    }

    @Test
    void coarseRuleMatchesFineOnTheRsIntegrals() {
        // E G(k)^2 near q = 1, where Gauss-Hermite fails (docs/models.md, perceptron theory, numerics)
        for (double q : new double[] {0.1, 0.6, 0.97, 0.9999}) {
            double kappa = -0.1;
            double fine = 0;
            double coarse = 0;
            GaussianRule f = GaussianRule.crossover(q, kappa, GaussianRule.FINE);
            GaussianRule c = GaussianRule.crossover(q, kappa, GaussianRule.COARSE);
            for (int i = 0; i < f.size(); i++) {
                double g = Gaussians.hazard((kappa - Math.sqrt(q) * f.z[i]) / Math.sqrt(1 - q));
                fine += f.w[i] * g * g * (1 - q);
            }
            for (int i = 0; i < c.size(); i++) {
                double g = Gaussians.hazard((kappa - Math.sqrt(q) * c.z[i]) / Math.sqrt(1 - q));
                coarse += c.w[i] * g * g * (1 - q);
            }
            assertEquals(fine, coarse, 1e-9 * fine, "q = " + q);
            // and both agree with the shared composite rule where the crossover is wide
            if (q < 0.7) {
                double shared = Gaussians.expectation(z -> {
                    double g = Gaussians.hazard((kappa - Math.sqrt(q) * z) / Math.sqrt(1 - q));
                    return g * g * (1 - q);
                }, kappa / Math.sqrt(q));
                assertEquals(shared, fine, 1e-12);
            }
        }
    }
}
