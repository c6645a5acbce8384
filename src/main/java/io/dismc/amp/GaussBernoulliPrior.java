package io.dismc.amp;

import io.dismc.rng.RandomStream;
import io.dismc.theory.Gaussians;

/**
 * The sparse prior of compressed sensing, P0(x) = (1 - rho) delta(x) + rho N(x; xbar, s2), rho = k/N the
 * fraction of nonzero components (docs/models.md 4.2; Krzakala, Mezard, Sausset, Sun,
 * Zdeborova, PRX 2 021005 (2012)). The posterior probability that x is nonzero is the logistic of the
 * log-odds ell, never a ratio of two Gaussians (that ratio underflows for Sigma ~ 1e-9):
 * <pre>
 *   m = (R s2 + xbar Sigma)/(Sigma + s2),   s = Sigma s2/(Sigma + s2)
 *   ell = log(rho/(1-rho)) + (1/2) log(Sigma/(Sigma+s2)) + R^2/(2 Sigma) - (R-xbar)^2/(2 (Sigma+s2))
 *   f_a = pi m,   f_v = pi s + pi (1 - pi) m^2,   pi = 1/(1 + e^-ell)
 * </pre>
 */
public final class GaussBernoulliPrior implements Prior {
    private final double rho;
    private final double xbar;
    private final double s2;
    private final double logOdds;

    /** rho in (0, 1], xbar finite, s2 &gt; 0. */
    public GaussBernoulliPrior(double rho, double xbar, double s2) {
        this.rho = Checks.fraction("rho", rho);
        this.xbar = Checks.finite("xbar", xbar);
        this.s2 = Checks.positive("s2", s2);
        this.logOdds = Math.log(rho) - Math.log1p(-rho);
    }

    /** The default of the experiments: xbar = 0, s2 = 1. */
    public static GaussBernoulliPrior standard(double rho) {
        return new GaussBernoulliPrior(rho, 0, 1);
    }

    public double rho() {
        return rho;
    }

    public double nonzeroMean() {
        return xbar;
    }

    public double nonzeroVariance() {
        return s2;
    }

    @Override
    public String name() {
        return "gauss-bernoulli";
    }

    @Override
    public double priorMean() {
        return rho * xbar;
    }

    @Override
    public double priorVariance() {
        return rho * s2 + rho * (1 - rho) * xbar * xbar;
    }

    /** The log-odds ell(Sigma, R) that x is nonzero, with no difference of large terms. */
    double logOdds(double sigma, double r) {
        double shrink = s2 / (sigma + s2);
        return logOdds - 0.5 * Math.log1p(s2 / sigma) + (r * r / (2 * sigma)) * shrink
            + xbar * (2 * r - xbar) / (2 * (sigma + s2));
    }

    @Override
    public double posteriorMean(double sigma, double r) {
        double pi = ScalarQuadrature.logistic(logOdds(sigma, r));
        return pi * (r * s2 + xbar * sigma) / (sigma + s2);
    }

    @Override
    public double posteriorVariance(double sigma, double r) {
        double ell = logOdds(sigma, r);
        double pi = ScalarQuadrature.logistic(ell);
        double off = ScalarQuadrature.logistic(-ell);
        double m = (r * s2 + xbar * sigma) / (sigma + s2);
        double s = sigma * (s2 / (sigma + s2));
        return pi * s + pi * off * m * m;
    }

    @Override
    public double mmse(double sigma) {
        return ScalarQuadrature.overMixture(new double[] {1 - rho, rho}, new double[] {0, xbar}, new double[] {0, s2},
            sigma, r -> posteriorVariance(sigma, r), breakpoints(sigma), xbar == 0);
    }

    /**
     * Where pi(R) switches from 0 to 1: ell is quadratic in R, a R^2 + b R + c, with roots of width
     * 1/sqrt(b^2 - 4ac) (the slope of ell there). Plus 0 and xbar, the centres of the two components.
     */
    double[] breakpoints(double sigma) {
        double a = s2 / (2 * sigma * (sigma + s2));
        double b = xbar / (sigma + s2);
        double c = logOdds - 0.5 * Math.log1p(s2 / sigma) - xbar * xbar / (2 * (sigma + s2));
        double disc = b * b - 4 * a * c;
        double[] centres = {0, xbar};
        if (!(disc > 0) || Double.isInfinite(disc) || Double.isInfinite(a)) {
            return centres;
        }
        double root = Math.sqrt(disc);
        double width = 1 / root;
        return ScalarQuadrature.concat(centres, ScalarQuadrature.around((-b + root) / (2 * a), width),
            ScalarQuadrature.around((-b - root) / (2 * a), width));
    }

    /**
     * psi_P0(r) = E log[(1-rho) + rho (1 + r s2)^{-1/2} exp((B^2 s2 + 2 B xbar - r xbar^2)/(2 (1 + r s2)))],
     * B = sqrt(r) z + r x0, with B Gaussian for either component of x0.
     */
    @Override
    public double freeEntropy(double r) {
        if (r == 0) {
            return 0;
        }
        double logOff = Math.log1p(-rho);
        double logOn = Math.log(rho) - 0.5 * Math.log1p(r * s2);
        double den = 2 * (1 + r * s2);
        java.util.function.DoubleUnaryOperator term =
            bb -> ScalarQuadrature.logAddExp(logOff, logOn + (bb * bb * s2 + 2 * bb * xbar - r * xbar * xbar) / den);
        double sdOff = Math.sqrt(r);
        double sdOn = Math.sqrt(r + r * r * s2);
        double off = rho == 1 ? 0 : Gaussians.expectation(z -> term.applyAsDouble(sdOff * z));
        double on = Gaussians.expectation(z -> term.applyAsDouble(r * xbar + sdOn * z));
        return (1 - rho) * off + rho * on;
    }

    @Override
    public void sample(RandomStream stream, double[] out) {
        int n = out.length;
        stream.gaussians(0, out, 0, n);
        double sd = Math.sqrt(s2);
        for (int i = 0; i < n; i++) {
            out[i] = stream.uniform(2L * n + i) < rho ? xbar + sd * out[i] : 0.0;
        }
    }

    @Override
    public String toString() {
        return "GaussBernoulli(rho=" + rho + ", xbar=" + xbar + ", s2=" + s2 + ")";
    }
}
