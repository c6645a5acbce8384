package io.dismc.backend.cpu;

import io.dismc.model.RealMatrix;
import io.dismc.model.SpinMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * patterns = sign(F C): F is N x D (features, +-1 or real), C is D x P (latents, stored k-major), the
 * result N x P site-major with sign(0) = +1. Accumulation is in double; when the inputs lie on the
 * grids of {@link io.dismc.model.ProjectionGrid} every partial sum is exact, so the signs do not depend
 * on summation order and match the CUDA backend bit for bit. Blocked over sites and patterns so the
 * accumulators stay in L1 and the latent rows in L2.
 */
public final class SignProjection {
    private static final int ROWS_PER_TASK = 16;
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

    private static void block(int from, int to, int d, int p, FeatureRows rows, double[] c, byte[] out) {
        int count = to - from;
        double[][] f = new double[count][d];
        for (int r = 0; r < count; r++) {
            rows.row(from + r, f[r]);
        }
        double[][] acc = new double[4][PATTERN_BLOCK];
        for (int m0 = 0; m0 < p; m0 += PATTERN_BLOCK) {
            int len = Math.min(PATTERN_BLOCK, p - m0);
            for (int r = 0; r < count; r += 4) {
                int quad = Math.min(4, count - r);
                for (double[] a : acc) {
                    java.util.Arrays.fill(a, 0, len, 0.0);
                }
                double[] a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
                double[] f0 = f[r];
                double[] f1 = quad > 1 ? f[r + 1] : f0;
                double[] f2 = quad > 2 ? f[r + 2] : f0;
                double[] f3 = quad > 3 ? f[r + 3] : f0;
                for (int k = 0; k < d; k++) {
                    double w0 = f0[k], w1 = f1[k], w2 = f2[k], w3 = f3[k];
                    int cOff = k * p + m0;
                    for (int m = 0; m < len; m++) {
                        double cv = c[cOff + m];
                        a0[m] += w0 * cv;
                        a1[m] += w1 * cv;
                        a2[m] += w2 * cv;
                        a3[m] += w3 * cv;
                    }
                }
                for (int q = 0; q < quad; q++) {
                    double[] a = acc[q];
                    int outOff = (from + r + q) * p + m0;
                    for (int m = 0; m < len; m++) {
                        out[outOff + m] = (byte) (a[m] >= 0 ? 1 : -1);
                    }
                }
            }
        }
    }
}
