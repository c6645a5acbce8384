package io.dismc.twolayer;

import io.dismc.backend.TwoLayerShape;
import io.dismc.linalg.MatrixProduct;

/**
 * One-hidden-layer network f(x) = c sum_k a_k g(w_k . x / sqrt(N)) with c = gamma / K^e
 * ({@link Parameterization}), K hidden units on N inputs (docs/models.md 3.1). Weights of one replica are
 * one flat vector: W (K x N, row k = w_k) followed by the readout a (K) when it is trained. The forward
 * pass here serves the observables at recorded times; training runs on the backend (TwoLayerTrainer),
 * whose CPU passes (backend.cpu.TwoLayerPasses) use the same product and so give the same numbers.
 *
 * @param gamma readout scale (feature-learning strength in the mean-field parameterization)
 */
public record TwoLayerNetwork(int n, int k, Activation activation, Parameterization parameterization, double gamma,
                             boolean trainReadout) {

    public double readoutScale() {
        return gamma * parameterization.readoutFactor(k);
    }

    public int parameterCount() {
        return k * n + (trainReadout ? k : 0);
    }

    /** The network as the training contract sees it (trained on the backend: TwoLayerTrainer). */
    public TwoLayerShape shape() {
        return new TwoLayerShape(n, k, activation.pointwise(), readoutScale(), trainReadout);
    }

    /** Pre-activations H (K x P, row k over examples): h_k^mu = w_k . x^mu / sqrt(N), as the product W X^T. */
    public double[] preactivations(double[] w, Dataset d) {
        int p = d.p();
        double[] h = new double[k * p];
        MatrixProduct.product(w, k, n, d.xt(), d.x(), p, h);
        double inv = 1 / Math.sqrt(n);
        for (int e = 0; e < h.length; e++) {
            h[e] *= inv;
        }
        return h;
    }

    /** Float weights (as the backends store them) widened to double for the passes. */
    public static double[] widen(float[] w) {
        double[] d = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            d[i] = w[i];
        }
        return d;
    }

    public double[] preactivations(float[] w, Dataset d) {
        return preactivations(widen(w), d);
    }

    public double[] predict(float[] w, Dataset d) {
        return predict(widen(w), d);
    }

    /** The readout of unit u: a_u from the weights when trained, else the fixed readout (all ones). */
    public double readout(double[] w, int u) {
        return trainReadout ? w[k * n + u] : 1.0;
    }

    /** Outputs f(x^mu) from pre-activations. */
    public double[] outputs(double[] w, double[] h, int p) {
        double c = readoutScale();
        double[] f = new double[p];
        for (int u = 0; u < k; u++) {
            double a = readout(w, u) * c;
            for (int mu = 0; mu < p; mu++) {
                f[mu] += a * activation.g(h[u * p + mu]);
            }
        }
        return f;
    }

    public double[] predict(double[] w, Dataset d) {
        return outputs(w, preactivations(w, d), d.p());
    }
}
