package io.dismc.perceptron;

import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.List;

/**
 * The geometry of the solution space of a spherical perceptron (Annesi et al. 2023): energies along
 * the geodesic w(t) = sqrt(N) ((1-t) w1 + t w2) / |(1-t) w1 + t w2| between two solutions, and at
 * random points of the simplex spanned by several (Dirichlet(1) weights). Energy: the fraction of
 * examples violating the margin kappa.
 */
public final class Geodesic {
    private Geodesic() {}

    /** Energies at t = k / (points - 1), k = 0 .. points - 1. */
    public static double[] profile(PerceptronInstance inst, double[] w1, double[] w2, double kappa, int points) {
        double[] e = new double[points];
        double[] w = new double[w1.length];
        for (int k = 0; k < points; k++) {
            double t = points == 1 ? 0 : (double) k / (points - 1);
            for (int i = 0; i < w.length; i++) {
                w[i] = (1 - t) * w1[i] + t * w2[i];
            }
            e[k] = (double) inst.violations(w, kappa) / inst.p();
        }
        return e;
    }

    public static double barrier(double[] profile) {
        double max = 0;
        for (double v : profile) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Mean energy at `samples` random points of the simplex of the given solutions. */
    public static double simplexEnergy(PerceptronInstance inst, List<double[]> vertices, double kappa, int samples, RandomStream stream) {
        int k = vertices.size();
        int n = inst.n();
        double sum = 0;
        double[] u = new double[k];
        double[] w = new double[n];
        for (int s = 0; s < samples; s++) {
            // Dirichlet(1, .., 1): normalized exponentials
            double total = 0;
            for (int a = 0; a < k; a++) {
                u[a] = -Math.log(1 - stream.uniform((long) s * k + a));
                total += u[a];
            }
            java.util.Arrays.fill(w, 0);
            for (int a = 0; a < k; a++) {
                double lam = u[a] / total;
                double[] v = vertices.get(a);
                for (int i = 0; i < n; i++) {
                    w[i] += lam * v[i];
                }
            }
            sum += (double) inst.violations(w, kappa) / inst.p();
        }
        return sum / samples;
    }
}
