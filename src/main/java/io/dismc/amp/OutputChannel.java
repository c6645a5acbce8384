package io.dismc.amp;

/**
 * An output channel P_out(y|z), used by both GAMP and its state evolution: the output functions of
 * Z_out(y; omega, V) = int dz P_out(y|z) N(z; omega, V), g_out = d log Z_out / d omega and
 * dg = d g_out / d omega, the state-evolution integral E[g_out^2] at the Nishimori point, the channel's
 * part of the replica-symmetric free entropy, and the teacher's draw of y given z = (F x0)_mu
 * (docs/models.md 4.2; Rangan, ISIT 2011; Barbier et al., PNAS 116 5451 (2019)).
 */
public interface OutputChannel {
    /** The teacher's output y given z = (F x0)_mu and one standard Gaussian draw (its noise). */
    double sample(double z, double gaussian);

    /** g_out(y, omega, V). */
    double gOut(double y, double omega, double v);

    /** dg = d g_out / d omega at (y, omega, V); &lt;= 0 for the log-concave channels here. */
    double dgOut(double y, double omega, double v);

    /** g_out and dg for components [0, m): the loop GAMP runs (a channel may share work between the two). */
    default void evaluate(double[] y, double[] omega, double[] v, double[] g, double[] dg, int m) {
        for (int mu = 0; mu < m; mu++) {
            g[mu] = gOut(y[mu], omega[mu], v[mu]);
            dg[mu] = dgOut(y[mu], omega[mu], v[mu]);
        }
    }

    /**
     * E_{xi,y}[g_out(y, sqrt(q) xi, E)^2] with y drawn from the channel at z = sqrt(q) xi + sqrt(E) zeta:
     * the state-evolution update is qhat = alpha * fisher(q, E). q is the overlap, E = rho_x - q the MSE
     * (both passed, so that neither is recomputed as a small difference of large numbers).
     */
    double fisher(double q, double mse);

    /** Psi_out(q) = E_{xi,y} log Z_out(y; sqrt(q) xi, E), the channel's part of f_RS. */
    double freeEntropy(double q, double mse);

    /**
     * The floor GAMP puts under V (the clamp of pitfall P6): 0 where g_out stays finite as V goes to 0
     * with noise present, 1e-12 for the sign channels, whose g_out and dg become 0/0 there.
     */
    double minVariance();

    /** Short name for records and CSV headers. */
    String name();
}
