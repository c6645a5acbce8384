package io.dismc.theory.hopfield;

import io.dismc.theory.Gaussians;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.numbers.gamma.Erf;

/**
 * T = 0 averages for a spin aligned with a symmetric n-mixture of features (Kalaj et al. 2024;
 * docs/models.md, section RFHM theory): the field is mh zeta + sqrt(alpha qh) z with zeta = sum_{k&lt;=n} f_i^k,
 * P(zeta) = C(n, (n+zeta)/2) / 2^n. At signal-to-noise ratio x = mh / sqrt(alpha qh): the per-feature
 * overlap m(x) = (1/n) E_zeta[zeta erf(x zeta / sqrt2)] and a dq = E_zeta[2 phi(x zeta)]. n = 1 is a
 * single feature: m = erf(x/sqrt2), a dq = 2 phi(x).
 */
record MixtureField(int n) {
    private static final double SQRT2 = Math.sqrt(2);

    MixtureField {
        if (n < 1 || n % 2 == 0 || n > 99) {
            throw new IllegalArgumentException("a symmetric mixture needs an odd number of features 1 <= n <= 99, got " + n);
        }
    }

    double overlap(double x) {
        double s = 0;
        for (int zeta = 1; zeta <= n; zeta += 2) {
            s += weight(zeta) * zeta * Erf.value(x * zeta / SQRT2);
        }
        return 2 * s / n; // zeta and -zeta contribute alike
    }

    /** a dq = E_zeta[2 phi(x zeta)]. */
    double noiseResponse(double x) {
        double s = 0;
        for (int zeta = 1; zeta <= n; zeta += 2) {
            s += weight(zeta) * 2 * Gaussians.density(x * zeta);
        }
        return 2 * s;
    }

    /**
     * sqrt of the load of the Hopfield n-mixture of D patterns at signal-to-noise x, (m - x a dq)/x: the
     * alpha -&gt; infinity limit of the learning equations is a Hopfield model of the features at load alpha_D,
     * and the branch exists at x only where this exceeds sqrt(alpha_D).
     */
    double hopfieldLimit(double x) {
        return (overlap(x) - x * noiseResponse(x)) / x;
    }

    private double weight(int zeta) {
        return CombinatoricsUtils.binomialCoefficientDouble(n, (n + zeta) / 2) / Math.pow(2, n);
    }
}
