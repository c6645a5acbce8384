package io.dismc.amp;

/**
 * The noiseless sign channel of the teacher-student perceptron, y = sign(z) (docs/models.md, section
 * AMP / output channels): g = y r(u)/sqrt(V), dg = -(r(u)/V)(u + r(u)), u = y omega/sqrt(V), with the
 * inverse Mills ratio from erfcx. V is floored at 1e-12 in GAMP (pitfall P6).
 */
public final class SignChannel implements OutputChannel {
    public static final SignChannel INSTANCE = new SignChannel();

    private SignChannel() {}

    @Override
    public String name() {
        return "sign";
    }

    @Override
    public double sample(double z, double gaussian) {
        return SignLikelihood.label(z);
    }

    @Override
    public double gOut(double y, double omega, double v) {
        return SignLikelihood.gOut(y, omega, v);
    }

    @Override
    public double dgOut(double y, double omega, double v) {
        return SignLikelihood.dgOut(y, omega, v);
    }

    @Override
    public void evaluate(double[] y, double[] omega, double[] v, double[] g, double[] dg, int m) {
        SignLikelihood.evaluate(y, omega, v, 0, g, dg, m);
    }

    @Override
    public double fisher(double q, double mse) {
        return SignLikelihood.fisher(q, mse);
    }

    @Override
    public double freeEntropy(double q, double mse) {
        return SignLikelihood.freeEntropy(q, mse);
    }

    @Override
    public double minVariance() {
        return 1e-12;
    }

    @Override
    public String toString() {
        return "Sign";
    }
}
