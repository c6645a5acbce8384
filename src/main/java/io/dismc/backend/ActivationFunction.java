package io.dismc.backend;

import org.apache.commons.numbers.gamma.Erf;

/**
 * Pointwise hidden-unit activations g and their derivatives g', as the training contract names them
 * (docs/models.md, section 3.1). erf is g(h) = erf(h / sqrt(2)) (Saad and Solla's convention). The
 * ordinal is the activation code of kernels/two_layer.cu (activation_g, activation_derivative).
 */
public enum ActivationFunction {
    LINEAR, ERF, TANH, RELU, SIGN;

    private static final double INV_SQRT2 = 1 / Math.sqrt(2);

    public double g(double h) {
        return switch (this) {
            case LINEAR -> h;
            case ERF -> Erf.value(h * INV_SQRT2);
            case TANH -> Math.tanh(h);
            case RELU -> h > 0 ? h : 0;
            case SIGN -> h >= 0 ? 1 : -1;
        };
    }

    /** g'(h); sign has zero derivative almost everywhere (gradient descent cannot train it). */
    public double derivative(double h) {
        return switch (this) {
            case LINEAR -> 1;
            case ERF -> Math.sqrt(2 / Math.PI) * Math.exp(-h * h / 2);
            case TANH -> {
                double t = Math.tanh(h);
                yield 1 - t * t;
            }
            case RELU -> h > 0 ? 1 : 0;
            case SIGN -> 0;
        };
    }
}
