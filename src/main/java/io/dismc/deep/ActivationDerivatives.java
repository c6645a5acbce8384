package io.dismc.deep;

import io.dismc.twolayer.Activation;

/**
 * The second derivative phi'' that the Hessian-vector product needs on top of {@link Activation}'s
 * phi and phi': 0 for linear and relu (almost everywhere), -h phi'(h) for erf(h / sqrt 2),
 * -2 tanh(h) (1 - tanh^2 h) for tanh.
 */
final class ActivationDerivatives {
    private ActivationDerivatives() {}

    static double second(Activation g, double h) {
        return switch (g) {
            case LINEAR, RELU, SIGN -> 0;
            case ERF -> -h * g.derivative(h);
            case TANH -> {
                double t = Math.tanh(h);
                yield -2 * t * (1 - t * t);
            }
        };
    }
}
