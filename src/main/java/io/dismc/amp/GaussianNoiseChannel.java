package io.dismc.amp;

/**
 * Additive Gaussian noise, y = z + sqrt(Delta) w (compressed sensing): g = (y - omega)/(Delta + V),
 * dg = -1/(Delta + V), E[g^2] = 1/(Delta + E), Psi_out = -log(2 pi (Delta + E))/2 - 1/2
 * (docs/models.md 4.2). With this channel GAMP is the AMP of KMSSZ.
 */
public final class GaussianNoiseChannel implements OutputChannel {
    private final double delta;

    /** Delta &gt;= 0, the noise variance. */
    public GaussianNoiseChannel(double delta) {
        this.delta = Checks.nonNegative("Delta", delta);
    }

    public double delta() {
        return delta;
    }

    @Override
    public String name() {
        return "gaussian-noise";
    }

    @Override
    public double sample(double z, double gaussian) {
        return z + Math.sqrt(delta) * gaussian;
    }

    @Override
    public double gOut(double y, double omega, double v) {
        return (y - omega) / (delta + v);
    }

    @Override
    public double dgOut(double y, double omega, double v) {
        return -1 / (delta + v);
    }

    @Override
    public double fisher(double q, double mse) {
        return 1 / (delta + mse);
    }

    @Override
    public double freeEntropy(double q, double mse) {
        return -0.5 * Math.log(2 * Math.PI * (delta + mse)) - 0.5;
    }

    @Override
    public double minVariance() {
        return 0;
    }

    @Override
    public String toString() {
        return "GaussianNoise(Delta=" + delta + ")";
    }
}
