package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.theory.Gaussians;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** amp.md 6.1-6.2: the scalar denoisers and output functions against their definitions. */
class DenoiserTest {
    private static final double[] SIGMAS = {1e-8, 1e-3, 0.1, 10};
    private static final double[] RS = {0, 1e-4, -1e-4, 0.5, -0.5, 3, -3};

    /** Posterior mean and variance of x ~ pLaw (density of the continuous part) times the Gaussian likelihood, by quadrature. */
    private static double[] continuousPosterior(DoubleUnaryOperator density, double sigma, double r, double priorMean, double priorSd) {
        double sd = Math.sqrt(sigma);
        double lo = Math.min(r - 20 * sd, priorMean - 20 * priorSd);
        double hi = Math.max(r + 20 * sd, priorMean + 20 * priorSd);
        double[] cuts = new double[2 * 161];
        for (int j = -80; j <= 80; j++) {
            cuts[j + 80] = r + 0.25 * j * sd;
            cuts[j + 80 + 161] = priorMean + 0.25 * j * priorSd;
        }
        DoubleUnaryOperator w = x -> density.applyAsDouble(x) * Math.exp(-(x - r) * (x - r) / (2 * sigma)) / Math.sqrt(2 * Math.PI * sigma);
        double z = Gaussians.integrate(w, lo, hi, cuts);
        double mean = Gaussians.integrate(x -> x * w.applyAsDouble(x), lo, hi, cuts) / z;
        double var = Gaussians.integrate(x -> (x - mean) * (x - mean) * w.applyAsDouble(x), lo, hi, cuts) / z;
        return new double[] {z, mean, var};
    }

