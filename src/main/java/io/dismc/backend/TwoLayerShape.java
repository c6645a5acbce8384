package io.dismc.backend;

/**
 * The one-hidden-layer network f(x) = c sum_k a_k g(w_k . x / sqrt(N)) as the training contract sees it
 * (docs/models.md, section 3.1): N inputs, K hidden units, the activation g, the readout scale c
 * (gamma / K^e of the parameterization) and whether the readout a is trained (else a = 1). The weights
 * of one replica are one flat float vector: W (K x N, row k = w_k), then a (K) when trained.
 */
public record TwoLayerShape(int n, int k, ActivationFunction activation, double readoutScale, boolean trainReadout) {
    public TwoLayerShape {
        if (n < 1 || k < 1) {
            throw new IllegalArgumentException("a two-layer network needs N >= 1 inputs and K >= 1 units, got N = " + n + ", K = " + k);
        }
        if (activation == null) {
            throw new IllegalArgumentException("a two-layer network needs an activation");
        }
        if (!Double.isFinite(readoutScale)) {
            throw new IllegalArgumentException("readout scale must be finite, got " + readoutScale);
        }
        if ((long) k * n + (trainReadout ? k : 0) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("K N = " + (long) k * n + " weights exceed one Java array");
        }
    }

    /** K N: the hidden weights, which come first in the flat vector. */
    public int hidden() {
        return k * n;
    }

    public int parameterCount() {
        return k * n + (trainReadout ? k : 0);
    }
}
