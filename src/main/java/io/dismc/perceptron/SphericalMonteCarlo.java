package io.dismc.perceptron;

import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;

/**
 * Metropolis on the sphere with small random rotations: propose w' = sqrt(N) (w + delta z) / |w + delta z|
 * with z Gaussian (draws N t .. N t + N - 1 of the stream for proposal t, acceptance uniform from the
 * double at index 2^40 + t), accept on the number of violated constraints at inverse temperature beta.
 * O(N P) per proposal; CPU only.
 */
public final class SphericalMonteCarlo {
    private SphericalMonteCarlo() {}

    public static SolverOutcome run(PerceptronInstance inst, float[] start, RandomStream stream, double delta, double beta,
                                    int maxSteps, double kappa) {
        int n = inst.n();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = start[i];
        }
        int energy = inst.violations(w, kappa);
        double[] z = new double[n];
        double[] trial = new double[n];
        long steps = 0;
        for (int t = 0; t < maxSteps && energy > 0; t++) {
            stream.gaussians((long) n * t, z, 0, n);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                trial[i] = w[i] + delta * z[i];
                norm += trial[i] * trial[i];
            }
            double scale = Math.sqrt(n / norm);
            for (int i = 0; i < n; i++) {
                trial[i] *= scale;
            }
            int e = inst.violations(trial, kappa);
            steps++;
            int d = e - energy;
            if (d <= 0 || stream.uniform((1L << 40) + t) < Math.exp(-beta * d)) {
                System.arraycopy(trial, 0, w, 0, n);
                energy = e;
            }
        }
        return new SolverOutcome(w, energy == 0, steps, energy);
    }
}