    /**
     * Relative agreement, with an absolute floor for an exact 0: the posterior mean at R = 0, which
     * quadrature gives as a rounding residue of order 1e-19 (the smallest nonzero f_a on the grid is 4e-9,
     * the smallest f_v 2e-13).
     */
    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertClose(expected, actual, rel, 1e-16, what);
    }

    private static void assertClose(double expected, double actual, double rel, double floor, String what) {
        assertTrue(Math.abs(expected - actual) <= rel * Math.abs(expected) + floor, what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void gaussBernoulliMatchesBruteForcePosterior() {
        double rho = 0.2;
        GaussBernoulliPrior prior = GaussBernoulliPrior.standard(rho);
        for (double sigma : SIGMAS) {
            for (double r : RS) {
                double[] c = continuousPosterior(Gaussians::density, sigma, r, 0, 1);
                // weights of the atom at 0 and of the Gaussian part, in logs (the atom's underflows at small Sigma)
                double logAtom = Math.log(1 - rho) - r * r / (2 * sigma) - 0.5 * Math.log(2 * Math.PI * sigma);
                double logSlab = Math.log(rho) + Math.log(c[0]);
                double pi = 1 / (1 + Math.exp(logAtom - logSlab));
                double off = 1 / (1 + Math.exp(logSlab - logAtom));
                double fa = pi * c[1];
                double fv = pi * c[2] + pi * off * c[1] * c[1];
                String at = " at Sigma=" + sigma + ", R=" + r;
                assertRelative(fa, prior.posteriorMean(sigma, r), 1e-9, "f_a" + at);
                assertClose(fv, prior.posteriorVariance(sigma, r), 1e-9, 1e-30, "f_v" + at);
            }
        }
    }

    @Test
    void gaussianPriorMatchesBruteForcePosterior() {
        GaussianPrior prior = new GaussianPrior(0.3, 2.0);
        for (double sigma : SIGMAS) {
            for (double r : RS) {
                double[] c = continuousPosterior(x -> Gaussians.density((x - 0.3) / Math.sqrt(2)) / Math.sqrt(2), sigma, r, 0.3, Math.sqrt(2));
                assertRelative(c[1], prior.posteriorMean(sigma, r), 1e-9, "f_a at " + sigma + ", " + r);
                assertClose(c[2], prior.posteriorVariance(sigma, r), 1e-9, 1e-30, "f_v at " + sigma + ", " + r);
            }
        }
    }

    @Test
    void binaryPriorMatchesTheTwoAtomPosterior() {
        for (double sigma : SIGMAS) {
            for (double r : RS) {
                // P(x = +1 | R) from the two likelihoods exp(-(R -+ 1)^2/(2 Sigma)), as log-odds 2R/Sigma
                double lPlus = -(r - 1) * (r - 1) / (2 * sigma);
                double lMinus = -(r + 1) * (r + 1) / (2 * sigma);
                double p = 1 / (1 + Math.exp(lMinus - lPlus));
                double q = 1 / (1 + Math.exp(lPlus - lMinus));
                assertRelative(p - q, BinaryPrior.INSTANCE.posteriorMean(sigma, r), 1e-9, "f_a");
                assertClose(4 * p * q, BinaryPrior.INSTANCE.posteriorVariance(sigma, r), 1e-9, 1e-300, "f_v");
            }
        }
    }

    /** f_v = Sigma d f_a/dR by a central difference on the scale of the posterior's structure. */
    private static void assertVarianceIsSigmaTimesSlope(Denoiser d, double noise, java.util.function.DoubleBinaryOperator step) {
        for (double sigma : SIGMAS) {
            for (double r : RS) {
                double h = step.applyAsDouble(sigma, r);
                double slope = (d.estimate(sigma, noise, r + h) - d.estimate(sigma, noise, r - h)) / (2 * h);
                double fv = d.variance(sigma, noise, r);
                // plus the rounding error of the difference quotient (f_a = tanh(30) rounds to 1)
                double rounding = sigma * 4 * Math.ulp(Math.abs(d.estimate(sigma, noise, r)) + Double.MIN_NORMAL) / (2 * h);
                assertTrue(Math.abs(sigma * slope - fv) <= 1e-6 * Math.abs(fv) + rounding,
                    d.name() + " at Sigma=" + sigma + ", R=" + r + ": Sigma f_a' = " + sigma * slope + ", f_v = " + fv);
            }
        }
    }

    @Test
    void varianceIsSigmaTimesTheSlopeOfTheMean() {
        assertVarianceIsSigmaTimesSlope(GaussBernoulliPrior.standard(0.2), 0, (s, r) -> 1e-4 * Math.min(1, Math.sqrt(s)));
        assertVarianceIsSigmaTimesSlope(new GaussBernoulliPrior(0.3, 0.5, 2), 0, (s, r) -> 1e-4 * Math.min(1, Math.sqrt(s)));
        assertVarianceIsSigmaTimesSlope(GaussianPrior.standard(), 0, (s, r) -> 1e-3);
        assertVarianceIsSigmaTimesSlope(BinaryPrior.INSTANCE, 0, (s, r) -> 1e-4 * Math.min(1, s));
        // soft threshold away from its kinks (lam = 1.14 sqrt(0.01))
        SoftThreshold eta = new SoftThreshold(1.14);
        for (double r : new double[] {0, 0.05, -0.05, 0.5, -3}) {
            double slope = (eta.estimate(0.2, 0.01, r + 1e-6) - eta.estimate(0.2, 0.01, r - 1e-6)) / 2e-6;
            assertEquals(eta.variance(0.2, 0.01, r), 0.2 * slope, 1e-9);
        }
    }

    @Test
    void noNanOrInfinityDownToTinySigma() {
        Denoiser[] all = {GaussBernoulliPrior.standard(0.2), new GaussBernoulliPrior(1, 0.5, 1), new GaussBernoulliPrior(0.05, -1, 0.5),
            GaussianPrior.standard(), BinaryPrior.INSTANCE, new SoftThreshold(1.1)};
        for (Denoiser d : all) {
            for (double sigma = 1e-8; sigma >= 1e-300; sigma *= 1e-4) {
                for (double r : new double[] {0, 1e-150, 1e-4, -1e-4, 0.5, -3, 1e3, -1e5}) {
                    double a = d.estimate(sigma, sigma, r);
                    double v = d.variance(sigma, sigma, r);
                    assertTrue(Double.isFinite(a) && Double.isFinite(v) && v >= 0, d.name() + " at Sigma=" + sigma + ", R=" + r + ": " + a + ", " + v);
                }
            }
        }
    }

    @Test
    void signChannelOutputFunctionsAreDerivativesOfLogPhi() {
        double h = 1e-5;
        for (double v : new double[] {0.7, 1e-6}) {
            for (double y : new double[] {1, -1}) {
                for (double u = -40; u <= 40; u += 0.5) {
                    double omega = y * u * Math.sqrt(v);
                    // g = d/domega log Phi(y omega/sqrt V)
                    double g = y * (logPhi(u + h) - logPhi(u - h)) / (2 * h) / Math.sqrt(v);
                    double got = SignChannel.INSTANCE.gOut(y, omega, v);
                    assertTrue(Math.abs(got - g) <= 1e-6 * Math.abs(g) + 1e-300, "g at u=" + u + ": " + got + " vs " + g);
                    double dh = h * Math.sqrt(v);
                    double dg = (SignChannel.INSTANCE.gOut(y, omega + dh, v) - SignChannel.INSTANCE.gOut(y, omega - dh, v)) / (2 * dh);
                    double gotDg = SignChannel.INSTANCE.dgOut(y, omega, v);
                    assertTrue(Math.abs(gotDg - dg) <= 1e-6 * Math.abs(dg) + 1e-300, "dg at u=" + u + ": " + gotDg + " vs " + dg);
                    assertTrue(gotDg <= 0, "dg must be <= 0");
                    assertEquals(gotDg, -got * (omega / v + got), 1e-9 * Math.abs(gotDg) + 1e-300, "dg = -g (omega/V + g)");
                }
            }
        }
        // the probit channel is the sign channel at V + Delta
        ProbitChannel probit = new ProbitChannel(0.3);
        assertEquals(SignChannel.INSTANCE.gOut(1, 0.4, 0.5), probit.gOut(1, 0.4, 0.2), 1e-15);
        assertEquals(SignChannel.INSTANCE.dgOut(-1, 0.4, 0.5), probit.dgOut(-1, 0.4, 0.2), 1e-15);
    }

    /** log Phi(u) to full relative precision on both sides (log1p of the tail for u &gt; 0). */
    private static double logPhi(double u) {
        return u < 0 ? Gaussians.logCdf(u) : Math.log1p(-Gaussians.upperTail(u));
    }

    @Test
    void continuedFractionOfTheShiftedMillsRatioJoinsTheDirectSum() {
        // u + r(u) for u in [-10, -5]: the direct sum is still good to ~1e-13 there
        for (double u = -10; u <= -5.0001; u += 0.25) {
            double direct = u + Gaussians.millsRatio(u);
            assertEquals(direct, SignLikelihood.shiftedMills(u), 1e-11 * direct, "u=" + u);
        }
        // deep in the tail: u + r(u) -> -1/u
        assertEquals(1e-8, SignLikelihood.shiftedMills(-1e8), 1e-20);
    }

    @Test
    void softThresholdRiskMatchesQuadrature() {
        for (double theta : new double[] {0.5, 1.1402, 2}) {
            for (double mu : new double[] {0, 0.3, -1.5, 4, 12}) {
                SoftThreshold eta = new SoftThreshold(theta);
                double direct = Gaussians.expectation(z -> {
                    double e = eta.estimate(1, 1, mu + z) - mu;
                    return e * e;
                }, theta - mu, -theta - mu);
                assertEquals(direct, SoftThreshold.risk(mu, theta), 1e-12, "theta=" + theta + ", mu=" + mu);
            }
        }
    }
}
