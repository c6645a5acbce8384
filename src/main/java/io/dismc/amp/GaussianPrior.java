package io.dismc.amp;

import io.dismc.rng.RandomStream;

/**
 * The Gaussian prior N(xbar, s2), e.g. the spherical teacher of the perceptron (xbar = 0, s2 = 1):
 * f_a = (R s2 + xbar Sigma)/(Sigma + s2), f_v = Sigma s2/(Sigma + s2), both exact, and so is the mmse
 * (docs/models.md 4.2).
 */
public final class GaussianPrior implements Prior {
    private final double xbar;
    private final double s2;

    public GaussianPrior(double xbar, double s2) {
        this.xbar = Checks.finite("xbar", xbar);
        this.s2 = Checks.positive("s2", s2);
    }

    /** N(0, 1): the spherical teacher. */
    public static GaussianPrior standard() {
        return new GaussianPrior(0, 1);
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public double priorMean() {
        return xbar;
    }

    @Override
    public double priorVariance() {
        return s2;
    }

    @Override
    public double posteriorMean(double sigma, double r) {
        return (r * s2 + xbar * sigma) / (sigma + s2);
    }

    @Override
    public double posteriorVariance(double sigma, double r) {
        return sigma * (s2 / (sigma + s2));
    }

    @Override
    public double mmse(double sigma) {
        return sigma * (s2 / (sigma + s2));
    }

    /** psi(r) = -log(1 + r s2)/2 + (r s2 + r^2 s2 (s2 + xbar^2) + r xbar^2)/(2 (1 + r s2)); (r - log(1+r))/2 for N(0,1). */
    @Override
    public double freeEntropy(double r) {
        return -0.5 * Math.log1p(r * s2) + (r * s2 + r * r * s2 * (s2 + xbar * xbar) + r * xbar * xbar) / (2 * (1 + r * s2));
    }

    @Override
    public void sample(RandomStream stream, double[] out) {
        stream.gaussians(0, out, 0, out.length);
        double sd = Math.sqrt(s2);
        for (int i = 0; i < out.length; i++) {
            out[i] = xbar + sd * out[i];
        }
    }

    @Override
    public String toString() {
        return "Gaussian(xbar=" + xbar + ", s2=" + s2 + ")";
    }
}
