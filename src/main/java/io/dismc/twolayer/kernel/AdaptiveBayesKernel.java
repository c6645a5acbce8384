package io.dismc.twolayer.kernel;

import io.dismc.linalg.MatrixProduct;
import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import java.util.concurrent.ForkJoinPool;

/**
 * The adaptive neural Bayesian kernel (aNBK) of Lauditi, Bordelon and Pehlevan (ICML 2025, arXiv 2502.07998;
 * docs/models.md, section adaptive kernels): the infinite-width limit of the Bayesian two-layer network
 * f(x) = (1 / (gamma0 N)) sum_i z_i phi(w_i . x / sqrt D) in the mean-field (muP) parameterization. As N -&gt; infinity
 * the posterior concentrates on the saddle point of
 * <pre>
 *   S(Phi, Phihat) = -Tr(Phi Phihat) + (gamma0^2 lambda1 / 2) y^T (Phi + ridge I)^{-1} y - ln E_{h ~ N(0, C)} exp(-phi(h)^T Phihat phi(h)),
 * </pre>
 * stationary where Phihat = -c a a^T with c = gamma0^2 lambda1 / 2, a = (Phi + ridge I)^{-1} y, and Phi = &lt;phi phi^T&gt;
 * under the tilted single-site density p(h) ~ N(h; 0, C) exp(c (a . phi(h))^2). The predictor is
 * f(x*) = Phi(x*, X) a with Phi(x*, X) = &lt;phi(h*) phi(h)^T&gt; under the same tilt (h* jointly Gaussian with h).
 * ridge = 0 is beta -&gt; infinity, ridge = 1/beta at finite beta; gamma0 = 0 is the NNGP kernel.
 *
 * <p><b>A convex problem.</b> Since d ln E exp(c (a . phi)^2) / da = 2 c T(a) a, T(a) the tilted average, the
 * saddle-point condition (T(a) + ridge I) a = y is the stationarity of
 * <pre>
 *   U(a) = (1 / 2c) ln E_{h ~ N(0, C)} exp(c (a . phi(h))^2) + (ridge / 2) |a|^2 - y . a,
 * </pre>
 * a convex function (a log-mean-exp of convex quadratics) that grows without bound towards the edge of the tilt's
 * normalizability (E exp(c s^2) diverges once 2 c Var s &gt;= 1), with a unique minimum inside. It is minimized by
 * Newton's method with gradient T(a) a + ridge a - y and Hessian T(a) + 2 c Cov(s phi) + ridge I (s = a . phi, tilted
 * covariance), from a = 0 (U's value there is 0, its Hessian the NNGP kernel), with a backtracking line search on U
 * that also rejects points whose importance weights collapse. (The naive fixed-point iteration a &lt;- (T(a) + ridge)^{-1} y
 * starting from the NNGP solution puts the tilt far outside that region for any task the NNGP does not already fit,
 * and near the solution has a strongly negative direction, so damping must be tiny.) The residual is
 * |(Phi + ridge I) a - y| / |y|.
 *
 * <p><b>Monte Carlo.</b> h = F u with latent u ~ N(0, I_r) (PreactivationSampler). The tilted measure is sampled by
 * self-normalized importance sampling from a Gaussian proposal u = M xi, M M^T = Sigma, refitted to the tilted
 * second moment of u after every Newton step until the gradient is below 10^-3 |y|, then frozen (Sigma = I at
 * gamma0 = 0): sampling from the prior alone gives importance weights of infinite variance wherever the tilt is strong
 * (in the Gaussian case once 4 c Var s &gt; 1). The xi are counter-addressed (sample s: Gaussians s r ..), so with the
 * proposal frozen U is one deterministic convex function and Newton converges to its minimum. The untilted
 * expectations (U's normalization, the control variate) are the same samples reweighted to the prior. Estimators:
 * <ul>
 *   <li>CONTROL_VARIATE (default; needs a closed-form NNGP kernel K): Phi = K + (tilted - untilted estimate), both over
 *       the same samples; at gamma0 = 0 the difference is exactly 0 (the NNGP kernel and predictor are returned
 *       exactly), at small gamma0 the Monte Carlo error is O(gamma0^2 / sqrt S);</li>
 *   <li>IMPORTANCE: Phi = tilted estimate (positive semi-definite by construction; any activation).</li>
 * </ul>
 * Cost per Newton step: about S (4 P^2 + 2 r P + 3 r^2) multiply-adds, r = min(D, P), plus S (r P + r^2) per
 * line-search trial: about 10^12 at P = 1000, D = 784, S = 2 10^5. Samples run in blocks, blocks in a fixed number of chunks (partial sums with their own log-weight
 * shift, combined in chunk order), so results do not depend on the number of threads.
 */
