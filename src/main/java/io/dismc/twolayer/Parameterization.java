package io.dismc.twolayer;

/**
 * How the readout scales with the width K, f(x) = (gamma / K^e) sum_k a_k g(w_k . x / sqrt(N)):
 * NTK, e = 1/2 (lazy at large K); mean-field / muP, e = 1 (features move at any width), with the
 * hidden-weight learning rate multiplied by K so that each w_k moves by O(1) per unit time.
 */
public enum Parameterization {
    NTK, MUP;

    public double readoutFactor(int k) {
        return this == NTK ? 1 / Math.sqrt(k) : 1.0 / k;
    }

    /** Factor on the hidden weights' learning rate (gradient descent; see TwoLayerTrainer for Langevin). */
    public double hiddenLearningRateFactor(int k) {
        return this == NTK ? 1.0 : k;
    }
}
