package io.dismc.backend.cpu;

import io.dismc.backend.AnnealOutcome;
import io.dismc.backend.AnnealSpec;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import io.dismc.rng.SweepSchedule;

/**
 * SA for binary weights: the CPU twin of kernels/anneal.cu (driver: cuda.AnnealDriver).
 * It walks the sites in the same per-sweep permutation and draws the same acceptance uniforms as the
 * Hopfield dynamics ({@link SweepSchedule}); a flip of w_i moves every field h^mu = w . xi^mu by
 * 2 w_i' xi_i^mu, one contiguous row (the Hopfield pattern-form update). Fields are kept in double,
 * which holds the integer fields of +-1 inputs exactly, so the CPU and integer GPU decisions agree.
 * The energy change is assembled from two exact sums, the change in the number k of violated
 * constraints and in the sum s of their fields: dE = (dk thr - ds) / sqrt(N) for r = 1 (thr = kappa
 * sqrt(N)), dE = dk for r = 0.
 */
public final class BinaryAnnealing {
    private BinaryAnnealing() {}

    public static AnnealOutcome run(PerceptronInstance inst, byte[] start, RandomStream stream, AnnealSpec spec) {
        int n = inst.n();
        int p = inst.p();
        double[] xi = inst.xi();
        byte[] w = start.clone();
        double[] h = new double[p];
        for (int i = 0; i < n; i++) {
            int off = i * p;
            for (int mu = 0; mu < p; mu++) {
                h[mu] += w[i] * xi[off + mu];
            }
        }
        double threshold = spec.kappa() * Math.sqrt(n);
        double sqrtN = Math.sqrt(n);
        int energy = 0;
        for (double x : h) {
            energy += x < threshold ? 1 : 0;
        }
        long steps = 0;
        SweepSchedule.Draws draws = new SweepSchedule.Draws(n, stream, true);
        int[] count = new int[1];
        for (int t = 0; t < spec.maxSweeps() && energy > 0; t++) {
            draws.begin(t);
            double beta = spec.beta(t);
            for (int pos = 0; pos < n && energy > 0; pos++) {
                int i = draws.site(pos);
                int off = i * p;
                double step = -2.0 * w[i]; // h' = h + 2 w_i' xi_i with w_i' = -w_i
                double deltaSum = FlipCost.of(h, xi, off, p, step, threshold, count);
                int delta = count[0];
                steps++;
                double dE = spec.energyExponent() == 0 ? delta : (delta * threshold - deltaSum) / sqrtN;
                double u = draws.uniform(pos);
                if (dE <= 0 || u < Math.exp(-beta * dE)) {
                    w[i] = (byte) -w[i];
                    for (int mu = 0; mu < p; mu++) {
                        h[mu] += step * xi[off + mu];
                    }
                    energy += delta;
                }
            }
        }
        return new AnnealOutcome(w, energy, steps);
    }
}
