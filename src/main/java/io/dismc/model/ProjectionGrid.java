package io.dismc.model;

/**
 * Grids that make the random projection F C exact. A double holds 53 bits: if every latent is a
 * multiple of 2^-24 (|c| &lt; 16) and every feature is +-1, each product and partial sum is a multiple
 * of 2^-24 below 2^29 for D &lt; 2^25, so sums are exact in any order and sign(F C) is the same on every
 * backend. With Gaussian features both factors use 2^-12 (products on 2^-24, |product| &lt; 2^8: exact
 * for D &lt; 2^21). Rounding a
 * Gaussian to 2^-12 or 2^-24 is far below any physical scale of the model.
 */
public final class ProjectionGrid {
    public static final double LATENTS_WITH_SPIN_FEATURES = 0x1.0p-24;
    public static final double GAUSSIAN_FEATURES = 0x1.0p-12;

    private ProjectionGrid() {}

    /** Rounds every value to the nearest multiple of step (a power of two, so exact). */
    public static double[] snap(double[] values, double step) {
        double inv = 1.0 / step;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.rint(values[i] * inv) * step;
        }
        return values;
    }
}
