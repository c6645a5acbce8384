package io.dismc.twolayer.transfer;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerTeacher;

/**
 * A source task and a target task whose directions overlap by rho (docs/models.md 3.6.1): both are functions of the
 * projections z_l = w*_l . x / sqrt(N) of a teacher's K* rows (|w*_l|^2 = N), the target's rows rho w*_l + sqrt(1 -
 * rho^2) w_perp,l (TwoLayerTeacher.aligned). Kinds: {@code network} f = (1/sqrt K*) sum_l g(z_l) with the student's
 * activation g (the teacher of 3.2.1); {@code linear} f = (1/sqrt K*) sum_l z_l; {@code polynomial} the second Hermite
 * polynomial f = (1/sqrt K*) sum_l (z_l^2 - 1)/sqrt 2 (unit variance, orthogonal to every linear function).
 */
public record TransferTask(Kind kind, TwoLayerTeacher source, TwoLayerTeacher target) {
    public enum Kind { NETWORK, LINEAR, POLYNOMIAL }

    /** The source teacher from sourceStream (TwoLayerTeacher.random), the target aligned at rho from alignStream. */
    public static TransferTask of(Kind kind, int n, int kStar, Activation g, double rho, RandomStream sourceStream, RandomStream alignStream) {
        if (!(rho >= -1 && rho <= 1)) {
            throw new IllegalArgumentException("alignment rho must lie in [-1, 1], got " + rho);
        }
        TwoLayerTeacher s = TwoLayerTeacher.random(n, kStar, kind == Kind.NETWORK ? g : Activation.LINEAR, sourceStream);
        return new TransferTask(kind, s, s.aligned(rho, alignStream));
    }

    public double[] sourceOutputs(Dataset d) {
        return outputs(source, d);
    }

    public double[] targetOutputs(Dataset d) {
        return outputs(target, d);
    }

    private double[] outputs(TwoLayerTeacher t, Dataset d) {
        if (kind != Kind.POLYNOMIAL) {
            return t.outputs(d);
        }
        int p = d.p();
        int kStar = t.network().k();
        double[] z = t.network().preactivations(t.weights(), d);
        double[] f = new double[p];
        double c = 1 / Math.sqrt(2.0 * kStar);
        for (int l = 0; l < kStar; l++) {
            for (int mu = 0; mu < p; mu++) {
                double h = z[l * p + mu];
                f[mu] += c * (h * h - 1);
            }
        }
        return f;
    }
}
