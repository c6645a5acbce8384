package io.dismc.twolayer;

import io.dismc.backend.Examples;
import io.dismc.rng.RandomStream;

/**
 * P examples with Gaussian inputs x ~ N(0, I_N) and targets y: inputs kept both example-major (x, row
 * mu) and input-major (xt, row i) so that both passes of the network are contiguous axpy loops the
 * JIT vectorizes.
 */
public record Dataset(int n, int p, double[] x, double[] xt, double[] y) {

    public static Dataset gaussianInputs(int n, int p, RandomStream stream) {
        double[] x = new double[Math.multiplyExact(n, p)];
        stream.gaussians(0, x, 0, x.length);
        return of(n, p, x, new double[p]);
    }

    public static Dataset of(int n, int p, double[] x, double[] y) {
        double[] xt = new double[x.length];
        for (int mu = 0; mu < p; mu++) {
            for (int i = 0; i < n; i++) {
                xt[i * p + mu] = x[mu * n + i];
            }
        }
        return new Dataset(n, p, x, xt, y);
    }

    /** The same arrays as the training contract takes them (no copy). */
    public Examples examples() {
        return new Examples(n, p, x, xt, y);
    }

    public Dataset withTargets(double[] targets) {
        return new Dataset(n, p, x, xt, targets);
    }
}
