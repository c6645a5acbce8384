package io.dismc.twolayer;

import io.dismc.linalg.MatrixProduct;

/**
 * One-hidden-layer network f(x) = c sum_k a_k g(w_k . x / sqrt(N)) with c = gamma / K^e
 * ({@link Parameterization}), K hidden units on N inputs (docs/models.md 3.1). Weights of one replica are
 * one flat vector: W (K x N, row k = w_k) followed by the readout a (K) when it is trained.
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

    /**
     * Loss L = (1/(2P)) sum_mu (y^mu - f(x^mu))^2 (the data term; decay and elastic terms are added by
     * the trainer) and its gradient with respect to the flat weight vector, into grad. Returns L.
     * g and g' are evaluated once per pre-activation and shared by the forward and backward passes.
     */
    public double lossAndGradient(double[] w, Dataset d, double[] grad) {
        int p = d.p();
        double[] x = d.x();
        double[] y = d.y();
        double[] h = preactivations(w, d);
        double[] phi = new double[h.length];
        double[] dphi = new double[h.length];
        for (int e = 0; e < h.length; e++) {
            phi[e] = activation.g(h[e]);
            dphi[e] = activation.derivative(h[e]);
        }
        double c = readoutScale();
        double[] f = new double[p];
        for (int u = 0; u < k; u++) {
            double a = readout(w, u) * c;
            int ho = u * p;
            for (int mu = 0; mu < p; mu++) {
                f[mu] += a * phi[ho + mu];
            }
        }
        double inv = 1 / Math.sqrt(n);
        double loss = 0;
        double[] r = new double[p]; // dL/df = -(y - f)/P
        for (int mu = 0; mu < p; mu++) {
            double e = y[mu] - f[mu];
            loss += e * e;
            r[mu] = -e / p;
        }
        // backward: dL/dw_k = sum_mu B_k^mu x^mu with B_k^mu = r^mu a_k c g'(h_k^mu) / sqrt(N), the product B X
        double[] back = new double[k * p];
        for (int u = 0; u < k; u++) {
            double a = readout(w, u) * c;
            int ho = u * p;
            double ga = 0;
            for (int mu = 0; mu < p; mu++) {
                back[ho + mu] = r[mu] * a * dphi[ho + mu] * inv;
                ga += r[mu] * c * phi[ho + mu];
            }
            if (trainReadout) {
                grad[k * n + u] = ga;
            }
        }
        MatrixProduct.product(back, k, p, x, d.xt(), n, grad);
        return loss / (2 * p);
    }
}
