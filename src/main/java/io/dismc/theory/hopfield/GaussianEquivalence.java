package io.dismc.theory.hopfield;

/**
 * Gaussian equivalence of the sign projection (docs/models.md, section RFHM theory): a pattern entry
 * xi = sign(lambda), lambda = (F c)_i / sqrt(D) of unit variance, acts in the replica computation as
 * kappa_1 lambda + kappa_* eta with kappa_1 = E[lambda sign(lambda)] = sqrt(2/pi) and
 * kappa_1^2 + kappa_*^2 = E[sign^2] = 1.
 */
final class GaussianEquivalence {
    /** k1s = kappa_1^2 = 2/pi. */
    static final double K1 = 2 / Math.PI;
    /** kss = kappa_*^2 = 1 - 2/pi. */
    static final double KSTAR = 1 - 2 / Math.PI;

    private GaussianEquivalence() {}
}
