package io.dismc.backend.cpu;

import io.dismc.backend.Constraints;
import io.dismc.backend.DescentResult;
import io.dismc.backend.LangevinSpec;
import io.dismc.backend.SphereDescentRule;
import io.dismc.rng.RandomStream;

/**
 * Gradient descent / Langevin on the sphere for the spherical perceptron on the CPU, one replica;
 * twin of kernels/sphere_descent.cu (driver backend.cuda.SphereDescentDriver), docs/models.md, section 2:
 * stabilities Delta^mu = w . xi^mu / sqrt(N), the gradient of sum_mu (kappa - Delta^mu)^r
 * theta(kappa - Delta^mu), the stopping rule, and the Langevin step on the sphere ({@link LangevinStep}).
 */
public final class SphereDescent {
    private SphereDescent() {}

    /** Replica's descent from w0 (copied) to the first step with no violation, or to rule.maxSteps(). */
    public static DescentResult run(Constraints c, SphereDescentRule rule, float[] w0, RandomStream stream) {
        int n = c.n();
        float[] w = w0.clone();
        float[] grad = new float[n];
        double[] wd = new double[n];
        double[] h = new double[c.p()];
        double[] coef = new double[c.p()];
        double[] z = new double[n];
        LangevinSpec step = rule.step();
        long steps = 0;
        int violations;
        for (int t = 0; ; t++) {
            violations = gradient(c, rule, w, grad, wd, h, coef);
            if (violations == 0 || t == rule.maxSteps()) {
                break;
            }
            LangevinStep.apply(w, grad, step, stream, t, z);
            steps++;
        }
        return new DescentResult(w, violations, steps);
    }

    /** dL/dw for L = sum_mu (kappa - Delta^mu)^r theta(kappa - Delta^mu), into grad; returns the violations. */
    static int gradient(Constraints c, SphereDescentRule rule, float[] w, float[] grad, double[] wd, double[] h, double[] coef) {
        int n = c.n();
        int p = c.p();
        double[] xi = c.xi();
        double sqrtN = Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            wd[i] = w[i];
        }
        // unnormalized fields h^mu = w . xi^mu, summed over i in order (site-major rows)
        java.util.Arrays.fill(h, 0.0);
        for (int i = 0; i < n; i++) {
            double wi = wd[i];
            int off = i * p;
            for (int mu = 0; mu < p; mu++) {
                h[mu] += wi * xi[off + mu];
            }
        }
        // coefficient of xi^mu / sqrt(N) in -dL/dw: r (kappa - Delta)^(r-1) on violated constraints
        int violated = 0;
        for (int mu = 0; mu < p; mu++) {
            double gap = rule.kappa() - h[mu] / sqrtN;
            if (gap > 0) {
                violated++;
                coef[mu] = rule.lossExponent() == 1 ? 1.0 : 2.0 * gap;
            } else {
                coef[mu] = 0.0;
            }
        }
        for (int i = 0; i < n; i++) {
            int off = i * p;
            double g = 0;
            for (int mu = 0; mu < p; mu++) {
                g += coef[mu] * xi[off + mu];
            }
            grad[i] = (float) (-g / sqrtN);
        }
        return violated;
    }
}
