package io.dismc.perceptron;

import io.dismc.backend.Backend;
import io.dismc.parallel.Parallel;
import io.dismc.dynamics.LangevinSpec;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * GD / Langevin on the sphere for spherical perceptrons, batched over replicas: the gradient of the
 * hinge-like loss is a matrix-vector product per replica (computed in parallel), the update and the
 * projection are the backend's Langevin step (kernels/langevin.cu on the GPU).
 */
public final class SphericalDescent {
    private SphericalDescent() {}

    /** Every replica from its own start (on the sphere) with its own stream; returns one outcome each. */
    public static List<SolverOutcome> run(PerceptronInstance inst, List<float[]> starts, List<RandomStream> streams,
                                          DescentSpec spec, Backend backend) {
        int r = starts.size();
        int n = inst.n();
        float[][] w = new float[r][];
        for (int k = 0; k < r; k++) {
            w[k] = starts.get(k).clone();
        }
        float[][] grad = new float[r][n];
        int[] violations = new int[r];
        boolean[] active = new boolean[r];
        long[] steps = new long[r];
        java.util.Arrays.fill(active, true);
        LangevinSpec step = new LangevinSpec(spec.eta(), spec.temperature(), 0.0, true);
        for (int t = 0; t <= spec.maxSteps(); t++) {
            Parallel.forEach(backend.pool(), r, k -> violations[k] = gradient(inst, w[k], spec, grad[k]));
            List<Integer> moving = new ArrayList<>();
            for (int k = 0; k < r; k++) {
                if (active[k] && (violations[k] == 0 || t == spec.maxSteps())) {
                    active[k] = false;
                } else if (active[k]) {
                    moving.add(k);
                }
            }
            if (moving.isEmpty()) {
                break;
            }
            float[][] mw = new float[moving.size()][];
            float[][] mg = new float[moving.size()][];
            List<RandomStream> ms = new ArrayList<>();
            for (int q = 0; q < moving.size(); q++) {
                int k = moving.get(q);
                mw[q] = w[k];
                mg[q] = grad[k];
                ms.add(streams.get(k));
                steps[k]++;
            }
            backend.training().langevinStep(mw, mg, step, ms, t);
        }
        List<SolverOutcome> out = new ArrayList<>();
        for (int k = 0; k < r; k++) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = w[k][i];
            }
            out.add(new SolverOutcome(d, violations[k] == 0, steps[k], violations[k]));
        }
        return out;
    }

    /** dL/dw for L = sum_mu (kappa - Delta^mu)^r theta(kappa - Delta^mu); returns the violations. */
    static int gradient(PerceptronInstance inst, float[] w, DescentSpec spec, float[] grad) {
        int n = inst.n();
        int p = inst.p();
        double[] xi = inst.xi();
        double sqrtN = Math.sqrt(n);
        double[] wd = new double[n];
        for (int i = 0; i < n; i++) {
            wd[i] = w[i];
        }
        double[] h = inst.fields(wd);
        // coefficient of xi^mu / sqrt(N) in -dL/dw: r (kappa - Delta)^(r-1) on violated constraints
        double[] c = new double[p];
        int violated = 0;
        for (int mu = 0; mu < p; mu++) {
            double gap = spec.kappa() - h[mu] / sqrtN;
            if (gap > 0) {
                violated++;
                c[mu] = spec.lossExponent() == 1 ? 1.0 : 2.0 * gap;
            }
        }
        for (int i = 0; i < n; i++) {
            int off = i * p;
            double g = 0;
            for (int mu = 0; mu < p; mu++) {
                g += c[mu] * xi[off + mu];
            }
            grad[i] = (float) (-g / sqrtN);
        }
        return violated;
    }

    /** A uniformly random point of the sphere |w|^2 = N from Gaussians 0..N-1 of the stream. */
    public static float[] randomStart(int n, RandomStream stream) {
        double[] g = new double[n];
        stream.gaussians(0, g, 0, n);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) g[i];
        }
        io.dismc.dynamics.LangevinStep.projectOnSphere(w);
        return w;
    }
}
