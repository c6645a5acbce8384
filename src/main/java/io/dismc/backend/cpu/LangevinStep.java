package io.dismc.backend.cpu;

import io.dismc.backend.LangevinSpec;
import io.dismc.rng.RandomStream;

/**
 * The Langevin step on the CPU; twin of kernels/langevin.cu (driver backend.cuda.LangevinDriver): the
 * same formula evaluated in double, the same Gaussian draw (step * n + i) of the replica's stream,
 * weights stored as float, and on the sphere the same sequential sum of squares.
 */
public final class LangevinStep {
    private LangevinStep() {}

    /** One step of one replica, in place; grad may be null (no potential besides the weight decay). */
    public static void apply(float[] w, float[] grad, LangevinSpec spec, RandomStream stream, long step) {
        apply(w, grad, spec, stream, step, new double[w.length]);
    }

    /** The same with a scratch array for the noise (at least w.length; zeros when the temperature is 0). */
    public static void apply(float[] w, float[] grad, LangevinSpec spec, RandomStream stream, long step, double[] z) {
        int n = w.length;
        double noise = Math.sqrt(2.0 * spec.eta() * spec.temperature());
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

    /** w &lt;- w sqrt(n) / |w|, the norm accumulated in double in index order. */
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
