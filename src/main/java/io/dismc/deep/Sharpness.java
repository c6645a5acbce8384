package io.dismc.deep;

import io.dismc.rng.RandomStream;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The sharpness of the training loss, the largest eigenvalue of its Hessian (Cohen et al. 2021), in
 * the learning rate's units: lambda_max(kappa H) with kappa the network's learning-rate factor, so that
 * GD at learning rate eta is linearly stable on the local quadratic iff eta * sharpness &lt; 2
 * (docs/models.md, section deep networks and spectra). Computed from Hessian-vector products by
 * Lanczos iteration with full reorthogonalization (the Krylov refinement of power iteration: the same
 * products, the largest Ritz value converging much faster when the top eigenvalues are close, and
 * the most positive eigenvalue even when a negative one is larger in modulus); {@link #powerIteration}
 * is the plain method, kept as a cross-check. {@link #topGaussNewton} gives the top eigenvalue of
 * kappa J^T J / P, which equals that of the scaled NTK Gram kappa J J^T / P.
 */
public final class Sharpness {
    /** Lanczos steps at most (the top Ritz value of a Hessian converges in far fewer). */
    public static final int MAX_STEPS = 60;
    /**
     * Relative residual |A u - lambda u| / |lambda| at which the iteration stops: the eigenvalue's error is
     * about residual^2 / gap (the gap to the next eigenvalue), far below 1e-4 relative when the top is isolated.
     */
    public static final double TOLERANCE = 1e-4;

    private Sharpness() {}

    /** The sharpness at w: lambda_max(kappa H), started from the vector start (null: a fixed random one). */
    public static TopEigen top(DeepNetwork net, double[] w, DeepDataset data, double[] start) {
        return top(net, w, data, start, TOLERANCE);
    }

    /** As {@link #top(DeepNetwork, double[], DeepDataset, double[])} to a given relative residual. */
    public static TopEigen top(DeepNetwork net, double[] w, DeepDataset data, double[] start, double tol) {
        return lanczos(hessian(net, w, data), start, MAX_STEPS, tol);
    }

    /**
     * The central sharpness: lambda_max(kappa H) at the midpoint of two consecutive iterates. At the edge
     * of stability GD settles into an oscillation (period two, or irregular) across a valley along the top
     * eigenvector; the sharpness at the iterates swings above and below 2/eta while the midpoint, the
     * centre of the oscillation, holds it at 2/eta (the central flow of Cohen, Damian, Talwalkar, Kolter
     * and Lee 2024; self-stabilization, Damian, Nichani and Lee 2023).
     */
    public static TopEigen central(DeepNetwork net, double[] w, double[] previous, DeepDataset data, double[] start) {
        if (previous.length != w.length) {
            throw new IllegalArgumentException("central sharpness: iterates of lengths " + w.length + " and " + previous.length);
        }
        double[] mid = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            mid[i] = 0.5 * (w[i] + previous[i]);
        }
        return top(net, mid, data, start);
    }

    /** lambda_max(kappa J^T J / P), the top eigenvalue of the scaled NTK Gram kappa J J^T / P. */
    public static TopEigen topGaussNewton(DeepNetwork net, double[] w, DeepDataset data, double[] start) {
        return topGaussNewton(net, w, data, start, TOLERANCE);
    }

    public static TopEigen topGaussNewton(DeepNetwork net, double[] w, DeepDataset data, double[] start, double tol) {
        return lanczos(gaussNewton(net, w, data), start, MAX_STEPS, tol);
    }

    /** kappa H at w as an operator. */
    public static SymmetricOperator hessian(DeepNetwork net, double[] w, DeepDataset data) {
        LossSurface s = LossSurface.at(net, w, data);
        double kappa = net.learningRateFactor();
        return scaled(s.dimension(), kappa, s::hessianVector);
    }

    /** kappa J^T J / P at w as an operator. */
    public static SymmetricOperator gaussNewton(DeepNetwork net, double[] w, DeepDataset data) {
        LossSurface s = LossSurface.at(net, w, data);
        double kappa = net.learningRateFactor();
        return scaled(s.dimension(), kappa, s::gaussNewtonVector);
    }

    private interface Product {
        void apply(double[] v, double[] out);
    }

    private static SymmetricOperator scaled(int dim, double kappa, Product product) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public void apply(double[] v, double[] out) {
                product.apply(v, out);
                Products.scale(out, kappa);
            }
        };
    }

    /** A fixed unit start vector (draws of stream (seed 0, id 0x5A4E)): the same start for every call. */
    static double[] defaultStart(int dim) {
        double[] v = new double[dim];
        new RandomStream(0, 0x5A4EL).gaussians(0, v, 0, dim);
        normalize(v);
        return v;
    }

    /**
     * Largest eigenvalue of a symmetric operator by Lanczos with full reorthogonalization (twice
     * classical Gram-Schmidt per step): stops when the Ritz pair's residual |A u - theta u| = beta_j |s_j|
     * falls below tol |theta| or after maxSteps products (or when the Krylov space is exhausted).
     */
    public static TopEigen lanczos(SymmetricOperator op, double[] start, int maxSteps, double tol) {
        int dim = op.dimension();
        int steps = Math.min(maxSteps, dim);
        if (steps < 1 || !(tol > 0)) {
            throw new IllegalArgumentException("lanczos: " + maxSteps + " steps, tolerance " + tol);
        }
        double[][] q = new double[steps + 1][];
        double[] v = start == null ? defaultStart(dim) : start.clone();
        if (v.length != dim || normalize(v) == 0) {
            throw new IllegalArgumentException("lanczos: start vector of length " + v.length + " (needs " + dim + ", nonzero)");
        }
        q[0] = v;
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] wv = new double[dim];
        double theta = Double.NaN;
        double residual = Double.POSITIVE_INFINITY;
        double[] ritz = null;
        int j = 0;
        for (; j < steps; j++) {
            op.apply(q[j], wv);
            alpha[j] = Products.dot(q[j], wv);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = Products.dot(q[i], wv);
                    for (int e = 0; e < dim; e++) {
                        wv[e] -= c * q[i][e];
                    }
                }
            }
            double b = Math.sqrt(Products.dot(wv, wv));
            beta[j] = b;
            EigenDecomposition tri = tridiagonal(alpha, beta, j + 1);
            int top = argmax(tri.getRealEigenvalues());
            theta = tri.getRealEigenvalues()[top];
            double[] s = tri.getEigenvector(top).toArray();
            residual = Math.abs(b * s[j]);
            ritz = s;
            if (residual <= tol * Math.abs(theta) || b <= 1e-14 * Math.abs(theta) || j + 1 == steps) {
                j++;
                break;
            }
            double[] next = new double[dim];
            for (int e = 0; e < dim; e++) {
                next[e] = wv[e] / b;
            }
            q[j + 1] = next;
        }
        double[] u = new double[dim];
        for (int i = 0; i < j; i++) {
            for (int e = 0; e < dim; e++) {
                u[e] += ritz[i] * q[i][e];
            }
        }
        normalize(u);
        return new TopEigen(theta, u, j, residual);
    }

    /**
     * Largest eigenvalue by power iteration, v &lt;- A v / |A v|, with the Rayleigh quotient as the estimate;
     * if the dominant eigenvalue is negative the iteration is rerun on A + |mu| I (mu the dominant one)
     * so that the most positive eigenvalue is returned. Stops when the residual |A v - rho v| falls below
     * tol |rho| or after maxIterations products per run.
     */
    public static TopEigen powerIteration(SymmetricOperator op, double[] start, int maxIterations, double tol) {
        TopEigen dominant = power(op, 0, start, maxIterations, tol);
        if (dominant.value() >= 0) {
            return dominant;
        }
        double shift = -dominant.value();
        TopEigen shifted = power(op, shift, start, maxIterations, tol);
        return new TopEigen(shifted.value() - shift, shifted.vector(), dominant.products() + shifted.products(), shifted.residual());
    }

    private static TopEigen power(SymmetricOperator op, double shift, double[] start, int maxIterations, double tol) {
        int dim = op.dimension();
        double[] v = start == null ? defaultStart(dim) : start.clone();
        if (v.length != dim || normalize(v) == 0) {
            throw new IllegalArgumentException("power iteration: start vector of length " + v.length + " (needs " + dim + ", nonzero)");
        }
        double[] av = new double[dim];
        double rho = 0;
        double residual = Double.POSITIVE_INFINITY;
        int k = 0;
        while (k < maxIterations) {
            op.apply(v, av);
            k++;
            for (int e = 0; e < dim; e++) {
                av[e] += shift * v[e];
            }
            rho = Products.dot(v, av);
            double r2 = 0;
            for (int e = 0; e < dim; e++) {
                double d = av[e] - rho * v[e];
                r2 += d * d;
            }
            residual = Math.sqrt(r2);
            if (residual <= tol * Math.abs(rho)) {
                break;
            }
            System.arraycopy(av, 0, v, 0, dim);
            if (normalize(v) == 0) {
                break;
            }
        }
        return new TopEigen(rho, v, k, residual);
    }

    private static EigenDecomposition tridiagonal(double[] alpha, double[] beta, int n) {
        double[] main = java.util.Arrays.copyOf(alpha, n);
        double[] off = java.util.Arrays.copyOf(beta, Math.max(0, n - 1));
        return new EigenDecomposition(main, off);
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    static double normalize(double[] v) {
        double n = Math.sqrt(Products.dot(v, v));
        if (n > 0) {
            for (int e = 0; e < v.length; e++) {
                v[e] /= n;
            }
        }
        return n;
    }
}
