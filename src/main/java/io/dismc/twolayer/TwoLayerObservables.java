package io.dismc.twolayer;

import io.dismc.linalg.MatrixProduct;

import io.dismc.data.NdArray;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Order parameters and diagnostics of a trained two-layer network (docs/models.md 3.4): overlaps
 * Q = W W^T / N, M = W W*^T / N, R = W* W*^T / N, the specialization index, the singular values of W,
 * the closed-form generalization error (erf, linear), and the feature kernel's alignment to the target.
 */
public final class TwoLayerObservables {
    private TwoLayerObservables() {}

    /** A B^T / N for A (ka x N), B (kb x N). */
    public static NdArray overlap(float[] a, int ka, float[] b, int kb, int n) {
        double[] o = new double[ka * kb];
        for (int u = 0; u < ka; u++) {
            for (int l = 0; l < kb; l++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += (double) a[u * n + i] * b[l * n + i];
                }
                o[u * kb + l] = s / n;
            }
        }
        return new NdArray(new int[] {ka, kb}, o);
    }

    /**
     * How diagonal-dominant M is after the best assignment of student units to teacher units: for each
     * teacher unit l its student pi(l) (greedy on the largest normalized |m|), index = mean over l of
     * |m_{pi(l) l}| minus the mean |m| over the other student units. 0 when unspecialized (every student
     * sees every teacher unit alike), 1 when each teacher unit has its own perfectly aligned student.
     */
    public static double specialization(NdArray q, NdArray m, NdArray r) {
        int k = m.shape()[0];
        int kStar = m.shape()[1];
        double[][] c = new double[k][kStar];
        for (int u = 0; u < k; u++) {
            for (int l = 0; l < kStar; l++) {
                c[u][l] = Math.abs(m.data()[u * kStar + l]) / Math.sqrt(q.data()[u * k + u] * r.data()[l * kStar + l]);
            }
        }
        boolean[] usedU = new boolean[k];
        boolean[] usedL = new boolean[kStar];
        double matched = 0;
        double others = 0;
        int otherCount = 0;
        for (int step = 0; step < Math.min(k, kStar); step++) {
            int bu = -1;
            int bl = -1;
            for (int u = 0; u < k; u++) {
                for (int l = 0; l < kStar; l++) {
                    if (!usedU[u] && !usedL[l] && (bu < 0 || c[u][l] > c[bu][bl])) {
                        bu = u;
                        bl = l;
                    }
                }
            }
            usedU[bu] = true;
            usedL[bl] = true;
            matched += c[bu][bl];
            for (int u = 0; u < k; u++) {
                if (u != bu) {
                    others += c[u][bl];
                    otherCount++;
                }
            }
        }
        int pairs = Math.min(k, kStar);
        return matched / pairs - (otherCount == 0 ? 0 : others / otherCount);
    }

    /** Singular values of W (K x N), descending. */
    public static double[] singularValues(float[] w, int k, int n) {
        double[][] m = new double[k][n];
        for (int u = 0; u < k; u++) {
            for (int i = 0; i < n; i++) {
                m[u][i] = w[u * n + i];
            }
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
    }

    /**
     * Generalization error 1/2 E[(f - f*)^2] over Gaussian inputs in closed form from Q, M, R and the
     * readouts, for linear and erf activations (E[g(u)g(v)] by {@link Activation#correlation}).
     */
    public static double generalizationError(TwoLayerNetwork net, float[] wf, TwoLayerTeacher teacher) {
        double[] w = TwoLayerNetwork.widen(wf);
        Activation g = net.activation();
        int k = net.k();
        int n = net.n();
        int kStar = teacher.network().k();
        double[] q = overlap(wf, k, wf, k, n).data();
        double[] m = overlap(wf, k, teacher.weights(), kStar, n).data();
        double[] r = overlap(teacher.weights(), kStar, teacher.weights(), kStar, n).data();
        double c = net.readoutScale();
        double cs = teacher.network().readoutScale();
        double ss = 0;
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                ss += net.readout(w, u) * net.readout(w, v) * g.correlation(q[u * k + v], q[u * k + u], q[v * k + v]);
            }
        }
        double st = 0;
        for (int u = 0; u < k; u++) {
            for (int l = 0; l < kStar; l++) {
                st += net.readout(w, u) * g.correlation(m[u * kStar + l], q[u * k + u], r[l * kStar + l]);
            }
        }
        double tt = 0;
        for (int l = 0; l < kStar; l++) {
            for (int l2 = 0; l2 < kStar; l2++) {
                tt += g.correlation(r[l * kStar + l2], r[l * kStar + l], r[l2 * kStar + l2]);
            }
        }
        return 0.5 * (c * c * ss - 2 * c * cs * st + cs * cs * tt);
    }

    /** Test error on a fresh set: 1/2 mean (f - f*)^2 (regression) or the fraction of sign disagreements. */
    public static double testError(TwoLayerNetwork net, float[] w, Dataset test, double[] teacherOutputs, boolean classification) {
        double[] f = net.predict(w, test);
        double s = 0;
        for (int mu = 0; mu < f.length; mu++) {
            if (classification) {
                s += (f[mu] >= 0) != (teacherOutputs[mu] >= 0) ? 1 : 0;
            } else {
                double e = f[mu] - teacherOutputs[mu];
                s += 0.5 * e * e;
            }
        }
        return s / f.length;
    }

    /**
     * Feature kernel Phi^T Phi / K on probe inputs (Phi = g(W X / sqrt(N)), K x P) and its centred-free
     * alignment with the target kernel y y^T: &lt;K, y y^T&gt;_F / (|K|_F |y y^T|_F) = y^T K y / (|K|_F |y|^2).
     */
    public static double kernelAlignment(TwoLayerNetwork net, float[] w, Dataset probe, double[] y) {
        int p = probe.p();
        int k = net.k();
        double[] h = net.preactivations(w, probe);
        double[] kern = featureKernel(net.activation(), h, k, p);
        double yky = 0;
        double frob = 0;
        double yy = 0;
        for (int a = 0; a < p; a++) {
            yy += y[a] * y[a];
            for (int b = 0; b < p; b++) {
                double v = kern[a * p + b];
                yky += y[a] * v * y[b];
                frob += v * v;
            }
        }
        return yky / (Math.sqrt(frob) * yy);
    }

    /** Phi^T Phi / K from pre-activations (K x P). */
    public static double[] featureKernel(Activation g, double[] h, int k, int p) {
        double[] phi = new double[h.length];
        for (int e = 0; e < h.length; e++) {
            phi[e] = g.g(h[e]);
        }
        return crossKernel(phi, p, phi, p, k);
    }

    /** Phi_a^T Phi_b / K (pa x pb) for activations Phi_a (K x pa) and Phi_b (K x pb): one matrix product. */
    public static double[] crossKernel(double[] phiA, int pa, double[] phiB, int pb, int k) {
        double[] phiAt = new double[pa * k]; // Phi_a transposed: pa x K
        for (int u = 0; u < k; u++) {
            for (int i = 0; i < pa; i++) {
                phiAt[i * k + u] = phiA[u * pa + i];
            }
        }
        double[] kern = new double[pa * pb];
        MatrixProduct.multiply(phiAt, pa, k, phiB, pb, kern);
        for (int e = 0; e < kern.length; e++) {
            kern[e] /= k;
        }
        return kern;
    }
}
