package io.dismc.linalg;

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

    /**
     * Rows of A at ao, ao + d, ao + 2d, ao + 3d (row stride d) over inner indices [k0, k1) times columns
     * [col, col + CHUNK) of B (row stride p) into C at offset co (row stride p): from zero when k0 = 0,
     * else continuing the sums already in C (the same sequence of fused multiply-adds).
     */
    static void quad(double[] a, int ao, int d, int k0, int k1, double[] b, int p, int col, double[] c, int co) {
        int c1 = co + p;
        int c2 = c1 + p;
        int c3 = c2 + p;
        boolean zero = k0 == 0;
        DoubleVector c00 = start(zero, c, co + col), c01 = start(zero, c, co + col + L);
        DoubleVector c10 = start(zero, c, c1 + col), c11 = start(zero, c, c1 + col + L);
        DoubleVector c20 = start(zero, c, c2 + col), c21 = start(zero, c, c2 + col + L);
        DoubleVector c30 = start(zero, c, c3 + col), c31 = start(zero, c, c3 + col + L);
        int a1 = ao + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        for (int k = k0, bo = k0 * p + col; k < k1; k++, bo += p) {
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
        c10.intoArray(c, c1 + col);
        c11.intoArray(c, c1 + col + L);
        c20.intoArray(c, c2 + col);
        c21.intoArray(c, c2 + col + L);
        c30.intoArray(c, c3 + col);
        c31.intoArray(c, c3 + col + L);
    }

    private static DoubleVector start(boolean zero, double[] c, int at) {
        return zero ? DoubleVector.zero(D) : DoubleVector.fromArray(D, c, at);
    }

    /** One row of A (the rows left over by the quads), as {@link #quad}. */
    static void single(double[] a, int ao, int k0, int k1, double[] b, int p, int col, double[] c, int co) {
        boolean zero = k0 == 0;
        DoubleVector c0 = start(zero, c, co + col), c1 = start(zero, c, co + col + L);
        for (int k = k0, bo = k0 * p + col; k < k1; k++, bo += p) {
            DoubleVector w = DoubleVector.broadcast(D, a[ao + k]);
            c0 = w.fma(DoubleVector.fromArray(D, b, bo), c0);
            c1 = w.fma(DoubleVector.fromArray(D, b, bo + L), c1);
        }
        c0.intoArray(c, co + col);
        c1.intoArray(c, co + col + L);
    }
}
