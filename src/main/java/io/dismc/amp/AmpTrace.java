package io.dismc.amp;

import java.util.Arrays;

/**
 * One instance's per-iteration record, t = 0 .. T (t = 0 is the start; NaN where a quantity does not exist
 * yet). Index t lines up with state evolution's E_t (docs/models.md 4.3).
 *
 * @param mse           MSE_t = mean((a^t - x0)^2)
 * @param meanVariance  mean(v^t), the algorithm's own MSE prediction (equal to MSE_t at the Nishimori point)
 * @param overlap       m_t = a^t . x0 / N
 * @param selfOverlap   Q_t = a^t . a^t / N
 * @param meanSigma     mean Sigma^t of the scalar channel that produced a^t
 * @param residual      ||y - omega^{t-1}||^2 / M, of the step that produced a^t
 * @param onsagerRatio  var(R^t - x0)/mean(Sigma^t): 1 when the Onsager term makes R - x0 the Gaussian noise SE assumes
 * @param kurtosis      kurtosis(R^t - x0)/3: 1 for Gaussian noise
 * @param signalPower   |x0|^2 / N of this instance
 * @param dampingOld    the damping used (weight of the previous iterate)
 */
public record AmpTrace(double[] mse, double[] meanVariance, double[] overlap, double[] selfOverlap, double[] meanSigma,
                       double[] residual, double[] onsagerRatio, double[] kurtosis, double signalPower, double dampingOld) {
    public int iterations() {
        return mse.length - 1;
    }

    /** eps_t = arccos(m_t / sqrt(Q_t |x0|^2/N))/pi, the perceptron's generalization error of sign(x . a^t). */
    public double generalizationError(int t) {
        double c = overlap[t] / Math.sqrt(selfOverlap[t] * signalPower);
        if (!(c == c)) {
            return 0.5; // a = 0: chance level
        }
        return Math.acos(Math.max(-1, Math.min(1, c))) / Math.PI;
    }

    /** Normalised overlap m_t / sqrt(Q_t |x0|^2/N). */
    public double cosine(int t) {
        return overlap[t] / Math.sqrt(selfOverlap[t] * signalPower);
    }

    /** Growable columns while a run is in progress. */
    static final class Builder {
        private final double[][] cols = new double[8][16];
        private int size;
        private final double signalPower;
        private final double dampingOld;

        Builder(double signalPower, double dampingOld) {
            this.signalPower = signalPower;
            this.dampingOld = dampingOld;
        }

        void add(double mse, double meanV, double m, double q, double sigma, double residual, double onsager, double kurtosis) {
            if (size == cols[0].length) {
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = Arrays.copyOf(cols[c], 2 * size);
                }
            }
            double[] row = {mse, meanV, m, q, sigma, residual, onsager, kurtosis};
            for (int c = 0; c < cols.length; c++) {
                cols[c][size] = row[c];
            }
            size++;
        }

        AmpTrace build() {
            double[][] c = new double[cols.length][];
            for (int k = 0; k < cols.length; k++) {
                c[k] = Arrays.copyOf(cols[k], size);
            }
            return new AmpTrace(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], signalPower, dampingOld);
        }
    }
}