public final class AdaptiveBayesKernel {
    private static final int MAX_CHUNKS = 8;
    private static final int MAX_HALVINGS = 60;
    /** Below this relative gradient the proposal is frozen, so that U is one deterministic function. */
    private static final double FREEZE = 1e-3;
    /** The proposal's covariance over the (floored) tilted one. */
    private static final double INFLATION = 1.2;
    /** Floor on the fitted component's variances (the prior component covers the rest). */
    private static final double MIN_VARIANCE = 0.25;
    private static final long MIXTURE_OFFSET = 1L << 42;
    /** The proposal is refitted only where the current one's effective sample fraction is below this. */
    private static final double REFIT_BELOW = 0.5;
    private static final boolean TRACE = Boolean.getBoolean("dismc.anbk.trace");

    public enum Estimator { CONTROL_VARIATE, IMPORTANCE }

    /**
     * @param gamma0        feature-learning strength (0: lazy / NNGP)
     * @param lambda1       factor of the label term (1 for a unit-variance readout prior)
     * @param ridge         ridge of (Phi + ridge I)^{-1}: 0 for beta -&gt; infinity, 1/beta otherwise
     * @param samples       Monte Carlo samples S (the authors use about 2 10^5)
     * @param tolerance     stop when |(Phi + ridge I) a - y| / |y| &lt; tolerance
     * @param minEffective  smallest accepted effective sample fraction (sum w)^2 / (S sum w^2) of a line-search point
     * @param block         samples per block (memory: block x max(P, r) doubles per product)
     */
    public record Spec(double gamma0, double lambda1, double ridge, int samples, Estimator estimator, double tolerance,
                       int maxIterations, double minEffective, int block) {
        public Spec {
            if (!(gamma0 >= 0) || !(lambda1 > 0) || !(ridge >= 0) || samples < 2 || !(tolerance > 0) || maxIterations < 1
                    || !(minEffective >= 0 && minEffective < 1) || block < 1 || estimator == null) {
                throw new IllegalArgumentException("aNBK spec: gamma0 >= 0, lambda1 > 0, ridge >= 0, samples >= 2, tolerance > 0, "
                        + "iterations >= 1, effective fraction in [0, 1), block >= 1 (got gamma0 = " + gamma0 + ", lambda1 = " + lambda1
                        + ", ridge = " + ridge + ", samples = " + samples + ", tolerance = " + tolerance + ")");
            }
        }

        /** lambda1 = 1, 2 10^5 samples, control variate, tolerance 1e-8, 100 Newton steps, effective fraction 0.01, blocks of 256. */
        public static Spec of(double gamma0, double ridge) {
            return new Spec(gamma0, 1, ridge, 200_000, Estimator.CONTROL_VARIATE, 1e-8, 100, 0.01, 256);
        }

        public Spec withSamples(int s) {
            return new Spec(gamma0, lambda1, ridge, s, estimator, tolerance, maxIterations, minEffective, block);
        }

        public Spec withEstimator(Estimator e) {
            return new Spec(gamma0, lambda1, ridge, samples, e, tolerance, maxIterations, minEffective, block);
        }

        public Spec withTolerance(double tol, int iterations) {
            return new Spec(gamma0, lambda1, ridge, samples, estimator, tol, iterations, minEffective, block);
        }

        /** The tilt's coefficient c = gamma0^2 lambda1 / 2. */
        public double tilt() {
            return gamma0 * gamma0 * lambda1 / 2;
        }
    }

    /**
     * The saddle point: Phi = T(a) (P x P) and the tilt vector a (Phihat = -c a a^T), the Newton steps, the residual
     * |(Phi + ridge I) a - y| / |y|, whether it fell below the tolerance, the effective sample fraction of the
     * tilted estimate at the solution, and the latents' Gaussian proposal (null for the prior) that
     * {@link #predict} and {@link #action} reuse.
     */
    public record Solution(int p, double[] phi, double[] a, int iterations, double residual, boolean converged,
                           double effectiveFraction, Proposal proposal) {}

    /** The Gaussian proposal of the latents, u = mean + M xi (M lower triangular, r x r). */
    public record Proposal(double[] mean, double[] factor) {}

    private final KernelProblem prob;
    private final Activation g;
    private final Spec spec;
    private final ForkJoinPool pool;
    private final PreactivationSampler sampler;
    private final double[] lazyTrain;
    private final double[] lazyTestTrain;
    private final int blocks;
    private final int chunks;

