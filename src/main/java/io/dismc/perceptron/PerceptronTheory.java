package io.dismc.perceptron;

/**
 * Classic results the perceptron experiments are checked against (docs/models.md 2.8).
 * <ul>
 *   <li>Gardner's RS capacity of the spherical perceptron, alpha_c(kappa) = 1 / int_{-kappa}^inf Dt (t + kappa)^2,
 *       computed by quadrature (exact for kappa &gt;= 0, an upper bound for kappa &lt; 0);</li>
 *   <li>Cover's counting theorem: P points in general position in N dimensions are linearly separable
 *       (through the origin, random labels) with probability 2^{1-P} sum_{k&lt;N} binom(P-1, k);</li>
 *   <li>the generalization error of a student at overlap R with its teacher, arccos(R) / pi.</li>
 * </ul>
 */
public final class PerceptronTheory {
    /** Krauth-Mezard capacity of the binary perceptron at kappa = 0. */
    public static final double BINARY_CAPACITY = 0.833;

    private PerceptronTheory() {}

    /** Gardner's alpha_c(kappa) by composite Simpson quadrature on [-kappa, -kappa + 40]. */
    public static double gardnerCapacity(double kappa) {
        int m = 200_000; // even
        double a = -kappa;
        double b = -kappa + 40;
        double h = (b - a) / m;
        double sum = 0;
        for (int k = 0; k <= m; k++) {
            double t = a + k * h;
            double f = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI) * (t + kappa) * (t + kappa);
            sum += f * (k == 0 || k == m ? 1 : (k % 2 == 1 ? 4 : 2));
        }
        return 1.0 / (sum * h / 3);
    }

    /** Probability that P random points in general position in N dimensions are separable. */
    public static double coverProbability(int n, int p) {
        if (p <= n) {
            return 1.0;
        }
        // log binom(P-1, k) by a running sum, summed in log space
        double logTerm = 0; // k = 0
        double max = 0;
        double[] logs = new double[n];
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                logTerm += Math.log((double) (p - k)) - Math.log(k);
            }
            logs[k] = logTerm;
            max = Math.max(max, logTerm);
        }
        double s = 0;
        for (double l : logs) {
            s += Math.exp(l - max);
        }
        return Math.min(1.0, Math.exp(max + Math.log(s) + (1 - p) * Math.log(2)));
    }

    /** Generalization error of a perceptron at normalized overlap R with its teacher. */
    public static double generalizationError(double r) {
        return Math.acos(Math.max(-1, Math.min(1, r))) / Math.PI;
    }
}
