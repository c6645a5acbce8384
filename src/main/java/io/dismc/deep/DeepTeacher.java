package io.dismc.deep;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;

/**
 * The target function on Gaussian inputs x ~ N(0, I_D) (docs/models.md, section deep networks and
 * spectra): C directions beta_c with |beta_c|^2 = D and y_c = scale g*(beta_c . x / sqrt(D)) + noise;
 * g* linear is the random linear teacher of the deep linear network (targets of variance scale^2),
 * a nonlinear g* the single-index (C = 1) or multi-index teacher.
 */
public record DeepTeacher(int inputDim, int outputs, double[] beta, Activation link, double scale) {
    public DeepTeacher {
        if (beta.length != (long) inputDim * outputs || !(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("teacher: " + beta.length + " weights for D = " + inputDim + ", C = " + outputs
                    + ", scale " + scale + " (> 0)");
        }
    }

    /** beta_c from the stream's Gaussians 0 .. C D - 1, each row rescaled to |beta_c|^2 = D. */
    public static DeepTeacher random(int inputDim, int outputs, Activation link, double scale, RandomStream stream) {
        if (inputDim < 1 || outputs < 1) {
            throw new IllegalArgumentException("teacher: D = " + inputDim + ", C = " + outputs + " (each >= 1)");
        }
        double[] b = new double[inputDim * outputs];
        stream.gaussians(0, b, 0, b.length);
        for (int c = 0; c < outputs; c++) {
            double n = 0;
            for (int i = 0; i < inputDim; i++) {
                n += b[c * inputDim + i] * b[c * inputDim + i];
            }
            double s = Math.sqrt(inputDim / n);
            for (int i = 0; i < inputDim; i++) {
                b[c * inputDim + i] *= s;
            }
        }
        return new DeepTeacher(inputDim, outputs, b, link, scale);
    }

    /** Noise-free outputs on inputs x (P x D): C x P. */
    public double[] outputs(double[] x, int p) {
        double[] y = new double[outputs * p];
        double inv = 1 / Math.sqrt(inputDim);
        for (int c = 0; c < outputs; c++) {
            for (int mu = 0; mu < p; mu++) {
                double h = 0;
                for (int i = 0; i < inputDim; i++) {
                    h = Math.fma(beta[c * inputDim + i], x[mu * inputDim + i], h);
                }
                y[c * p + mu] = scale * link.g(h * inv);
            }
        }
        return y;
    }

    /** P examples: inputs from the Gaussians 0 .. P D - 1 of inputs, label noise of standard deviation noise (draws of noiseStream). */
    public DeepDataset sample(int p, RandomStream inputs, double noise, RandomStream noiseStream) {
        if (p < 1 || !(noise >= 0)) {
            throw new IllegalArgumentException("teacher sample: P = " + p + ", noise " + noise);
        }
        double[] x = new double[Math.multiplyExact(p, inputDim)];
        inputs.gaussians(0, x, 0, x.length);
        double[] y = outputs(x, p);
        if (noise > 0) {
            double[] z = new double[y.length];
            noiseStream.gaussians(0, z, 0, z.length);
            for (int e = 0; e < y.length; e++) {
                y[e] += noise * z[e];
            }
        }
        return DeepDataset.of(inputDim, p, outputs, x, y);
    }
}
