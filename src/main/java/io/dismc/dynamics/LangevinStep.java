package io.dismc.dynamics;

import io.dismc.rng.RandomStream;

/**
 * The Langevin step on the CPU; mirror of kernels/langevin.cu (same formula evaluated in double, the
 * same Gaussian draw (step * n + i) of the replica's stream, weights stored as float).
 */
public final class LangevinStep {
    private LangevinStep() {}

    /** One step of one replica, in place; grad may be null (no potential besides the weight decay). */
    public static void apply(float[] w, float[] grad, LangevinSpec spec, RandomStream stream, long step) {
        int n = w.length;
        double noise = Math.sqrt(2.0 * spec.eta() * spec.temperature());
        double[] z = new double[n];
        if (spec.temperature() > 0) {
            stream.gaussians(step * n, z, 0, n);
        }
        double eta = spec.eta();
        double decay = spec.weightDecay();
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            double g = grad == null ? 0.0 : grad[i];
            w[i] = (float) (wi - eta * (g + decay * wi) + noise * z[i]);
        }
        if (spec.sphere()) {
            projectOnSphere(w);
        }
    }

    /** w &lt;- w sqrt(n) / |w|, the norm accumulated in double. */
    public static void projectOnSphere(float[] w) {
        double sumsq = 0;
        for (float x : w) {
            sumsq += (double) x * x;
        }
        double scale = Math.sqrt(w.length / sumsq);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (w[i] * scale);
        }
    }
}
