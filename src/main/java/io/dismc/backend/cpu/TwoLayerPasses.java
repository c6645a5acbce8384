package io.dismc.backend.cpu;

import io.dismc.backend.ActivationFunction;
import io.dismc.backend.Examples;
import io.dismc.backend.TwoLayerShape;
import io.dismc.linalg.MatrixProduct;
import io.dismc.rng.RandomStream;

/**
 * The two-layer network's training passes on the CPU for one replica; twin of kernels/two_layer.cu
 * (driver backend.cuda.TwoLayerDriver), docs/models.md, section 3.3: the forward product H = W X^T,
 * h = H / sqrt(N), phi = g(h), f = c sum_k a_k phi_k, the residual dL/df = -(y - f)/P, the backward
 * factors B = res a c g'(h) / sqrt(N) and the product B X, the gradient assembly of a step and the SGD
 * minibatch rows. The CPU backend's numbers are these (the golden results pin them).
 */
public final class TwoLayerPasses {
    private TwoLayerPasses() {}

    /** One replica's work arrays for examples of P rows, allocated once per training run. */
    public static final class Scratch {
        final double[] h;
        final double[] phi;
        final double[] dphi;
        final double[] back;
        final double[] f;
        final double[] r;

        public Scratch(TwoLayerShape shape, int p) {
            int kp = Math.multiplyExact(shape.k(), p);
            h = new double[kp];
            phi = new double[kp];
            dphi = new double[kp];
            back = new double[kp];
            f = new double[p];
            r = new double[p];
        }
    }

    /**
     * Loss L = (1/(2P)) sum_mu (y^mu - f(x^mu))^2 (the data term) and its gradient with respect to the
     * flat weight vector w (widened to double), into grad. Returns L. g and g' are evaluated once per
     * pre-activation and shared by the forward and backward passes.
     */
    public static double lossAndGradient(TwoLayerShape s, double[] w, Examples d, double[] grad, Scratch sc) {
        int n = s.n();
        int k = s.k();
        int p = d.p();
        double[] y = d.y();
        double[] h = sc.h;
        MatrixProduct.product(w, k, n, d.xt(), d.x(), p, h);
        double inv = 1 / Math.sqrt(n);
        for (int e = 0; e < h.length; e++) {
            h[e] *= inv;
        }
        ActivationFunction g = s.activation();
        double[] phi = sc.phi;
        double[] dphi = sc.dphi;
        for (int e = 0; e < h.length; e++) {
            phi[e] = g.g(h[e]);
            dphi[e] = g.derivative(h[e]);
        }
        double c = s.readoutScale();
        double[] f = sc.f;
        java.util.Arrays.fill(f, 0.0);
        for (int u = 0; u < k; u++) {
            double a = readout(s, w, u) * c;
            int ho = u * p;
            for (int mu = 0; mu < p; mu++) {
                f[mu] += a * phi[ho + mu];
            }
        }
        double loss = 0;
        double[] r = sc.r; // dL/df = -(y - f)/P
        for (int mu = 0; mu < p; mu++) {
            double e = y[mu] - f[mu];
            loss += e * e;
            r[mu] = -e / p;
        }
        // backward: dL/dw_k = sum_mu B_k^mu x^mu with B_k^mu = r^mu a_k c g'(h_k^mu) / sqrt(N), the product B X
        double[] back = sc.back;
        for (int u = 0; u < k; u++) {
            double a = readout(s, w, u) * c;
            int ho = u * p;
            double ga = 0;
            for (int mu = 0; mu < p; mu++) {
                back[ho + mu] = r[mu] * a * dphi[ho + mu] * inv;
                ga += r[mu] * c * phi[ho + mu];
            }
            if (s.trainReadout()) {
                grad[k * n + u] = ga;
            }
        }
        MatrixProduct.product(back, k, p, d.x(), d.xt(), n, grad);
        return loss / (2 * p);
    }

    /** The readout of unit u: a_u from the weights when trained, else 1. */
    static double readout(TwoLayerShape s, double[] w, int u) {
        return s.trainReadout() ? w[s.k() * s.n() + u] : 1.0;
    }

    /**
     * The gradient a step applies, rounded to float: the data term g, plus elastic (w - anchor) when
     * elastic &gt; 0 (the difference of the floats), times hiddenFactor on the K N hidden weights.
     */
    public static void assemble(TwoLayerShape s, double[] g, float[] w, float[] anchor, double elastic, double hiddenFactor,
                                float[] out) {
        int hidden = s.hidden();
        for (int i = 0; i < out.length; i++) {
            double gi = g[i];
            if (elastic > 0) {
                gi += elastic * (w[i] - anchor[i]);
            }
            out[i] = (float) (i < hidden ? gi * hiddenFactor : gi);
        }
    }

    /** The minibatch of step t: rows below(word, P) for the words 2^40 + t b .. 2^40 + t b + b - 1 of the stream. */
    public static Examples minibatch(Examples d, int b, RandomStream stream, long t) {
        int n = d.n();
        int[] words = new int[b];
        stream.words((1L << 40) + t * b, words, 0, b);
        double[] x = new double[b * n];
        double[] xt = new double[b * n];
        double[] y = new double[b];
        for (int q = 0; q < b; q++) {
            int mu = RandomStream.below(words[q], d.p());
            System.arraycopy(d.x(), mu * n, x, q * n, n);
            y[q] = d.y()[mu];
        }
        for (int q = 0; q < b; q++) {
            for (int i = 0; i < n; i++) {
                xt[i * b + q] = x[q * n + i];
            }
        }
        return new Examples(n, b, x, xt, y);
    }

    /** Float weights (as the backends store them) widened to double for the passes, into out. */
    public static void widen(float[] w, double[] out) {
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i];
        }
    }
}
