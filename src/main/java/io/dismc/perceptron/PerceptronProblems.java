package io.dismc.perceptron;

import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;

/**
 * Perceptron instances (docs/models.md 2.1): inputs +-1 or Gaussian, labels random (storage) or given by a
 * teacher w* (teacher-student; sign(0) = +1). Input (mu, i) is draw mu N + i of its stream; the
 * labelled inputs xi^mu = y^mu x^mu are stored site-major.
 */
public final class PerceptronProblems {
    private PerceptronProblems() {}

    /** Raw inputs x^mu (P x N, row mu is example mu). */
    public static double[] inputs(int n, int p, boolean gaussian, RandomStream stream) {
        double[] x = new double[Math.multiplyExact(n, p)];
        if (gaussian) {
            stream.gaussians(0, x, 0, x.length);
        } else {
            byte[] s = new byte[x.length];
            stream.spins(0, s, 0, s.length);
            for (int k = 0; k < s.length; k++) {
                x[k] = s[k];
            }
        }
        return x;
    }

    /** Random labels +-1 (storage). */
    public static byte[] randomLabels(int p, RandomStream stream) {
        byte[] y = new byte[p];
        stream.spins(0, y, 0, p);
        return y;
    }

    /** Labels of a teacher: y^mu = sign(w* . x^mu). */
    public static byte[] teacherLabels(double[] x, int n, int p, double[] teacher) {
        byte[] y = new byte[p];
        for (int mu = 0; mu < p; mu++) {
            double h = 0;
            for (int i = 0; i < n; i++) {
                h += teacher[i] * x[mu * n + i];
            }
            y[mu] = (byte) (h >= 0 ? 1 : -1);
        }
        return y;
    }

    /** A teacher: +-1 weights, or a Gaussian vector scaled onto |w*|^2 = N. */
    public static double[] teacher(int n, boolean binary, RandomStream stream) {
        double[] w = new double[n];
        if (binary) {
            byte[] s = new byte[n];
            stream.spins(0, s, 0, n);
            for (int i = 0; i < n; i++) {
                w[i] = s[i];
            }
        } else {
            stream.gaussians(0, w, 0, n);
            double norm = 0;
            for (double v : w) {
                norm += v * v;
            }
            double scale = Math.sqrt(n / norm);
            for (int i = 0; i < n; i++) {
                w[i] *= scale;
            }
        }
        return w;
    }

    /** xi^mu = y^mu x^mu, site-major. */
    public static PerceptronInstance instance(double[] x, byte[] y, int n, int p, boolean gaussian) {
        double[] xi = new double[x.length];
        for (int mu = 0; mu < p; mu++) {
            for (int i = 0; i < n; i++) {
                xi[i * p + mu] = y[mu] * x[mu * n + i];
            }
        }
        return new PerceptronInstance(n, p, xi, !gaussian);
    }

    /** Normalized overlap w . v / (|w| |v|). */
    public static double overlap(double[] w, double[] v) {
        double ww = 0;
        double vv = 0;
        double wv = 0;
        for (int i = 0; i < w.length; i++) {
            ww += w[i] * w[i];
            vv += v[i] * v[i];
            wv += w[i] * v[i];
        }
        return wv / Math.sqrt(ww * vv);
    }

    /** Fraction of fresh examples (inputs x, labels y from the teacher) that w misclassifies. */
    public static double testError(double[] w, double[] x, byte[] y, int n) {
        int p = y.length;
        int wrong = 0;
        for (int mu = 0; mu < p; mu++) {
            double h = 0;
            for (int i = 0; i < n; i++) {
                h += w[i] * x[mu * n + i];
            }
            if ((h >= 0 ? 1 : -1) != y[mu]) {
                wrong++;
            }
        }
        return (double) wrong / p;
    }
}
