package io.dismc.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked micro-kernels of {@link MatrixProduct}: 4 rows of A x 2 vectors of columns of B are
 * accumulated in 8 vector registers over the whole inner dimension, so each B vector loaded serves 4
 * fused multiply-adds. Only loaded when jdk.incubator.vector is present.
 */
final class VectorMatrixKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int L = D.length();
    /** Columns handled per register block. */
    static final int CHUNK = 2 * L;

    private VectorMatrixKernel() {}

    /** Rows ao/d .. +3 of A (offset ao, stride d) times columns [col, col + CHUNK) of B into C at offset co (stride p). */
    static void quad(double[] a, int ao, int d, double[] b, int p, int col, double[] c, int co) {
        DoubleVector c00 = DoubleVector.zero(D), c01 = DoubleVector.zero(D);
        DoubleVector c10 = DoubleVector.zero(D), c11 = DoubleVector.zero(D);
        DoubleVector c20 = DoubleVector.zero(D), c21 = DoubleVector.zero(D);
        DoubleVector c30 = DoubleVector.zero(D), c31 = DoubleVector.zero(D);
        int a1 = ao + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        for (int k = 0, bo = col; k < d; k++, bo += p) {
            DoubleVector b0 = DoubleVector.fromArray(D, b, bo);
            DoubleVector b1 = DoubleVector.fromArray(D, b, bo + L);
            DoubleVector w = DoubleVector.broadcast(D, a[ao + k]);
            c00 = w.fma(b0, c00);
            c01 = w.fma(b1, c01);
            w = DoubleVector.broadcast(D, a[a1 + k]);
            c10 = w.fma(b0, c10);
            c11 = w.fma(b1, c11);
            w = DoubleVector.broadcast(D, a[a2 + k]);
            c20 = w.fma(b0, c20);
            c21 = w.fma(b1, c21);
            w = DoubleVector.broadcast(D, a[a3 + k]);
            c30 = w.fma(b0, c30);
            c31 = w.fma(b1, c31);
        }
        c00.intoArray(c, co + col);
        c01.intoArray(c, co + col + L);
        c10.intoArray(c, co + p + col);
        c11.intoArray(c, co + p + col + L);
        c20.intoArray(c, co + 2 * p + col);
        c21.intoArray(c, co + 2 * p + col + L);
        c30.intoArray(c, co + 3 * p + col);
        c31.intoArray(c, co + 3 * p + col + L);
    }

    /** One row of A times columns [col, col + CHUNK) of B (the rows left over by the quads). */
    static void single(double[] a, int ao, int d, double[] b, int p, int col, double[] c, int co) {
        DoubleVector c0 = DoubleVector.zero(D), c1 = DoubleVector.zero(D);
        for (int k = 0, bo = col; k < d; k++, bo += p) {
            DoubleVector w = DoubleVector.broadcast(D, a[ao + k]);
            c0 = w.fma(DoubleVector.fromArray(D, b, bo), c0);
            c1 = w.fma(DoubleVector.fromArray(D, b, bo + L), c1);
        }
        c0.intoArray(c, co + col);
        c1.intoArray(c, co + col + L);
    }
}
