package io.dismc.amp;

/**
 * The noisy sign (probit) channel, y = sign(z + sqrt(Delta) xi): the sign channel's formulas with
 * V replaced by V + Delta (docs/models.md 4.2). A tiny Delta (1e-6) regularises
 * the singularity of perfect recovery (pitfall P6).
 */
public final class ProbitChannel implements OutputChannel {
    private final double delta;

    /** Delta &gt; 0, the variance of the noise added before the sign. */
    public ProbitChannel(double delta) {
        this.delta = Checks.positive("Delta", delta);
    }

    public double delta() {
        return delta;
    }

    @Override
    public String name() {
        return "probit";
    }

    @Override
    public double sample(double z, double gaussian) {
        return SignLikelihood.label(z + Math.sqrt(delta) * gaussian);
    }

    @Override
    public double gOut(double y, double omega, double v) {
        return SignLikelihood.gOut(y, omega, v + delta);
    }

    @Override
    public double dgOut(double y, double omega, double v) {
        return SignLikelihood.dgOut(y, omega, v + delta);
    }

    @Override
    public void evaluate(double[] y, double[] omega, double[] v, double[] g, double[] dg, int m) {
        SignLikelihood.evaluate(y, omega, v, delta, g, dg, m);
    }

    @Override
    public double fisher(double q, double mse) {
        return SignLikelihood.fisher(q, mse + delta);
    }

    @Override
    public double freeEntropy(double q, double mse) {
        return SignLikelihood.freeEntropy(q, mse + delta);
    }

    @Override
    public double minVariance() {
        return 1e-12;
    }

    @Override
    public String toString() {
        return "Probit(Delta=" + delta + ")";
    }
}
