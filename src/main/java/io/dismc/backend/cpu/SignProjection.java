package io.dismc.backend.cpu;

import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.parallel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * patterns = sign(F C): F is N x D (features, +-1 or real), C is D x P (latents, stored k-major), the
 * result N x P site-major with sign(0) = +1. Accumulation is in double; when the inputs lie on the
 * exact-projection grids (docs/models.md 5.6) every partial sum is exact, so the signs do not depend
 * on summation order and match the CUDA backend bit for bit. Blocked over sites and patterns so the
 * accumulators stay in L1 and the latent rows in L2. The CPU twin of kernels/projection.cu (its
 * driver: cuda.ProjectionDriver), sparse mixtures included.
 */
public final class SignProjection {
    private static final int ROWS_PER_TASK = 16; // a multiple of 4 (the vector kernel's site block)
    private static final int PATTERN_BLOCK = 256;

    private SignProjection() {}

    /** Supplies row i of F as doubles. */
    interface FeatureRows {
        void row(int i, double[] out);
    }

    public static SpinMatrix of(SpinMatrix features, RealMatrix latents, ForkJoinPool pool) {
        byte[] f = features.data();
        int d = features.cols();
        return project(features.rows(), d, (i, out) -> {
            for (int k = 0; k < d; k++) {
                out[k] = f[i * d + k];
            }
        }, latents, pool);
    }

    public static SpinMatrix of(RealMatrix features, RealMatrix latents, ForkJoinPool pool) {
        double[] f = features.data();
        int d = features.cols();
        return project(features.rows(), d, (i, out) -> System.arraycopy(f, i * d, out, 0, d), latents, pool);
    }

    private static SpinMatrix project(int n, int d, FeatureRows rows, RealMatrix latents, ForkJoinPool pool) {
        if (latents.rows() != d) {
            throw new IllegalArgumentException("F is N x " + d + " but C has " + latents.rows() + " rows");
        }
        int p = latents.cols();
        byte[] out = new byte[n * p];
        List<RecursiveAction> tasks = new ArrayList<>();
        for (int r0 = 0; r0 < n; r0 += ROWS_PER_TASK) {
            int from = r0;
            int to = Math.min(n, r0 + ROWS_PER_TASK);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    block(from, to, d, p, rows, latents.data(), out);
                }
            });
        }
        Parallel.invokeAll(pool, tasks);
        return new SpinMatrix(n, p, out);
    }

    private static final boolean VECTOR = SpinKernels.vectorApiAvailable();

    private static void block(int from, int to, int d, int p, FeatureRows rows, double[] c, byte[] out) {
        int count = to - from;
        double[][] f = new double[count][d];
        for (int r = 0; r < count; r++) {
            rows.row(from + r, f[r]);
        }
        int vectorEnd = 0;
        if (VECTOR && count % 4 == 0) {
            // register-blocked columns first, in chunks that keep a D x CHUNK slab of c in cache
            int chunk = VectorProjectionKernel.CHUNK;
            vectorEnd = p - p % chunk;
            for (int m = 0; m < vectorEnd; m += chunk) {
                for (int r = 0; r < count; r += 4) {
                    int o = (from + r) * p;
                    VectorProjectionKernel.quad(f[r], f[r + 1], f[r + 2], f[r + 3], d, c, p, m, out, o, o + p, o + 2 * p, o + 3 * p);
                }
            }
        }
        scalar(f, from, count, d, p, vectorEnd, c, out);
    }

    /** Columns [m0, p) by plain loops (the fallback, and the tail of the vector path). */
    private static void scalar(double[][] f, int from, int count, int d, int p, int m0, double[] c, byte[] out) {
        if (m0 >= p) {
            return;
        }
        double[] acc = new double[PATTERN_BLOCK];
        for (int b = m0; b < p; b += PATTERN_BLOCK) {
            int len = Math.min(PATTERN_BLOCK, p - b);
            for (int r = 0; r < count; r++) {
                java.util.Arrays.fill(acc, 0, len, 0.0);
                double[] fr = f[r];
                for (int k = 0; k < d; k++) {
                    double w = fr[k];
                    int cOff = k * p + b;
                    for (int m = 0; m < len; m++) {
                        acc[m] += w * c[cOff + m];
                    }
                }
                int outOff = (from + r) * p + b;
                for (int m = 0; m < len; m++) {
                    out[outOff + m] = (byte) (acc[m] >= 0 ? 1 : -1);
                }
            }
        }
    }

    /** The value of feature entry (i, k), whichever the features' type. */
    @FunctionalInterface
    public interface FeatureValue {
        double at(int i, int k);
    }

    /**
     * Sparse mixtures (the CPU twin of sparse_mixtures in kernels/projection.cu): example mu is
     * sign(sum_q w[mu L + q] F[:, k[mu L + q]]), the sum in q order, sign(0) = +1; N x P site-major.
     */
    public static SpinMatrix mixtures(FeatureValue f, int n, int p, int l, int[] chosen, double[] weights) {
        byte[] out = new byte[n * p];
        double[] field = new double[n];
        for (int mu = 0; mu < p; mu++) {
            java.util.Arrays.fill(field, 0.0);
            for (int q = 0; q < l; q++) {
                double w = weights[mu * l + q];
                int k = chosen[mu * l + q];
                for (int i = 0; i < n; i++) {
                    field[i] += w * f.at(i, k);
                }
            }
            for (int i = 0; i < n; i++) {
                out[i * p + mu] = (byte) (field[i] >= 0 ? 1 : -1);
            }
        }
        return new SpinMatrix(n, p, out);
    }
}
