package io.dismc.data;

import io.dismc.data.SpinMatrix;
/**
 * A perceptron learning problem (docs/models.md 2.1): P examples of N inputs with labels folded in,
 * xi^mu = y^mu x^mu, stored site-major (row i holds xi_i^1..xi_i^P, as Hopfield patterns are), so that
 * a weight flip updates every stability with one contiguous row. Stabilities are
 * Delta^mu = w . xi^mu / sqrt(N); a constraint is satisfied when Delta^mu &gt;= kappa.
 *
 * @param n      inputs N
 * @param p      examples P
 * @param xi     labelled inputs, N x P site-major: +-1 values or Gaussians
 * @param binaryInputs whether every entry is +-1 (then stabilities are integers times 1/sqrt(N))
 */
public record PerceptronInstance(int n, int p, double[] xi, boolean binaryInputs) {
    public PerceptronInstance {
        if ((long) n * p != xi.length) {
            throw new IllegalArgumentException("perceptron instance " + n + "x" + p + " needs " + (long) n * p + " entries");
        }
    }

    public double get(int i, int mu) {
        return xi[i * p + mu];
    }

    /** Unnormalized fields h^mu = w . xi^mu for every example (Delta = h / sqrt(N)). */
    public double[] fields(double[] w) {
        double[] h = new double[p];
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            int off = i * p;
            for (int mu = 0; mu < p; mu++) {
                h[mu] += wi * xi[off + mu];
            }
        }
        return h;
    }

    /** Number of examples with Delta^mu = w . xi^mu / |w| &lt; kappa (any norm of w). */
    public int violations(double[] w, double kappa) {
        double threshold = kappa * Math.sqrt(n) * norm(w);
        int count = 0;
        for (double h : fields(w)) {
            if (h < threshold) {
                count++;
            }
        }
        return count;
    }

    /** |w| / sqrt(N): 1 on the sphere and for +-1 weights. */
    static double norm(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x * x;
        }
        return Math.sqrt(s / w.length);
    }

    /** The +-1 examples as bytes (site-major), for the integer SA kernels. */
    public SpinMatrix asSpins() {
        if (!binaryInputs) {
            throw new IllegalStateException("Gaussian inputs have no +-1 form");
        }
        byte[] b = new byte[xi.length];
        for (int k = 0; k < xi.length; k++) {
            b[k] = (byte) xi[k];
        }
        return new SpinMatrix(n, p, b);
    }
}
