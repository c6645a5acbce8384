package io.dismc.perceptron;

import io.dismc.backend.AnnealSpec;
import io.dismc.rng.SweepSchedule;
import io.dismc.rng.RandomStream;

/**
 * SA for a binary committee machine (one hidden layer, K hidden units with +-1 weights, output
 * sign(sum_k sign(w_k . x))), the overparameterized student of Baldassi et al. 2021 ("atypical phase
 * transitions"). A flip of w_ki moves the K fields of unit k on every example by 2 w_ki' x_i^mu; the
 * output changes where that unit's sign changes and its vote decides. Energy: misclassified
 * examples; beta annealed as in {@link AnnealSpec}. Sweeps visit the K N weights in the
 * {@link SweepSchedule} permutation.
 */
public final class CommitteeAnnealing {
    private CommitteeAnnealing() {}

    /**
     * @param x inputs P x N (row mu = example mu), labels y
     * @param w initial weights K x N (row k = hidden unit k), +-1
     */
    public static SolverOutcome run(double[] x, byte[] y, int n, int k, byte[] w0, RandomStream stream, AnnealSpec spec) {
        int p = y.length;
        byte[] w = w0.clone();
        // site-major copy of the inputs: the column of input i is contiguous
        double[] xt = new double[n * p];
        for (int mu = 0; mu < p; mu++) {
            for (int i = 0; i < n; i++) {
                xt[i * p + mu] = x[mu * n + i];
            }
        }
        double[][] h = new double[k][p];
        int[] votes = new int[p];
        for (int u = 0; u < k; u++) {
            for (int i = 0; i < n; i++) {
                double wi = w[u * n + i];
                for (int mu = 0; mu < p; mu++) {
                    h[u][mu] += wi * xt[i * p + mu];
                }
            }
            for (int mu = 0; mu < p; mu++) {
                votes[mu] += sign(h[u][mu]);
            }
        }
        int energy = 0;
        for (int mu = 0; mu < p; mu++) {
            energy += sign(votes[mu]) != y[mu] ? 1 : 0;
        }
        int sites = k * n;
        SweepSchedule.Draws draws = new SweepSchedule.Draws(sites, stream, true);
        long steps = 0;
        for (int t = 0; t < spec.maxSweeps() && energy > 0; t++) {
            draws.begin(t);
            double beta = spec.beta(t);
            for (int pos = 0; pos < sites && energy > 0; pos++) {
                int site = draws.site(pos);
                int u = site / n;
                int i = site % n;
                double step = -2.0 * w[site];
                double[] hu = h[u];
                int off = i * p;
                int delta = 0;
                for (int mu = 0; mu < p; mu++) {
                    int before = sign(hu[mu]);
                    int after = sign(hu[mu] + step * xt[off + mu]);
                    if (before != after) {
                        int v = votes[mu] - before + after;
                        delta += (sign(v) != y[mu] ? 1 : 0) - (sign(votes[mu]) != y[mu] ? 1 : 0);
                    }
                }
                steps++;
                double r = draws.uniform(pos);
                if (delta <= 0 || r < Math.exp(-beta * delta)) {
                    w[site] = (byte) -w[site];
                    for (int mu = 0; mu < p; mu++) {
                        int before = sign(hu[mu]);
                        hu[mu] += step * xt[off + mu];
                        votes[mu] += sign(hu[mu]) - before;
                    }
                    energy += delta;
                }
            }
        }
        double[] weights = new double[sites];
        for (int s = 0; s < sites; s++) {
            weights[s] = w[s];
        }
        return new SolverOutcome(weights, energy == 0, steps, energy);
    }

    static int sign(double v) {
        return v >= 0 ? 1 : -1;
    }

    /** Output of a committee (weights K x N) on example row mu of x. */
    public static int output(double[] w, int k, int n, double[] x, int mu) {
        int votes = 0;
        for (int u = 0; u < k; u++) {
            double h = 0;
            for (int i = 0; i < n; i++) {
                h += w[u * n + i] * x[mu * n + i];
            }
            votes += sign(h);
        }
        return sign(votes);
    }
}
