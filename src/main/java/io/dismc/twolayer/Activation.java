package io.dismc.twolayer;

import io.dismc.backend.ActivationFunction;

/**
 * Hidden-unit activations g and their derivatives (pointwise: {@link ActivationFunction}) with the
 * Gaussian averages of the NNGP kernels. erf is g(h) = erf(h / sqrt(2)) (Saad and Solla's convention),
 * for which E[g(u) g(v)] has a closed form (see {@link #correlation}).
 */
public enum Activation {
    LINEAR(ActivationFunction.LINEAR), ERF(ActivationFunction.ERF), TANH(ActivationFunction.TANH), RELU(ActivationFunction.RELU),
    SIGN(ActivationFunction.SIGN);

    private final ActivationFunction pointwise;

    Activation(ActivationFunction pointwise) {
        this.pointwise = pointwise;
    }

    /** g and g' themselves, as the training contract names them. */
    public ActivationFunction pointwise() {
        return pointwise;
    }

    public double g(double h) {
        return pointwise.g(h);
    }

    /** g'(h); sign has zero derivative almost everywhere (GD cannot train it: the binary committee uses SA). */
    public double derivative(double h) {
        return pointwise.derivative(h);
    }

    /** Whether E[g(u) g(v)] over jointly Gaussian (u, v) has the closed form below. */
    public boolean hasClosedForm() {
        return this == LINEAR || this == ERF || this == RELU;
    }

    /**
     * E[g(u) g(v)] for zero-mean Gaussians with E[u^2] = cuu, E[v^2] = cvv, E[u v] = cuv:
     * linear: cuv; erf(./sqrt 2): (2/pi) arcsin(cuv / sqrt((1 + cuu)(1 + cvv))); relu (the arc-cosine
     * kernel of Cho and Saul): sqrt(cuu cvv) (sin t + (pi - t) cos t) / (2 pi) with cos t = cuv / sqrt(cuu cvv).
     */
    public double correlation(double cuv, double cuu, double cvv) {
        return switch (this) {
            case LINEAR -> cuv;
            case ERF -> 2 / Math.PI * Math.asin(cuv / Math.sqrt((1 + cuu) * (1 + cvv)));
            case RELU -> {
                double norm = Math.sqrt(cuu * cvv);
                if (norm == 0) {
                    yield 0.0;
                }
                double t = Math.acos(Math.max(-1, Math.min(1, cuv / norm)));
                yield norm * (Math.sin(t) + (Math.PI - t) * Math.cos(t)) / (2 * Math.PI);
            }
            default -> throw new IllegalStateException(this + " has no closed-form Gaussian correlation");
        };
    }
}
