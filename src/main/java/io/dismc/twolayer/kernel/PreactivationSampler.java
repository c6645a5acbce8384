package io.dismc.twolayer.kernel;

import io.dismc.linalg.MatrixProduct;
import io.dismc.rng.RandomStream;

/**
 * Draws the pre-activations of hidden units, h ~ N(0, C) jointly on the training points and, for each test
 * point, jointly with the training points, sample s always from the same counter-addressed Gaussians
 * (common random numbers: every evaluation of a Monte Carlo average sees the same samples). Two exact
 * factorizations C = F F^T, whichever is cheaper:
 * <ul>
 *   <li>D &lt;= P (e.g. MNIST, D = 784, P = 1000, where C is singular): h = X w / sqrt(lambda0 D) with
 *       w ~ N(0, I_D), Gaussians s D .. s D + D - 1; test points h* = X* w / sqrt(lambda0 D);</li>
 *   <li>D &gt; P: h = L u with C = L L^T (Cholesky, once), u ~ N(0, I_P), Gaussians s P .. s P + P - 1; test
 *       point t by its conditional law, h* = b_t . u + sigma_t xi with b_t = L^{-1} C(X, x*_t),
 *       sigma_t^2 = C(x*, x*) - |b_t|^2, xi Gaussian 2^40 + s T + t. (Only the joint law of (h*_t, h) enters the
 *       predictors, so test points need not be jointly exact among themselves.)</li>
 * </ul>
 */
final class PreactivationSampler {
    private static final long TEST_NOISE_OFFSET = 1L << 40;

    private final KernelProblem prob;
    private final RandomStream stream;
    /** r x P: H (B x P) = U (B x r) A. */
    private final double[] aTrain;
    /** r x T. */
    private final double[] aTest;
    /** conditional standard deviations of the test points (Cholesky route), else null. */
    private final double[] sigmaTest;
    private final int rank;
    private final double jitter;

    PreactivationSampler(KernelProblem prob, RandomStream stream) {
        this.prob = prob;
        this.stream = stream;
        int p = prob.p();
        int t = prob.t();
        int d = prob.d();
        if (d <= p) {
            rank = d;
            double s = 1 / Math.sqrt(prob.lambda0() * d);
            aTrain = transposeScaled(prob.xTrain(), p, d, s);
            aTest = transposeScaled(prob.xTest(), t, d, s);
            sigmaTest = null;
            jitter = 0;
        } else {
            rank = p;
            double mean = 0;
            for (int i = 0; i < p; i++) {
                mean += prob.cTrain(i, i) / p;
            }
            double shift = 0;
            double[] l = DenseAlgebra.cholesky(prob.cTrain(), p, 0);
            // duplicate or dependent inputs make C singular: the smallest jitter that factorizes it
            for (double eps = 1e-12; l == null; eps *= 100) {
                if (eps > 1e-4) {
                    throw new IllegalArgumentException("the input kernel C is not positive semi-definite (non-finite inputs?)");
                }
                shift = eps * mean;
                l = DenseAlgebra.cholesky(prob.cTrain(), p, shift);
            }
            jitter = shift;
            aTrain = transposeScaled(l, p, p, 1); // H = U L^T: row s of H is L u_s
            aTest = new double[p * t];
            sigmaTest = new double[t];
            for (int q = 0; q < t; q++) {
                double[] c = new double[p];
                System.arraycopy(prob.cTestTrain(), q * p, c, 0, p);
                double[] b = DenseAlgebra.forward(l, p, c);
                double bb = 0;
                for (int i = 0; i < p; i++) {
                    aTest[i * t + q] = b[i];
                    bb += b[i] * b[i];
                }
                sigmaTest[q] = Math.sqrt(Math.max(0, prob.cTestDiag()[q] - bb));
            }
        }
    }

    private static double[] transposeScaled(double[] m, int rows, int cols, double s) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = s * m[i * cols + j];
            }
        }
        return t;
    }

    int rank() {
        return rank;
    }

    /** The diagonal shift added to C for its Cholesky factor (0 when none was needed or the input route is used). */
    double jitter() {
        return jitter;
    }

    /** The standard Gaussians xi of samples first .. first + count - 1, count x rank (prior latents: h = F xi). */
    double[] latent(long first, int count) {
        double[] u = new double[count * rank];
        stream.gaussians(first * rank, u, 0, u.length);
        return u;
    }

    /** Uniform j of the stream (in [0, 1)). */
    double uniform(long j) {
        return stream.uniform(j);
    }

    /** Training pre-activations h = F u of the samples with latents u (count x rank), count x P. */
    double[] train(double[] u, int count) {
        double[] h = new double[count * prob.p()];
        MatrixProduct.multiply(u, count, rank, aTrain, prob.p(), h);
        return h;
    }

    /** Test pre-activations of samples first .. first + count - 1 with latents u (count x T), joint with {@link #train}. */
    double[] test(double[] u, long first, int count) {
        int t = prob.t();
        double[] h = new double[count * t];
        if (t == 0) {
            return h;
        }
        MatrixProduct.multiply(u, count, rank, aTest, t, h);
        if (sigmaTest != null) {
            double[] xi = new double[count * t];
            stream.gaussians(TEST_NOISE_OFFSET + first * t, xi, 0, xi.length);
            for (int s = 0; s < count; s++) {
                for (int q = 0; q < t; q++) {
                    h[s * t + q] += sigmaTest[q] * xi[s * t + q];
                }
            }
        }
        return h;
    }
}