    /**
     * @param stream the Monte Carlo stream (sample s uses its Gaussians s r .. s r + r - 1, r = min(D, P))
     * @param pool   threads for the sample chunks, or null to run in the caller's thread
     */
    public AdaptiveBayesKernel(KernelProblem prob, Activation g, Spec spec, RandomStream stream, ForkJoinPool pool) {
        this.prob = prob;
        this.g = g;
        this.spec = spec;
        this.pool = pool;
        if (spec.estimator() == Estimator.CONTROL_VARIATE) {
            lazyTrain = LazyKernels.nngpTrain(prob, g);
            lazyTestTrain = LazyKernels.nngpTestTrain(prob, g);
        } else {
            lazyTrain = null;
            lazyTestTrain = null;
        }
        sampler = new PreactivationSampler(prob, stream);
        blocks = (spec.samples() + spec.block() - 1) / spec.block();
        chunks = Math.min(MAX_CHUNKS, blocks);
    }

    public Spec spec() {
        return spec;
    }

    public KernelProblem problem() {
        return prob;
    }

    /** The diagonal shift the sampler added to C to factorize it (0 normally). */
    public double inputJitter() {
        return sampler.jitter();
    }

    /** Solves the saddle-point equations by Newton's method on U (see the class comment). */
    public Solution solve() {
        int p = prob.p();
        double c = spec.tilt();
        double[] y = prob.y();
        double yNorm = DenseAlgebra.frobenius(y);
        boolean cv = lazyTrain != null;
        if (c == 0) {
            // the lazy limit exactly: the NNGP kernel (or its Monte Carlo estimate) and its ridge regression
            double[] phi = cv ? lazyTrain.clone() : pass(new double[p], null, 0, Need.UNTILTED).untilted;
            double[] a = solveA(phi, 0);
            double[] g = gradient(phi, a);
            return new Solution(p, phi, a, 0, DenseAlgebra.frobenius(g) / yNorm, true, 1, null);
        }
        double[] a = new double[p];
        Proposal proposal = null;
        Pass untilted = cv ? pass(a, null, c, Need.UNTILTED) : null;
        Pass ev = pass(a, null, c, Need.NEWTON);
        double value = value(a, ev, untilted);
        boolean frozen = false;
        boolean converged = false;
        double residual = Double.NaN;
        int it = 0;
        while (true) {
            double[] phi = kernel(ev, untilted);
            double[] g = gradient(phi, a);
            residual = DenseAlgebra.frobenius(g) / yNorm;
            if (TRACE) {
                System.err.printf("aNBK it %d residual %.3e ess %.3f U %.6g |a| %.4g%s%n", it, residual, ev.ess, value,
                        DenseAlgebra.frobenius(a), frozen ? " frozen" : "");
            }
            if (residual < FREEZE && !frozen) {
                frozen = true;
            }
            if (frozen && residual < spec.tolerance()) {
                converged = true;
                break;
            }
            if (it == spec.maxIterations()) {
                break;
            }
            it++;
            double[] step = newtonStep(phi, ev, a, g, c);
            double slope = DenseAlgebra.dot(g, step);
            double t = 1;
            double[] trial = null;
            Pass tp = null;
            double tv = Double.NaN;
            for (int halving = 0; ; halving++) {
                if (halving > MAX_HALVINGS) {
                    throw new IllegalStateException("aNBK (gamma0 = " + spec.gamma0() + "): the line search found no admissible point at Newton step "
                            + it + " (effective samples below " + spec.minEffective() + " of S): raise the samples or the ridge");
                }
                trial = new double[p];
                for (int i = 0; i < p; i++) {
                    trial[i] = a[i] + t * step[i];
                }
                tp = pass(trial, proposal, c, frozen ? Need.VALUE : Need.VALUE_AND_LATENT);
                tv = value(trial, tp, untilted);
                // a decrease below U's rounding cannot be seen: there the full Newton step is taken on the gradient's word
                boolean unresolved = Math.abs(t * slope) < 1e-11 * (1 + Math.abs(value));
                if (tp.ess >= Math.min(spec.minEffective(), 0.5 * ev.ess) && Double.isFinite(tv) && (tv <= value + 1e-4 * t * slope || unresolved && t == 1)) {
                    break;
                }
                t /= 2;
            }
            a = trial;
            ev = null;
            if (!frozen && tp.ess < REFIT_BELOW) {
                // refit the proposal to the tilt at the new point, kept only if it spreads the weights better there
                Proposal refit = fit(tp);
                if (refit != null) {
                    Pass candidate = pass(a, refit, c, Need.NEWTON);
                    if (TRACE) {
                        System.err.printf("  refit: ess %.3f -> %.3f%n", tp.ess, candidate.ess);
                    }
                    if (candidate.ess > tp.ess) {
                        proposal = refit;
                        ev = candidate;
                        if (cv) {
                            untilted = pass(a, proposal, c, Need.UNTILTED);
                        }
                    }
                }
            }
            if (ev == null) {
                ev = pass(a, proposal, c, Need.NEWTON);
            }
            value = value(a, ev, untilted);
        }
        return new Solution(p, kernel(ev, untilted), a, it, residual, converged, ev.ess, proposal);
    }

