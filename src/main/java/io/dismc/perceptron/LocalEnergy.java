package io.dismc.perceptron;

import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;

/**
 * Flatness around a solution (Baldassi et al. 2021): the training error after moving a solution to
 * distance d, averaged over random moves. Distance d means overlap q = 1 - 2d with the solution: for
 * binary weights, flipping round(d N) random weights; for spherical ones, w' = q w + sqrt(1 - q^2) u
 * with u a random direction orthogonal to w, |u|^2 = N. Training error: the fraction of examples with
 * Delta^mu &lt; 0.
 */
public final class LocalEnergy {
    private LocalEnergy() {}

    /** Mean training error over `moves` random moves at distance d (move m uses replica m of the stream family). */
    public static double at(PerceptronInstance inst, double[] w, boolean binary, double d, int moves, RandomStream.Family family) {
        double sum = 0;
        for (int m = 0; m < moves; m++) {
            double[] moved = binary ? flipped(w, d, family.stream(m)) : rotated(w, d, family.stream(m));
            sum += (double) inst.violations(moved, 0.0) / inst.p();
        }
        return sum / moves;
    }

    static double[] flipped(double[] w, double d, RandomStream stream) {
        int n = w.length;
        int count = (int) Math.round(d * n);
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) (w[i] > 0 ? 1 : -1);
        }
        byte[] f = io.dismc.dynamics.InitialCondition.flipped(s, count, stream);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = f[i];
        }
        return out;
    }

    static double[] rotated(double[] w, double d, RandomStream stream) {
        int n = w.length;
        double q = 1 - 2 * d;
        double[] u = new double[n];
        stream.gaussians(0, u, 0, n);
        double ww = 0;
        double uw = 0;
        for (int i = 0; i < n; i++) {
            ww += w[i] * w[i];
            uw += u[i] * w[i];
        }
        double uu = 0;
        for (int i = 0; i < n; i++) {
            u[i] -= uw / ww * w[i]; // orthogonal to w
            uu += u[i] * u[i];
        }
        double su = Math.sqrt(n / uu);
        double sw = Math.sqrt(n / ww);
        double s = Math.sqrt(Math.max(0, 1 - q * q));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = q * sw * w[i] + s * su * u[i];
        }
        return out;
    }
}
