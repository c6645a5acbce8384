package io.dismc.twolayer;

import io.dismc.rng.RandomStream;

/**
 * The teacher of the same family (docs/models.md 3.2.1): K* hidden units with Gaussian weights rescaled to
 * |w*_l|^2 = N, readout 1, output (1/sqrt(K*)) sum_l g(w*_l . x / sqrt(N)). Regression targets add
 * Gaussian label noise of standard deviation sigma; classification targets are the sign.
 */
public record TwoLayerTeacher(TwoLayerNetwork network, float[] weights) {

    public static TwoLayerTeacher random(int n, int kStar, Activation g, RandomStream stream) {
        TwoLayerNetwork net = new TwoLayerNetwork(n, kStar, g, Parameterization.NTK, 1.0, false);
        double[] z = new double[kStar * n];
        stream.gaussians(0, z, 0, z.length);
        float[] w = new float[kStar * n];
        for (int l = 0; l < kStar; l++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += z[l * n + i] * z[l * n + i];
            }
            double s = Math.sqrt(n / norm);
            for (int i = 0; i < n; i++) {
                w[l * n + i] = (float) (z[l * n + i] * s);
            }
        }
        return new TwoLayerTeacher(net, w);
    }

    /** A teacher whose rows have overlap rho with this one's: rho w* + sqrt(1 - rho^2) w_perp (rows rescaled to norm^2 N). */
    public TwoLayerTeacher aligned(double rho, RandomStream stream) {
        int n = network.n();
        int kStar = network.k();
        double[] z = new double[kStar * n];
        stream.gaussians(0, z, 0, z.length);
        float[] w = new float[kStar * n];
        for (int l = 0; l < kStar; l++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += z[l * n + i] * weights[l * n + i];
            }
            double zz = 0;
            for (int i = 0; i < n; i++) {
                z[l * n + i] -= dot / n * weights[l * n + i]; // orthogonal to the source row
                zz += z[l * n + i] * z[l * n + i];
            }
            double s = Math.sqrt(n / zz);
            double c = Math.sqrt(Math.max(0, 1 - rho * rho));
            for (int i = 0; i < n; i++) {
                w[l * n + i] = (float) (rho * weights[l * n + i] + c * s * z[l * n + i]);
            }
        }
        return new TwoLayerTeacher(network, w);
    }

    public double[] outputs(Dataset d) {
        return network.predict(weights, d);
    }

    /** Regression targets f*(x) + sigma xi (noise draws 0..P-1 of the stream), or sign(f*(x)) for classification. */
    public double[] targets(Dataset d, boolean classification, double sigma, RandomStream noise) {
        double[] f = outputs(d);
        if (classification) {
            for (int mu = 0; mu < f.length; mu++) {
                f[mu] = f[mu] >= 0 ? 1 : -1;
            }
        } else if (sigma > 0) {
            double[] z = new double[f.length];
            noise.gaussians(0, z, 0, z.length);
            for (int mu = 0; mu < f.length; mu++) {
                f[mu] += sigma * z[mu];
            }
        }
        return f;
    }
}
