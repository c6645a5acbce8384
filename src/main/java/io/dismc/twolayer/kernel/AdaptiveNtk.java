package io.dismc.twolayer.kernel;

import io.dismc.linalg.MatrixProduct;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import java.util.concurrent.ForkJoinPool;

/**
 * The adaptive NTK (aNTK) of Lauditi, Bordelon and Pehlevan (ICML 2025, arXiv 2502.07998; docs/models.md, section
 * adaptive kernels): gradient flow with weight decay lambda of the mean-field two-layer network
 * f(x) = (1 / (gamma N)) sum_i z_i phi(h_i(x)), h_i(x) = w_i . x / sqrt D, on the loss (1/2) sum_mu (f(x_mu) - y_mu)^2 with
 * the muP time scale (learning rate N gamma^2), in the infinite-width limit, where it is a dynamical mean-field
 * theory for one neuron's pre-activations on all points and readout:
 * <pre>
 *   dh(x)/dt = gamma sum_nu phi'(h(x_nu)) z Delta_nu C(x, x_nu) - lambda h(x),   dz/dt = gamma sum_nu phi(h(x_nu)) Delta_nu - lambda z,
 *   Delta_nu = y_nu - f(x_nu),   f(x) = (1/gamma) &lt;z phi(h(x))&gt;,
 * </pre>
 * h(0) ~ N(0, C), z(0) ~ N(0, 1), the average over neurons. It is solved with a population of M particles (the
 * authors use 10^4) by explicit Euler steps until f stops moving; f in function space obeys
 * df/dt = (Phi + G o C) Delta + (weight-decay terms), Phi = &lt;phi phi^T&gt;, G = &lt;z^2 phi' phi'^T&gt;, so the step is
 * dt = 1 / (2 (lambda_max(Phi + G o C) + 2 lambda)), re-estimated at every check. At a fixed point
 * z = (gamma/lambda) phi . Delta, hence f(x*) = Phi(x*, X) Delta / lambda: kernel regression with the adapted Phi and
 * ridge lambda; for relu (phi = phi' h) equally (G o C)(x*, X) Delta / lambda.
 *
 * <p>Particles come in antithetic groups of four, (h(0), z(0)) with both signs of each, so f(0) = 0 exactly rather than
 * O(1/(gamma sqrt M)) and the initial kernels' odd-order sampling errors cancel.
 * Test points need not be evolved: their Euler recursion is linear in the training points' drive, so
 * h*(t) = prod(1 - lambda dt) h*(0) + gamma A(t) C(X, x*), A accumulating A &lt;- (1 - lambda dt) A + dt phi'(h) z Delta,
 * which equals step-by-step evolution exactly. Cost per step: M P^2 multiply-adds.
 */
public final class AdaptiveNtk {
    private AdaptiveNtk() {}

    /**
     * @param gamma       feature-learning strength gamma (readout 1/(gamma N))
     * @param weightDecay lambda
     * @param particles   population size M (a multiple of 4: antithetic groups)
     * @param dt          Euler step, or 0 for the automatic step above
     * @param maxTime     time after which to stop if not converged
     * @param tolerance   stop when the RMS rate of change of f on the training points, per unit time and relative to
     *                    RMS(y), falls below this over a check interval
     * @param checkEvery  steps between convergence checks (and step-size updates)
     */
    public record Spec(double gamma, double weightDecay, int particles, double dt, double maxTime, double tolerance, int checkEvery) {
        public Spec {
            if (!(gamma > 0) || !(weightDecay >= 0) || particles < 4 || particles % 4 != 0 || !(dt >= 0) || !(maxTime > 0)
                    || !(tolerance >= 0) || checkEvery < 1) {
                throw new IllegalArgumentException("aNTK spec: gamma > 0, weight decay >= 0, a multiple of 4 particles, dt >= 0, "
                        + "time > 0, tolerance >= 0, check interval >= 1 (got gamma = " + gamma + ", lambda = " + weightDecay
                        + ", particles = " + particles + ", dt = " + dt + ", time = " + maxTime + ")");
            }
        }

        /** 10^4 particles, automatic step, up to t = 100, tolerance 1e-5, checks every 50 steps. */
        public static Spec of(double gamma, double weightDecay) {
            return new Spec(gamma, weightDecay, 10_000, 0, 100, 1e-5, 50);
        }

        public Spec withParticles(int m) {
            return new Spec(gamma, weightDecay, m, dt, maxTime, tolerance, checkEvery);
        }

        public Spec withTime(double time, double tol) {
            return new Spec(gamma, weightDecay, particles, dt, time, tol, checkEvery);
        }

        public Spec withStep(double step) {
            return new Spec(gamma, weightDecay, particles, step, maxTime, tolerance, checkEvery);
        }
    }