    /** The Newton step -H^{-1} g, H = T + 2 c Cov(s phi) + ridge I (Levenberg shift if the estimate is not definite). */
    private double[] newtonStep(double[] phi, Pass ev, double[] a, double[] g, double c) {
        int p = prob.p();
        double[] m1 = DenseAlgebra.multiply(ev.tilted, p, p, a); // <s phi>
        double[] h = new double[p * p];
        double trace = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                h[i * p + j] = phi[i * p + j] + 2 * c * (ev.hessian[i * p + j] - m1[i] * m1[j]);
            }
            trace += h[i * p + i];
        }
        DenseAlgebra.symmetrize(h, p);
        double[] minusG = new double[p];
        for (int i = 0; i < p; i++) {
            minusG[i] = -g[i];
        }
        for (double shift = spec.ridge(), extra = 1e-10 * Math.abs(trace) / p; ; extra *= 10) {
            double[] l = DenseAlgebra.cholesky(h, p, shift);
            if (l != null) {
                return DenseAlgebra.solve(l, p, minusG);
            }
            shift = spec.ridge() + extra;
        }
    }

    /** (Phi + ridge I) a - y. */
    private double[] gradient(double[] phi, double[] a) {
        int p = prob.p();
        double[] g = DenseAlgebra.multiply(phi, p, p, a);
        for (int i = 0; i < p; i++) {
            g[i] += spec.ridge() * a[i] - prob.y()[i];
        }
        return g;
    }

    /** T(a): the tilted estimate, plus K minus the untilted estimate for the control variate. */
    private double[] kernel(Pass ev, Pass untilted) {
        double[] phi = new double[ev.tilted.length];
        for (int e = 0; e < phi.length; e++) {
            // the difference first: small, and exactly 0 wherever the two estimates coincide
            phi[e] = untilted != null ? lazyTrain[e] + (ev.tilted[e] - untilted.untilted[e]) : ev.tilted[e];
        }
        DenseAlgebra.symmetrize(phi, prob.p());
        return phi;
    }

    /** U(a) = ln Z / 2c (+ a^T (K - untilted K) a / 2 for the control variate) + ridge |a|^2 / 2 - y . a. */
    private double value(double[] a, Pass ev, Pass untilted) {
        int p = prob.p();
        double u = ev.logZ / (2 * spec.tilt()) + spec.ridge() / 2 * DenseAlgebra.dot(a, a) - DenseAlgebra.dot(prob.y(), a);
        if (untilted != null) {
            double[] d = new double[p * p];
            for (int e = 0; e < d.length; e++) {
                d[e] = lazyTrain[e] - untilted.untilted[e];
            }
            u += 0.5 * DenseAlgebra.dot(a, DenseAlgebra.multiply(d, p, p, a));
        }
        return u;
    }

    private double[] solveA(double[] phi, int iteration) {
        try {
            return DenseAlgebra.solveSpd(phi, prob.p(), spec.ridge(), prob.y(), "aNBK: Phi + ridge I");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("aNBK (gamma0 = " + spec.gamma0() + "): Phi + " + spec.ridge() + " I is not positive definite"
                    + " at step " + iteration + " (raise the samples or the ridge)", e);
        }
    }

    /**
     * The map T: the tilted kernel at tilt vector a (with the control variate, K + tilted - untilted estimate), over the
     * solution's samples and proposal. At the solution, (T(a) + ridge I) a = y to the solution's residual.
     */
    public double[] tiltedKernel(double[] a, Solution proposalOf) {
        double c = spec.tilt();
        if (c == 0) {
            return lazyTrain != null ? lazyTrain.clone() : pass(a, null, 0, Need.UNTILTED).untilted;
        }
        Pass untilted = lazyTrain != null ? pass(a, proposalOf.proposal(), c, Need.UNTILTED) : null;
        return kernel(pass(a, proposalOf.proposal(), c, Need.NEWTON), untilted);
    }

    /**
     * The Gaussian with the tilted mean of the latents and their tilted covariance with every eigenvalue raised to at
     * least 1 (the prior's), times INFLATION: never narrower than the prior, so the prior-to-proposal ratio stays bounded,
     * and wider than the tilt where it spreads the latents. (A plain moment match, estimated from few effective samples,
     * comes out too narrow in most directions and collapses the weights.) Null if the estimate is not finite.
     */
    private Proposal fit(Pass tp) {
        int r = sampler.rank();
        double[][] cov = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                cov[i][j] = tp.latent[i * r + j] - tp.latentMean[i] * tp.latentMean[j];
                if (!Double.isFinite(cov[i][j])) {
                    return null;
                }
            }
        }
        org.apache.commons.math3.linear.EigenDecomposition eig =
                new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(cov, false));
        double[] sigma = new double[r * r];
        for (int k = 0; k < r; k++) {
            double lambda = INFLATION * Math.max(MIN_VARIANCE, eig.getRealEigenvalue(k));
            double[] v = eig.getEigenvector(k).toArray();
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    sigma[i * r + j] += lambda * v[i] * v[j];
                }
            }
        }
        DenseAlgebra.symmetrize(sigma, r);
        double[] l = DenseAlgebra.cholesky(sigma, r, 0);
        return l == null ? null : new Proposal(tp.latentMean, l);
    }

    /** What a pass over the samples accumulates. */
    private enum Need {
        /** ln Z and the effective sample fraction only (a line-search trial at a frozen proposal). */
        VALUE(false, false, false, false),
        /** and the tilted mean and second moment of the latents (to refit the proposal). */
        VALUE_AND_LATENT(false, false, true, false),
        /** the tilted moments of phi: &lt;phi phi^T&gt; and &lt;s^2 phi phi^T&gt;. */
        NEWTON(true, true, false, false),
        /** the untilted (prior-reweighted) &lt;phi phi^T&gt;. */
        UNTILTED(false, false, false, true);

        final boolean tilted;
        final boolean hessian;
        final boolean latent;
        final boolean untilted;

        Need(boolean tilted, boolean hessian, boolean latent, boolean untilted) {
            this.tilted = tilted;
            this.hessian = hessian;
            this.latent = latent;
            this.untilted = untilted;
        }
    }

    /**
     * Normalized results of a pass: tilted &lt;phi phi^T&gt; and &lt;s^2 phi phi^T&gt;, untilted &lt;phi phi^T&gt;, tilted &lt;u u^T&gt;,
     * ln E_prior exp(c s^2) and the tilted weights' effective sample fraction.
     */
    private record Pass(double[] tilted, double[] hessian, double[] untilted, double[] latent, double[] latentMean, double logZ,
                        double ess) {}

    private Pass pass(double[] a, Proposal proposal, double c, Need need) {
        int p = prob.p();
        int r = sampler.rank();
        Chunk[] acc = new Chunk[chunks];
        forChunks(q -> {
            Chunk ch = new Chunk(need.tilted ? p : 0, need.hessian ? p : 0, need.untilted ? p : 0, need.latent ? r : 0, 0);
            double[] tmp = new double[Math.max(need.latent ? r * r : 0, p * p)];
            for (int b = firstBlock(q); b < firstBlock(q + 1); b++) {
                Block blk = block(b, proposal, a, c, false);
                int n = blk.count;
                double[][] w = ch.weigh(blk.logTilted, blk.logPrior);
                double[] ft = need.tilted || need.hessian || need.untilted ? transpose(blk.phi, n, p) : null;
                if (need.tilted) {
                    MatrixProduct.multiply(ft, p, n, scaleRows(blk.phi, n, p, w[0]), p, tmp);
                    addTo(ch.tilted, tmp, p * p);
                }
                if (need.hessian) {
                    double[] ws = new double[n];
                    for (int k = 0; k < n; k++) {
                        ws[k] = w[0][k] * blk.s[k] * blk.s[k];
                    }
                    MatrixProduct.multiply(ft, p, n, scaleRows(blk.phi, n, p, ws), p, tmp);
                    addTo(ch.hessian, tmp, p * p);
                }
                if (need.untilted) {
                    MatrixProduct.multiply(ft, p, n, scaleRows(blk.phi, n, p, w[1]), p, tmp);
                    addTo(ch.untilted, tmp, p * p);
                }
                if (need.latent) {
                    MatrixProduct.multiply(transpose(blk.u, n, r), r, n, scaleRows(blk.u, n, r, w[0]), r, tmp);
                    addTo(ch.latent, tmp, r * r);
                    for (int k = 0; k < n; k++) {
                        for (int i = 0; i < r; i++) {
                            ch.latentMean[i] += w[0][k] * blk.u[k * r + i];
                        }
                    }
                }
            }
            acc[q] = ch;
        });
        Chunk m = reduce(acc);
        double[] tilted = normalized(m.tilted, m.sumW, p);
        double[] hessian = normalized(m.hessian, m.sumW, p);
        double[] untilted = normalized(m.untilted, m.sumW0, p);
        double[] latent = normalized(m.latent, m.sumW, r);
        double[] latentMean = need.latent ? new double[r] : null;
        for (int i = 0; latentMean != null && i < r; i++) {
            latentMean[i] = m.latentMean[i] / m.sumW;
        }
        double logZ = Math.log(m.sumW) + m.shift - Math.log(m.sumW0) - m.shift0;
        return new Pass(tilted, hessian, untilted, latent, latentMean, logZ, m.sumW * m.sumW / (m.sumW2 * spec.samples()));
    }

    private static double[] normalized(double[] sum, double weight, int n) {
        if (sum.length == 0) {
            return null;
        }
        double[] v = new double[sum.length];
        for (int e = 0; e < v.length; e++) {
            v[e] = sum[e] / weight;
        }
        DenseAlgebra.symmetrize(v, n);
        return v;
    }

    /** Test predictions f(x*) = Phi(x*, X) a of a solution, over the solution's samples and proposal. */
    public double[] predict(Solution sol) {
        int t = prob.t();
        int p = prob.p();
        double c = spec.tilt();
        double[] a = sol.a();
        boolean cv = lazyTrain != null;
        Chunk[] acc = new Chunk[chunks];
        forChunks(q -> {
            Chunk ch = new Chunk(0, 0, 0, 0, t);
            for (int b = firstBlock(q); b < firstBlock(q + 1); b++) {
                Block blk = block(b, sol.proposal(), a, c, true);
                double[][] w = ch.weigh(blk.logTilted, blk.logPrior);
                for (int k = 0; k < blk.count; k++) {
                    for (int j = 0; j < t; j++) {
                        double fs = g.g(blk.test[k * t + j]) * blk.s[k];
                        ch.testTilted[j] += w[0][k] * fs;
                        ch.testUntilted[j] += w[1][k] * fs;
                    }
                }
            }
            acc[q] = ch;
        });
        Chunk m = reduce(acc);
        double[] out = new double[t];
        double[] lazy = cv ? DenseAlgebra.multiply(lazyTestTrain, t, p, a) : null;
        for (int j = 0; j < t; j++) {
            double tilted = m.testTilted[j] / m.sumW;
            // with the control variate: K(x*, X) a + (tilted - untilted), the difference exactly 0 at gamma0 = 0
            out[j] = cv ? lazy[j] + (tilted - m.testUntilted[j] / m.sumW0) : tilted;
        }
        return out;
    }

    /**
     * The action S(Phi, Phihat) of the class comment for a general symmetric Phihat, its expectation estimated over the
     * solution's samples and proposal (and, for the control variate, plus Tr(Phihat (K - untilted estimate of K)), whose
     * Phihat-derivative turns the tilted estimate into the control-variate one): stationary at the solver's solution.
     */
    public double action(double[] phi, double[] phiHat, Solution proposalOf) {
        int p = prob.p();
        double trace = 0;
        for (int e = 0; e < phi.length; e++) {
            trace += phi[e] * phiHat[e];
        }
        double[] alpha = DenseAlgebra.solveSpd(phi, p, spec.ridge(), prob.y(), "Phi + ridge I");
        double energy = spec.gamma0() * spec.gamma0() * spec.lambda1() / 2 * DenseAlgebra.dot(prob.y(), alpha);
        boolean cv = lazyTrain != null;
        Chunk[] acc = new Chunk[chunks];
        forChunks(q -> {
            Chunk ch = new Chunk(0, 0, cv ? p : 0, 0, 0);
            double[] tmp = new double[p * p];
            for (int b = firstBlock(q); b < firstBlock(q + 1); b++) {
                Block blk = block(b, proposalOf.proposal(), new double[p], 0, false);
                int n = blk.count;
                double[] fq = new double[n * p];
                MatrixProduct.multiply(blk.phi, n, p, phiHat, p, fq);
                double[] logTilted = new double[n];
                for (int k = 0; k < n; k++) {
                    logTilted[k] = blk.logPrior[k] - DenseAlgebra.dotRows(fq, blk.phi, k * p, p);
                }
                double[][] w = ch.weigh(logTilted, blk.logPrior);
                if (cv) {
                    MatrixProduct.multiply(transpose(blk.phi, n, p), p, n, scaleRows(blk.phi, n, p, w[1]), p, tmp);
                    addTo(ch.untilted, tmp, p * p);
                }
            }
            acc[q] = ch;
        });
        Chunk m = reduce(acc);
        double logMean = Math.log(m.sumW) + m.shift - Math.log(m.sumW0) - m.shift0;
        double correction = 0;
        if (cv) {
            for (int e = 0; e < phiHat.length; e++) {
                correction += phiHat[e] * (lazyTrain[e] - m.untilted[e] / m.sumW0);
            }
        }
        return -trace + energy - logMean + correction;
    }

    /** One block of samples: latents u, features phi(F u), s = a . phi, log weights (tilted and prior, over the proposal). */
    private static final class Block {
        int count;
        double[] u;
        double[] phi;
        double[] s;
        double[] logTilted;
        double[] logPrior;
        double[] test;
    }

    private Block block(int b, Proposal proposal, double[] a, double c, boolean withTest) {
        int p = prob.p();
        int r = sampler.rank();
        Block blk = new Block();
        int n = Math.min(spec.block(), spec.samples() - b * spec.block());
        long first = (long) b * spec.block();
        blk.count = n;
        double[] xi = sampler.latent(first, n);
        blk.logPrior = new double[n];
        if (proposal == null) {
            blk.u = xi;
        } else {
            // defensive mixture q = (prior + N(mean, M M^T)) / 2: sample s takes the fitted component when its uniform
            // (2^42 + s) is at least 1/2; log w0 = log N(u; 0, I) - log q(u)
            blk.u = new double[n * r];
            MatrixProduct.multiply(xi, n, r, transpose(proposal.factor(), r, r), r, blk.u);
            double logDet = 0;
            for (int i = 0; i < r; i++) {
                logDet += Math.log(proposal.factor()[i * r + i]);
            }
            for (int k = 0; k < n; k++) {
                boolean fitted = sampler.uniform(MIXTURE_OFFSET + first + k) >= 0.5;
                double fittedDistance;
                if (fitted) {
                    for (int i = 0; i < r; i++) {
                        blk.u[k * r + i] += proposal.mean()[i];
                    }
                    fittedDistance = DenseAlgebra.dotRows(xi, xi, k * r, r);
                } else {
                    System.arraycopy(xi, k * r, blk.u, k * r, r);
                    double[] d = new double[r];
                    for (int i = 0; i < r; i++) {
                        d[i] = xi[k * r + i] - proposal.mean()[i];
                    }
                    double[] e = DenseAlgebra.forward(proposal.factor(), r, d);
                    fittedDistance = DenseAlgebra.dot(e, e);
                }
                double priorTerm = -0.5 * DenseAlgebra.dotRows(blk.u, blk.u, k * r, r);
                double fittedTerm = -0.5 * fittedDistance - logDet;
                double top = Math.max(priorTerm, fittedTerm);
                double logQ = Math.log(0.5) + top + Math.log(Math.exp(priorTerm - top) + Math.exp(fittedTerm - top));
                blk.logPrior[k] = priorTerm - logQ;
            }
        }
        double[] h = sampler.train(blk.u, n);
        for (int e = 0; e < h.length; e++) {
            h[e] = g.g(h[e]);
        }
        blk.phi = h;
        blk.s = new double[n];
        blk.logTilted = new double[n];
        for (int k = 0; k < n; k++) {
            double v = DenseAlgebra.dotRow(h, a, k * p, p);
            blk.s[k] = v;
            blk.logTilted[k] = blk.logPrior[k] + c * v * v;
        }
        if (withTest) {
            blk.test = sampler.test(blk.u, first, n);
        }
        return blk;
    }

    /**
     * Partial sums of one chunk: tilted weights w = exp(log w - shift), their sum and sum of squares; prior weights
     * (over the proposal) w0 = exp(log w0 - shift0) and their sum; weighted second moments; test sums.
     */
    private static final class Chunk {
        double shift = Double.NEGATIVE_INFINITY;
        double shift0 = Double.NEGATIVE_INFINITY;
        double sumW;
        double sumW2;
        double sumW0;
        final double[] tilted;
        final double[] hessian;
        final double[] untilted;
        final double[] latent;
        final double[] latentMean;
        final double[] testTilted;
        final double[] testUntilted;

        Chunk(int tiltedP, int hessianP, int untiltedP, int latentR, int t) {
            tilted = new double[tiltedP * tiltedP];
            hessian = new double[hessianP * hessianP];
            untilted = new double[untiltedP * untiltedP];
            latent = new double[latentR * latentR];
            latentMean = new double[latentR];
            testTilted = new double[t];
            testUntilted = new double[t];
        }

        /** The block's tilted and prior weights after raising each shift to the block's largest log weight. */
        double[][] weigh(double[] logTilted, double[] logPrior) {
            double top = max(logTilted);
            if (top > shift) {
                double f = shift == Double.NEGATIVE_INFINITY ? 0 : Math.exp(shift - top);
                sumW *= f;
                sumW2 *= f * f;
                scale(tilted, f);
                scale(hessian, f);
                scale(latent, f);
                scale(latentMean, f);
                scale(testTilted, f);
                shift = top;
            }
            double top0 = max(logPrior);
            if (top0 > shift0) {
                double f = shift0 == Double.NEGATIVE_INFINITY ? 0 : Math.exp(shift0 - top0);
                sumW0 *= f;
                scale(untilted, f);
                scale(testUntilted, f);
                shift0 = top0;
            }
            double[] w = new double[logTilted.length];
            double[] w0 = new double[logTilted.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = Math.exp(logTilted[k] - shift);
                w0[k] = Math.exp(logPrior[k] - shift0);
                sumW += w[k];
                sumW2 += w[k] * w[k];
                sumW0 += w0[k];
            }
            return new double[][] {w, w0};
        }

        private static double max(double[] v) {
            double m = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                m = Math.max(m, x);
            }
            return m;
        }

        private static void scale(double[] v, double f) {
            for (int e = 0; e < v.length; e++) {
                v[e] *= f;
            }
        }
    }

    /** Sums of the chunks in chunk order, each rescaled to the largest shift. */
    private static Chunk reduce(Chunk[] acc) {
        Chunk first = acc[0];
        Chunk m = new Chunk((int) Math.round(Math.sqrt(first.tilted.length)), (int) Math.round(Math.sqrt(first.hessian.length)),
                (int) Math.round(Math.sqrt(first.untilted.length)), (int) Math.round(Math.sqrt(first.latent.length)), first.testTilted.length);
        for (Chunk ch : acc) {
            m.shift = Math.max(m.shift, ch.shift);
            m.shift0 = Math.max(m.shift0, ch.shift0);
        }
        for (Chunk ch : acc) {
            double f = Math.exp(ch.shift - m.shift);
            double f0 = Math.exp(ch.shift0 - m.shift0);
            m.sumW += f * ch.sumW;
            m.sumW2 += f * f * ch.sumW2;
            m.sumW0 += f0 * ch.sumW0;
            addScaled(m.tilted, ch.tilted, f);
            addScaled(m.hessian, ch.hessian, f);
            addScaled(m.untilted, ch.untilted, f0);
            addScaled(m.latent, ch.latent, f);
            addScaled(m.latentMean, ch.latentMean, f);
            addScaled(m.testTilted, ch.testTilted, f);
            addScaled(m.testUntilted, ch.testUntilted, f0);
        }
        return m;
    }

    private static void addScaled(double[] target, double[] v, double f) {
        for (int e = 0; e < v.length; e++) {
            target[e] += f * v[e];
        }
    }

    private static void addTo(double[] target, double[] v, int n) {
        for (int e = 0; e < n; e++) {
            target[e] += v[e];
        }
    }

    private static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = m[i * cols + j];
            }
        }
        return t;
    }

    private static double[] scaleRows(double[] m, int rows, int cols, double[] w) {
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = w[i] * m[i * cols + j];
            }
        }
        return out;
    }

    private int firstBlock(int chunk) {
        return (int) ((long) blocks * chunk / chunks);
    }

    private void forChunks(java.util.function.IntConsumer body) {
        if (pool == null) {
            for (int q = 0; q < chunks; q++) {
                body.accept(q);
            }
        } else {
            Parallel.forEach(pool, chunks, body);
        }
    }

    /**
     * The aNBK test predictions as a plain function: inputs row-major (P x D, T x D), lambda0 = lambda1 = 1, the control
     * variate when the activation has a closed-form NNGP kernel, otherwise the importance estimator.
     */
    public static double[] predictor(double[] xTrain, double[] y, double[] xTest, int d, Activation g, double gamma0, double ridge,
                                     int samples, RandomStream stream) {
        KernelProblem prob = KernelProblem.of(xTrain, y, xTest, d, 1);
        Spec spec = Spec.of(gamma0, ridge).withSamples(samples)
                .withEstimator(g.hasClosedForm() ? Estimator.CONTROL_VARIATE : Estimator.IMPORTANCE);
        AdaptiveBayesKernel k = new AdaptiveBayesKernel(prob, g, spec, stream, null);
        return k.predict(k.solve());
    }
}
