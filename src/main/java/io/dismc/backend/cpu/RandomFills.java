package io.dismc.backend.cpu;

import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;

/**
 * Bulk fills of one matrix, as kernels/rng.cu does for each matrix of a stack (its driver:
 * cuda.RngDriver): spins and Gaussians from a stream (the draw definitions are RandomStream's),
 * rounding to the exact-projection grid, and signs as +-1.0.
 */
public final class RandomFills {
    private RandomFills() {}

    public static SpinMatrix spins(RandomStream stream, int rows, int cols) {
        byte[] data = new byte[Math.multiplyExact(rows, cols)];
        stream.spins(0, data, 0, data.length);
        return new SpinMatrix(rows, cols, data);
    }

    public static RealMatrix gaussians(RandomStream stream, int rows, int cols) {
        double[] data = new double[Math.multiplyExact(rows, cols)];
        stream.gaussians(0, data, 0, data.length);
        return new RealMatrix(rows, cols, data);
    }

    /** snap_to_grid: the nearest multiple of step, a power of two, so the rounding is exact. */
    public static void snap(double[] values, double step) {
        double inv = 1.0 / step;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.rint(values[i] * inv) * step;
        }
    }

    /** binarize: +1.0 or -1.0 by sign, sign(0) = +1. */
    public static void binarize(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] >= 0 ? 1.0 : -1.0;
        }
    }
}