    /**
     * The population at the end: outputs on training and test points, Delta = y - f(train), the population kernels
     * Phi = &lt;phi phi^T&gt; and G = &lt;z^2 phi' phi'^T&gt; (train x train P x P, test x train T x P), the time reached, steps, the
     * final relative rate of change of f, and whether it fell below the tolerance.
     */
    public record Solution(double[] fTrain, double[] fTest, double[] delta, double[] phiTrain, double[] gTrain, double[] phiTestTrain,
                           double[] gTestTrain, double time, int steps, double rate, boolean converged) {

        /** The fixed-point kernel form of the test predictions, Phi(x*, X) Delta / lambda (equal to fTest at a fixed point). */
        public double[] kernelPredictor(double weightDecay) {
            int p = delta.length;
            double[] f = DenseAlgebra.multiply(phiTestTrain, phiTestTrain.length / p, p, delta);
            for (int q = 0; q < f.length; q++) {
                f[q] /= weightDecay;
            }
            return f;
        }
    }

    /**
     * Runs the particle dynamics.
     *
     * @param stream the initial condition: group k has h(0) = +-(the sampler's sample k) and z(0) = +-(Gaussian 2^41 + k)
     * @param pool   threads for row blocks of the population, or null
     */
    public static Solution solve(KernelProblem prob, Activation g, Spec spec, RandomStream stream, ForkJoinPool pool) {
        int p = prob.p();
        int t = prob.t();
        int m = spec.particles();
        int groups = m / 4;
        double gamma = spec.gamma();
        double lambda = spec.weightDecay();
        PreactivationSampler sampler = new PreactivationSampler(prob, stream);
        double[] xi = sampler.latent(0, groups);
        double[] h0 = sampler.train(xi, groups);
        double[] hTest0 = sampler.test(xi, 0, groups);
        double[] zeta = new double[groups];
        stream.gaussians(1L << 41, zeta, 0, groups);
        double[] h = new double[m * p];
        double[] testStart = new double[m * t];
        double[] z = new double[m];
        for (int k = 0; k < groups; k++) {
            for (int s = 0; s < 4; s++) {
                int i = 4 * k + s;
                double hs = s < 2 ? 1 : -1;
                for (int mu = 0; mu < p; mu++) {
                    h[i * p + mu] = hs * h0[k * p + mu];
                }
                for (int q = 0; q < t; q++) {
                    testStart[i * t + q] = hs * hTest0[k * t + q];
                }
                z[i] = s % 2 == 0 ? zeta[k] : -zeta[k];
            }
        }
        double[] drive = new double[m * p]; // A: the accumulated phi'(h) z Delta, for the test points
        double decay = 1;
        double[] y = prob.y();
        double yScale = Math.sqrt(DenseAlgebra.dot(y, y) / p);
        double dt = spec.dt() > 0 ? spec.dt() : automaticStep(prob, g, h, z, m, lambda, pool);
        double time = 0;
        int steps = 0;
        double rate = Double.NaN;
        boolean converged = false;
        double[] fCheck = outputs(g, h, z, m, p, gamma);
        double timeCheck = 0;
        double[] phi = new double[m * p];
        double[] gz = new double[m * p];
        double[] dh = new double[m * p];
        while (time < spec.maxTime()) {
            double step = Math.min(dt, spec.maxTime() - time);
            double[] delta = new double[p];
            for (int i = 0; i < m; i++) {
                for (int mu = 0; mu < p; mu++) {
                    double v = g.g(h[i * p + mu]);
                    phi[i * p + mu] = v;
                    delta[mu] += z[i] * v;
                }
            }
            for (int mu = 0; mu < p; mu++) {
                delta[mu] = y[mu] - delta[mu] / (gamma * m);
            }
            for (int i = 0; i < m; i++) {
                for (int mu = 0; mu < p; mu++) {
                    gz[i * p + mu] = g.derivative(h[i * p + mu]) * z[i] * delta[mu];
                }
            }
            product(gz, m, p, prob.cTrain(), p, dh, pool);
            double keep = 1 - lambda * step;
            for (int i = 0; i < m; i++) {
                double dz = gamma * DenseAlgebra.dotRow(phi, delta, i * p, p) - lambda * z[i];
                for (int mu = 0; mu < p; mu++) {
                    int e = i * p + mu;
                    h[e] = keep * h[e] + step * gamma * dh[e];
                    drive[e] = keep * drive[e] + step * gz[e];
                }
                z[i] += step * dz;
            }
            decay *= keep;
            time += step;
            steps++;
            if (steps % spec.checkEvery() == 0 || time >= spec.maxTime()) {
                double[] fNow = outputs(g, h, z, m, p, gamma);
                rate = DenseAlgebra.distance(fNow, fCheck) / Math.sqrt(p) / ((time - timeCheck) * yScale);
                fCheck = fNow;
                timeCheck = time;
                if (rate < spec.tolerance()) {
                    converged = true;
                    break;
                }
                if (spec.dt() == 0) {
                    dt = automaticStep(prob, g, h, z, m, lambda, pool);
                }
            }
        }
        // test pre-activations from the accumulated drive: h* = decay h*(0) + gamma A C(X, X*)
        double[] cTrainTest = new double[p * t];
        for (int q = 0; q < t; q++) {
            for (int mu = 0; mu < p; mu++) {
                cTrainTest[mu * t + q] = prob.cTestTrain()[q * p + mu];
            }
        }
        double[] hTest = new double[m * t];
        product(drive, m, p, cTrainTest, t, hTest, pool);
        for (int e = 0; e < hTest.length; e++) {
            hTest[e] = decay * testStart[e] + gamma * hTest[e];
        }
        double[] fTrain = outputs(g, h, z, m, p, gamma);
        double[] fTest = outputs(g, hTest, z, m, t, gamma);
        double[] delta = new double[p];
        for (int mu = 0; mu < p; mu++) {
            delta[mu] = y[mu] - fTrain[mu];
        }
        double[][] kTrain = kernels(g, h, p, h, p, z, m);
        double[][] kTest = kernels(g, hTest, t, h, p, z, m);
        return new Solution(fTrain, fTest, delta, kTrain[0], kTrain[1], kTest[0], kTest[1], time, steps, rate, converged);
    }

