package io.dismc.amp;

import io.dismc.rng.RandomStream;
import io.dismc.theory.Gaussians;

/**
 * The binary prior, x = +1 or -1 with equal weights (the binary teacher of the perceptron):
 * f_a = tanh(R/Sigma), f_v = 1 - f_a^2 (computed as sech^2, without cancellation), and
 * q(qhat) = E_z tanh(qhat + sqrt(qhat) z) (docs/models.md 4.2).
 */
public final class BinaryPrior implements Prior {
    public static final BinaryPrior INSTANCE = new BinaryPrior();

    private BinaryPrior() {}

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public double priorMean() {
        return 0;
    }

    @Override
    public double priorVariance() {
        return 1;
    }

    @Override
    public double posteriorMean(double sigma, double r) {
        return Math.tanh(r / sigma);
    }

    @Override
    public double posteriorVariance(double sigma, double r) {
        return ScalarQuadrature.sech2(r / sigma);
    }

    /**
     * E_z sech^2((1 + sqrt(Sigma) z)/Sigma) (the two atoms give the same integral): a peak of width
     * sqrt(Sigma) at z = -1/sqrt(Sigma), resolved by breakpoints.
     */
    @Override
    public double mmse(double sigma) {
        double sd = Math.sqrt(sigma);
        double[] cuts = ScalarQuadrature.around(-1 / sd, sd);
        return Gaussians.expectation(z -> ScalarQuadrature.sech2((1 + sd * z) / sigma), cuts);
    }

    /** psi(r) = E_z log cosh(sqrt(r) z + r) - r/2. */
    @Override
    public double freeEntropy(double r) {
        double sr = Math.sqrt(r);
        return Gaussians.expectation(z -> ScalarQuadrature.logCosh(sr * z + r), ScalarQuadrature.around(-sr, 1 / sr)) - r / 2;
    }

    /** -log 2: the entropy of the teacher, all that is left once it is learned perfectly. */
    @Override
    public double perfectRecoveryFreeEntropy() {
        return -Math.log(2);
    }

    @Override
    public void sample(RandomStream stream, double[] out) {
        int n = out.length;
        for (int i = 0; i < n; i++) {
            out[i] = stream.uniform(2L * n + i) < 0.5 ? 1.0 : -1.0;
        }
    }

    @Override
    public String toString() {
        return "Binary(+-1)";
    }
}
