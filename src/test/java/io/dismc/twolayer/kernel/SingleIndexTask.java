package io.dismc.twolayer.kernel;

import io.dismc.rng.RandomStream;

/**
 * A synthetic single-index task for the kernel tests: inputs x ~ N(0, I_D), target y = g(x_1) depending on one
 * direction only, P training and T test points from fixed streams.
 */
final class SingleIndexTask {
    private SingleIndexTask() {}

    enum Target { LINEAR, RELU, SIGN_MIX }

    static double target(Target t, double[] x, int off) {
        double u = x[off];
        return switch (t) {
            case LINEAR -> u;
            // relu(u) standardized: mean 1/sqrt(2 pi), variance 1/2 - 1/(2 pi)
            case RELU -> (Math.max(u, 0) - 1 / Math.sqrt(2 * Math.PI)) / Math.sqrt(0.5 - 1 / (2 * Math.PI));
            case SIGN_MIX -> Math.signum(u + 0.5 * x[off + 1] * x[off + 2]);
        };
    }

    /** The problem (lambda0 = 1) and the test targets as its last element's companion: returns {problem, test targets}. */
    static Object[] make(int d, int p, int t, Target target, long seed) {
        RandomStream in = new RandomStream(seed, 1);
        double[] xtr = new double[p * d];
        double[] xte = new double[t * d];
        in.gaussians(0, xtr, 0, xtr.length);
        in.gaussians(1L << 30, xte, 0, xte.length);
        double[] y = new double[p];
        double[] yt = new double[t];
        for (int i = 0; i < p; i++) {
            y[i] = target(target, xtr, i * d);
        }
        for (int i = 0; i < t; i++) {
            yt[i] = target(target, xte, i * d);
        }
        return new Object[] {KernelProblem.of(xtr, y, xte, d, 1), yt};
    }

    static double rms(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }
}