    /** f = (1 / (gamma M)) sum_i z_i phi(h_i) on the n points of h (M x n). */
    static double[] outputs(Activation g, double[] h, double[] z, int m, int n, double gamma) {
        double[] f = new double[n];
        for (int i = 0; i < m; i++) {
            for (int q = 0; q < n; q++) {
                f[q] += z[i] * g.g(h[i * n + q]);
            }
        }
        for (int q = 0; q < n; q++) {
            f[q] /= gamma * m;
        }
        return f;
    }

    /** Population kernels {Phi, G} between the points of a (M x na) and b (M x nb): (1/M) sum_i phi_a phi_b^T and z^2 phi'_a phi'_b^T. */
    static double[][] kernels(Activation g, double[] a, int na, double[] b, int nb, double[] z, int m) {
        double[] pa = new double[na * m];
        double[] da = new double[na * m];
        double[] pb = new double[m * nb];
        double[] db = new double[m * nb];
        for (int i = 0; i < m; i++) {
            for (int q = 0; q < na; q++) {
                pa[q * m + i] = g.g(a[i * na + q]) / m;
                da[q * m + i] = z[i] * z[i] * g.derivative(a[i * na + q]) / m;
            }
            for (int q = 0; q < nb; q++) {
                pb[i * nb + q] = g.g(b[i * nb + q]);
                db[i * nb + q] = g.derivative(b[i * nb + q]);
            }
        }
        double[] phi = new double[na * nb];
        double[] gk = new double[na * nb];
        MatrixProduct.multiply(pa, na, m, pb, nb, phi);
        MatrixProduct.multiply(da, na, m, db, nb, gk);
        return new double[][] {phi, gk};
    }

    /** dt = 1 / (2 (lambda_max(Phi + G o C) + 2 lambda)) from the population's current kernels. */
    static double automaticStep(KernelProblem prob, Activation g, double[] h, double[] z, int m, double lambda, ForkJoinPool pool) {
        int p = prob.p();
        double[][] k = kernels(g, h, p, h, p, z, m);
        double[] ntk = new double[p * p];
        for (int e = 0; e < ntk.length; e++) {
            ntk[e] = k[0][e] + k[1][e] * prob.cTrain()[e];
        }
        DenseAlgebra.symmetrize(ntk, p);
        return 1 / (2 * (DenseAlgebra.largestEigenvalue(ntk, p) + 2 * lambda));
    }

    /** C = A B (A rows x d, B d x cols), row blocks on the pool when there is one (each entry's sum is the same either way). */
    static void product(double[] a, int rows, int d, double[] b, int cols, double[] c, ForkJoinPool pool) {
        int blocks = pool == null ? 1 : Math.min(16, Math.max(1, rows / 256));
        if (blocks == 1) {
            MatrixProduct.multiply(a, rows, d, b, cols, c);
            return;
        }
        Parallel.forEach(pool, blocks, q -> {
            int r0 = (int) ((long) rows * q / blocks);
            int r1 = (int) ((long) rows * (q + 1) / blocks);
            double[] part = new double[(r1 - r0) * cols];
            MatrixProduct.multiply(java.util.Arrays.copyOfRange(a, r0 * d, r1 * d), r1 - r0, d, b, cols, part);
            System.arraycopy(part, 0, c, r0 * cols, part.length);
        });
    }
}
