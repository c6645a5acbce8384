package io.dismc.twolayer.kernel;

/** Distances between predictors and kernels, as the kernel experiments report them (docs/models.md 3.7, 3.9). */
public final class KernelMetrics {
    private KernelMetrics() {}

    /** RMS over points of a - b. */
    public static double rms(double[] a, double[] b) {
        return DenseAlgebra.distance(a, b) / Math.sqrt(a.length);
    }

    /** |a - b|_F / |b|_F. */
    public static double relativeDistance(double[] a, double[] b) {
        return DenseAlgebra.distance(a, b) / DenseAlgebra.frobenius(b);
    }

    /** Mean squared error (1/T) sum (f - y)^2, the papers' test loss (no factor 1/2). */
    public static double meanSquaredError(double[] f, double[] y) {
        return LazyKernels.meanSquaredError(f, y);
    }
}
