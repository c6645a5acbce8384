package io.dismc.perceptron;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The stability update of a pair rotation with the Vector API: the rows of xi_i and xi_j start at
 * arbitrary offsets, which JDK 17's auto-vectorizer does not align with delta, so the plain loop stays
 * scalar. Same operations in the same order as the scalar loop (no fused multiply-add), hence the same
 * bits. Only loaded when jdk.incubator.vector is present.
 */
final class PairKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private PairKernels() {}

    /** delta[mu] += xi[oi + mu] di + xi[oj + mu] dj for mu in [0, p). */
    static void update(double[] xi, int oi, int oj, double di, double dj, double[] delta, int p) {
        int end = D.loopBound(p);
        int mu = 0;
        for (; mu < end; mu += D.length()) {
            DoubleVector a = DoubleVector.fromArray(D, xi, oi + mu).mul(di);
            DoubleVector b = DoubleVector.fromArray(D, xi, oj + mu).mul(dj);
            DoubleVector.fromArray(D, delta, mu).add(a.add(b)).intoArray(delta, mu);
        }
        for (; mu < p; mu++) {
            delta[mu] += xi[oi + mu] * di + xi[oj + mu] * dj;
        }
    }
}
