package io.dismc.theory.perceptron;

/**
 * Population error of the soft committee machine with erf units in the engine's normalization, and its
 * symmetric (unspecialized) plateau for K = K* (docs/models.md, section perceptron theory, committee
 * plateau; the plateau of Saad and Solla 1995).
 * <p>
 * Convention (the engine's TwoLayerNetwork with the NTK parameterization, gamma = 1, fixed readout
 * a_k = 1, and TwoLayerTeacher): student f(x) = (1/sqrt K) sum_k g(w_k . x/sqrt N), teacher
 * f*(x) = (1/sqrt K*) sum_m g(w*_m . x/sqrt N), g(h) = erf(h/sqrt 2), x ~ N(0, I_N); the error is
 * eps = (1/2) E[(f - f*)^2], exactly the engine's regression test error (1/2 mean squared difference) and
 * TwoLayerObservables.generalizationError. With Q = W W^T/N, M = W W*^T/N, T = W* W*^T/N and
 * E[g(h_a) g(h_b)] = (2/pi) arcsin(C_ab/sqrt((1 + C_aa)(1 + C_bb))):
 * <pre>
 *   eps = (1/2) [ (1/K) sum_kl c(Q_kl) - (2/sqrt(K K*)) sum_km c(M_km) + (1/K*) sum_mn c(T_mn) ].
 * </pre>
 * Saad and Solla write the committee without the 1/sqrt K prefactors; their error is K times this one
 * for K = K* ({@link #saadSollaPlateauError}).
 * <p>
 * Symmetric plateau for K = K*, T = I: all students equal, Q_kl = 1/(2K-1), M_km = 1/sqrt(K(2K-1)), and
 * eps_plateau(K) = 1/6 - (K/pi) arcsin(1/(2K)): 0.0058054 (K = 2), 0.0067655 (K = 3), tending to
 * (1/3 - 1/pi)/2 = 0.0075117.
 */
public final class CommitteePlateau {
    private CommitteePlateau() {}

    /** eps_plateau(K) = 1/6 - (K/pi) arcsin(1/(2K)), the engine's normalization. */
    public static double plateauError(int k) {
        requireWidth(k);
        return 1.0 / 6 - k / Math.PI * Math.asin(1.0 / (2 * k));
    }

    /** The K -&gt; infinity limit (1/3 - 1/pi)/2. */
    public static double plateauErrorLimit() {
        return 0.5 * (1.0 / 3 - 1 / Math.PI);
    }

    /** The plateau in Saad and Solla's normalization (no 1/sqrt K prefactors): K eps_plateau(K). */
    public static double saadSollaPlateauError(int k) {
        return k * plateauError(k);
    }

    /** Student self-overlap Q_kl = 1/(2K - 1) (every k, l) at the symmetric plateau. */
    public static double plateauSelfOverlap(int k) {
        requireWidth(k);
        return 1.0 / (2 * k - 1);
    }

    /** Student-teacher overlap M_km = 1/sqrt(K(2K - 1)) (every k, m) at the symmetric plateau. */
    public static double plateauTeacherOverlap(int k) {
        requireWidth(k);
        return 1 / Math.sqrt(k * (2.0 * k - 1));
    }

    /** The plateau's order parameters as K x K matrices (Q, M) with T = I. */
    public record OrderParameters(double[][] q, double[][] m, double[][] t) {}

    public static OrderParameters plateauOrderParameters(int k) {
        double[][] q = new double[k][k];
        double[][] m = new double[k][k];
        double[][] t = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                q[a][b] = plateauSelfOverlap(k);
                m[a][b] = plateauTeacherOverlap(k);
                t[a][b] = a == b ? 1 : 0;
            }
        }
        return new OrderParameters(q, m, t);
    }

    /** E[g(u) g(v)] for g = erf(./sqrt 2) and zero-mean Gaussians with variances cuu, cvv and covariance cuv. */
    public static double erfCorrelation(double cuv, double cuu, double cvv) {
        return 2 / Math.PI * Math.asin(cuv / Math.sqrt((1 + cuu) * (1 + cvv)));
    }

    /** eps = (1/2) E[(f - f*)^2] from the order parameters, the engine's normalization (K x K Q, K x K* M, K* x K* T). */
    public static double populationError(double[][] q, double[][] m, double[][] t) {
        int k = q.length;
        int ks = t.length;
        if (k == 0 || ks == 0 || m.length != k) {
            throw new IllegalArgumentException("order parameters need Q (K x K), M (K x K*), T (K* x K*) with K, K* >= 1");
        }
        for (int a = 0; a < k; a++) {
            if (q[a].length != k || m[a].length != ks) {
                throw new IllegalArgumentException("order parameters: row " + a + " of Q or M has the wrong length");
            }
        }
        for (double[] row : t) {
            if (row.length != ks) {
                throw new IllegalArgumentException("order parameters: T must be K* x K*");
            }
        }
        double ss = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                ss += erfCorrelation(q[a][b], q[a][a], q[b][b]);
            }
        }
        double st = 0;
        for (int a = 0; a < k; a++) {
            for (int l = 0; l < ks; l++) {
                st += erfCorrelation(m[a][l], q[a][a], t[l][l]);
            }
        }
        double tt = 0;
        for (int l = 0; l < ks; l++) {
            for (int n = 0; n < ks; n++) {
                tt += erfCorrelation(t[l][n], t[l][l], t[n][n]);
            }
        }
        return 0.5 * (ss / k - 2 * st / Math.sqrt((double) k * ks) + tt / ks);
    }

    private static void requireWidth(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("committee width K must be >= 1, got " + k);
        }
    }
}
