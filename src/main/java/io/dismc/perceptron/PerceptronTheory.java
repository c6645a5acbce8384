package io.dismc.perceptron;

/**
 * Classic closed-form results the perceptron experiments are checked against (docs/models.md 2.8; the
 * replica theory, Gardner's capacity included, is io.dismc.theory.perceptron, docs/models.md 2.9).
 * <ul>
 *   <li>Cover's counting theorem: P points in general position in N dimensions are linearly separable
 *       (through the origin, random labels) with probability 2^{1-P} sum_{k&lt;N} binom(P-1, k);</li>
 *   <li>the generalization error of a student at overlap R with its teacher, arccos(R) / pi.</li>
 * </ul>
 */
public final class PerceptronTheory {
    private PerceptronTheory() {}

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
