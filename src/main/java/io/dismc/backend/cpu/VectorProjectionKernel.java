package io.dismc.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked sign(F C) for a block of sites: 4 sites x 2 vectors of patterns are accumulated in
 * 8 vector registers over all D features, so each latent vector loaded serves 4 fused multiply-adds.
 * Only loaded when jdk.incubator.vector is present.
 */
final class VectorProjectionKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int L = D.length();
    /** Patterns handled per register block. */
    static final int CHUNK = 2 * L;

    private VectorProjectionKernel() {}

    /**
     * Rows f[0..3] (length d) against columns [m, m + CHUNK) of c (d x p, row-major); writes the signs
     * into out at rows outRow[0..3].
     */
    static void quad(double[] f0, double[] f1, double[] f2, double[] f3, int d, double[] c, int p, int m,
                     byte[] out, int o0, int o1, int o2, int o3) {
        DoubleVector a00 = DoubleVector.zero(D), a01 = DoubleVector.zero(D);
        DoubleVector a10 = DoubleVector.zero(D), a11 = DoubleVector.zero(D);
        DoubleVector a20 = DoubleVector.zero(D), a21 = DoubleVector.zero(D);
        DoubleVector a30 = DoubleVector.zero(D), a31 = DoubleVector.zero(D);
        int off = m;
        for (int k = 0; k < d; k++, off += p) {
            DoubleVector c0 = DoubleVector.fromArray(D, c, off);
            DoubleVector c1 = DoubleVector.fromArray(D, c, off + L);
            DoubleVector w = DoubleVector.broadcast(D, f0[k]);
            a00 = w.fma(c0, a00);
            a01 = w.fma(c1, a01);
            w = DoubleVector.broadcast(D, f1[k]);
            a10 = w.fma(c0, a10);
            a11 = w.fma(c1, a11);
            w = DoubleVector.broadcast(D, f2[k]);
            a20 = w.fma(c0, a20);
            a21 = w.fma(c1, a21);
            w = DoubleVector.broadcast(D, f3[k]);
            a30 = w.fma(c0, a30);
            a31 = w.fma(c1, a31);
        }
        store(a00, a01, out, o0 + m);
        store(a10, a11, out, o1 + m);
        store(a20, a21, out, o2 + m);
        store(a30, a31, out, o3 + m);
    }

    private static void store(DoubleVector lo, DoubleVector hi, byte[] out, int at) {
        for (int q = 0; q < L; q++) {
            out[at + q] = (byte) (lo.lane(q) >= 0 ? 1 : -1);
            out[at + L + q] = (byte) (hi.lane(q) >= 0 ? 1 : -1);
        }
    }
}
