package io.dismc.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.cpu.FlipCost;
import io.dismc.linalg.MatrixProduct;
import io.dismc.backend.cpu.SpinKernels;
import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.model.ProjectionGrid;
import io.dismc.rng.RandomStream;
import io.dismc.testing.OneInstance;
import org.junit.jupiter.api.Test;

/** The CPU kernels against straightforward definitions. */
class CpuKernelsTest {

    /** C = A B^T keeps 8 partial fused multiply-add sums (k mod 8) combined in a fixed tree: bit for bit. */
    @Test
    void transposedProductHasItsFixedSummationOrder() {
        RandomStream r = new RandomStream(2, 6);
        int[][] shapes = {{1, 1, 1}, {1, 9, 3}, {2, 8, 2}, {3, 17, 5}, {4, 1000, 7}, {5, 64, 10}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int d = shape[1];
            int p = shape[2];
            double[] a = new double[m * d];
            double[] bt = new double[p * d];
            r.gaussians(0, a, 0, a.length);
            r.gaussians(1L << 30, bt, 0, bt.length);
            double[] b = new double[d * p];
            for (int q = 0; q < p; q++) {
                for (int k = 0; k < d; k++) {
                    b[k * p + q] = bt[q * d + k];
                }
            }
            double[] c = new double[m * p];
            double[] viaProduct = new double[m * p];
            MatrixProduct.multiplyTransposed(a, m, d, bt, p, c);
            MatrixProduct.product(a, m, d, b, bt, p, viaProduct);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < p; j++) {
                    double[] s = new double[8];
                    for (int k = 0; k < d; k++) {
                        s[k % 8] = Math.fma(a[i * d + k], bt[j * d + k], s[k % 8]);
                    }
                    double expected = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
                    assertEquals(expected, c[i * p + j], 0.0, m + "x" + d + "x" + p + "^T entry " + i + "," + j);
                    assertEquals(m <= 4 ? expected : naive(a, b, i, j, d, p), viaProduct[i * p + j], 0.0);
                }
            }
        }
    }

    private static double naive(double[] a, double[] b, int i, int j, int d, int p) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s = Math.fma(a[i * d + k], b[k * p + j], s);
        }
        return s;
    }

    /** The SA flip cost against its definition: exact for integer fields (+-1 inputs), at every length and offset. */
    @Test
    void flipCostCountsAndSumsTheViolatedConstraints() {
        RandomStream r = new RandomStream(3, 9);
        for (int p : new int[] {1, 3, 4, 8, 13, 64, 501}) {
            for (boolean binary : new boolean[] {true, false}) {
                int off = 5;
                double[] h = new double[p];
                double[] xi = new double[off + p];
                for (int mu = 0; mu < p; mu++) {
                    h[mu] = binary ? (int) (r.word(mu) % 9) - 4 : 3 * r.gaussian(mu);
                    xi[off + mu] = binary ? (r.word(1000 + mu) < 0 ? -1 : 1) : r.gaussian(2000 + mu);
                }
                for (double step : new double[] {-2, 2}) {
                    double threshold = binary ? 0.5 : -0.3;
                    int delta = 0;
                    double deltaSum = 0;
                    for (int mu = 0; mu < p; mu++) {
                        double after = h[mu] + step * xi[off + mu];
                        delta += (after < threshold ? 1 : 0) - (h[mu] < threshold ? 1 : 0);
                        deltaSum += (after < threshold ? after : 0) - (h[mu] < threshold ? h[mu] : 0);
                    }
                    int[] count = new int[1];
                    double sum = FlipCost.of(h, xi, off, p, step, threshold, count);
                    assertEquals(delta, count[0], "p = " + p);
                    assertEquals(deltaSum, sum, binary ? 0.0 : 1e-12 * p, "p = " + p);
                }
            }
        }
    }

    /** Every entry is the sequential fused multiply-add sum: bit for bit, at block edges and in the tails. */
    @Test
    void matrixProductIsTheSequentialFmaSum() {
        RandomStream r = new RandomStream(2, 5);
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 16, 8}, {9, 33, 17}, {13, 64, 40}, {64, 300, 129}, {5, 700, 33}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int d = shape[1];
            int p = shape[2];
            double[] a = new double[m * d];
            double[] b = new double[d * p];
            r.gaussians(0, a, 0, a.length);
            r.gaussians(1L << 30, b, 0, b.length);
            double[] c = new double[m * p + 3];
            c[m * p] = 42; // past the product: untouched
            MatrixProduct.multiply(a, m, d, b, p, c);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < p; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s = Math.fma(a[i * d + k], b[k * p + j], s);
                    }
                    assertEquals(s, c[i * p + j], 0.0, m + "x" + d + "x" + p + " entry " + i + "," + j);
                }
            }
            assertEquals(42, c[m * p]);
        }
    }

    @Test
    void vectorKernelsAreAvailableInTestsAndAgreeWithScalarOnes() {
        assertTrue(SpinKernels.vectorApiAvailable(), "tests run with --add-modules jdk.incubator.vector");
        SpinKernels v = SpinKernels.best();
        SpinKernels s = SpinKernels.scalar();
        RandomStream r = new RandomStream(1, 1);
        for (int len : new int[] {0, 1, 7, 8, 9, 31, 64, 1001}) {
            byte[] x = new byte[len + 3];
            r.spins(len, x, 0, x.length);
            short[] j = new short[len + 3];
            int[] m = new int[len];
            for (int k = 0; k < len; k++) {
                m[k] = r.word(k) % 5000;
                j[k + 3] = (short) (r.word(k + 7000) % 30000);
            }
            assertEquals(s.dot(x, 3, m, len), v.dot(x, 3, m, len));
            int[] a = m.clone();
            int[] b = m.clone();
            s.addScaled(x, 3, a, len, -2);
            v.addScaled(x, 3, b, len, -2);
            assertArrayEquals(a, b);
            s.addScaled(j, 3, a, len, 2);
            v.addScaled(j, 3, b, len, 2);
            assertArrayEquals(a, b);
        }
    }

    @Test
    void bitPackedHebbianProductEqualsTheDefinition() {
        try (CpuBackend cpu = new CpuBackend(2)) {
            for (int p : new int[] {1, 63, 64, 65, 200}) {
                int n = 70;
                SpinMatrix xi = OneInstance.spins(cpu, new RandomStream(2, p), n, p);
                short[] j = OneInstance.hebbian(cpu, xi);
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        int expected = 0;
                        if (a != b) {
                            for (int mu = 0; mu < p; mu++) {
                                expected += xi.get(a, mu) * xi.get(b, mu);
                            }
                        }
                        assertEquals(expected, j[a * n + b], "P=" + p + " J[" + a + "][" + b + "]");
                    }
                }
            }
        }
    }

    @Test
    void signProjectionEqualsTheDefinitionAndSignOfZeroIsPlusOne() {
        try (CpuBackend cpu = new CpuBackend(2)) {
            int n = 37;
            int d = 23;
            int p = 301;
            SpinMatrix f = OneInstance.spins(cpu, new RandomStream(3, 1), n, d);
            double[] c = ProjectionGrid.snap(OneInstance.gaussians(cpu, new RandomStream(3, 2), d * p), ProjectionGrid.LATENTS_WITH_SPIN_FEATURES);
            SpinMatrix xi = OneInstance.projection(cpu, f, new RealMatrix(d, p, c));
            for (int i = 0; i < n; i++) {
                for (int mu = 0; mu < p; mu++) {
                    double h = 0;
                    for (int k = 0; k < d; k++) {
                        h += f.get(i, k) * c[k * p + mu];
                    }
                    assertEquals(h >= 0 ? 1 : -1, xi.get(i, mu));
                }
            }
            // D even with +-1 latents: many entries of F c are exactly zero and must map to +1
            int dEven = 4;
            SpinMatrix f4 = OneInstance.spins(cpu, new RandomStream(4, 1), n, dEven);
            double[] c4 = new double[dEven * p];
            for (int k = 0; k < c4.length; k++) {
                c4[k] = new RandomStream(4, 2).word(k) < 0 ? -1 : 1;
            }
            SpinMatrix xi4 = OneInstance.projection(cpu, f4, new RealMatrix(dEven, p, c4));
            int zeros = 0;
            for (int i = 0; i < n; i++) {
                for (int mu = 0; mu < p; mu++) {
                    double h = 0;
                    for (int k = 0; k < dEven; k++) {
                        h += f4.get(i, k) * c4[k * p + mu];
                    }
                    if (h == 0) {
                        zeros++;
                        assertEquals(1, xi4.get(i, mu));
                    }
                }
            }
            assertTrue(zeros > 100, "the test needs ties");
        }
    }

    @Test
    void projectionOnTheGridIsExactWhateverTheSummationOrder() {
        // the grid makes every partial sum exact: forward and backward sums agree to the last bit
        RandomStream r = new RandomStream(5, 5);
        double[] c = ProjectionGrid.snap(new double[5000], 1);
        r.gaussians(0, c, 0, c.length);
        ProjectionGrid.snap(c, ProjectionGrid.LATENTS_WITH_SPIN_FEATURES);
        double fwd = 0;
        double bwd = 0;
        for (int k = 0; k < c.length; k++) {
            fwd += (k % 3 == 0 ? -1 : 1) * c[k];
            int q = c.length - 1 - k;
            bwd += (q % 3 == 0 ? -1 : 1) * c[q];
        }
        assertEquals(fwd, bwd, 0.0);
    }
}
