package io.dismc.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked kernel of {@link MatrixProduct#multiplyTransposed}: 2 rows of A x 2 rows of B,
 * each entry's 8 partial sums held as two 4-lane vectors (lanes = k mod 8), so each row vector loaded
 * serves two fused multiply-adds. 256-bit vectors fix the partials' layout on every machine that has
 * them; with narrower vectors the scalar loop (same order) runs instead. Only loaded with the Vector API.
 */
final class VectorDotKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    static final boolean SUPPORTED = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;

    private VectorDotKernel() {}

    /** Entries (r, q), (r, q+1), (r+1, q), (r+1, q+1) for A rows at ao, ao + d and B rows at bo, bo + d; C at co with stride p. */
    static void pair(double[] a, int ao, double[] b, int bo, int d, double[] c, int co, int p) {
        DoubleVector s00l = DoubleVector.zero(D), s00h = DoubleVector.zero(D);
        DoubleVector s01l = DoubleVector.zero(D), s01h = DoubleVector.zero(D);
        DoubleVector s10l = DoubleVector.zero(D), s10h = DoubleVector.zero(D);
        DoubleVector s11l = DoubleVector.zero(D), s11h = DoubleVector.zero(D);
        int a1 = ao + d;
        int b1 = bo + d;
        int bound = d - d % MatrixProduct.PARTIALS;
        for (int k = 0; k < bound; k += MatrixProduct.PARTIALS) {
            DoubleVector x0l = DoubleVector.fromArray(D, a, ao + k);
            DoubleVector x0h = DoubleVector.fromArray(D, a, ao + k + 4);
            DoubleVector x1l = DoubleVector.fromArray(D, a, a1 + k);
            DoubleVector x1h = DoubleVector.fromArray(D, a, a1 + k + 4);
            DoubleVector y0l = DoubleVector.fromArray(D, b, bo + k);
            DoubleVector y0h = DoubleVector.fromArray(D, b, bo + k + 4);
            s00l = x0l.fma(y0l, s00l);
            s00h = x0h.fma(y0h, s00h);
            s10l = x1l.fma(y0l, s10l);
            s10h = x1h.fma(y0h, s10h);
            DoubleVector y1l = DoubleVector.fromArray(D, b, b1 + k);
            DoubleVector y1h = DoubleVector.fromArray(D, b, b1 + k + 4);
            s01l = x0l.fma(y1l, s01l);
            s01h = x0h.fma(y1h, s01h);
            s11l = x1l.fma(y1l, s11l);
            s11h = x1h.fma(y1h, s11h);
        }
        c[co] = finish(s00l, s00h, a, ao, b, bo, bound, d);
        c[co + 1] = finish(s01l, s01h, a, ao, b, b1, bound, d);
        c[co + p] = finish(s10l, s10h, a, a1, b, bo, bound, d);
        c[co + p + 1] = finish(s11l, s11h, a, a1, b, b1, bound, d);
    }

    /** Entries (r, q), (r, q+1) for one A row at ao and B rows at bo, bo + d (the odd row left by the pairs). */
    static void single(double[] a, int ao, double[] b, int bo, int d, double[] c, int co) {
        DoubleVector s0l = DoubleVector.zero(D), s0h = DoubleVector.zero(D);
        DoubleVector s1l = DoubleVector.zero(D), s1h = DoubleVector.zero(D);
        int b1 = bo + d;
        int bound = d - d % MatrixProduct.PARTIALS;
        for (int k = 0; k < bound; k += MatrixProduct.PARTIALS) {
            DoubleVector xl = DoubleVector.fromArray(D, a, ao + k);
            DoubleVector xh = DoubleVector.fromArray(D, a, ao + k + 4);
            s0l = xl.fma(DoubleVector.fromArray(D, b, bo + k), s0l);
            s0h = xh.fma(DoubleVector.fromArray(D, b, bo + k + 4), s0h);
            s1l = xl.fma(DoubleVector.fromArray(D, b, b1 + k), s1l);
            s1h = xh.fma(DoubleVector.fromArray(D, b, b1 + k + 4), s1h);
        }
        c[co] = finish(s0l, s0h, a, ao, b, bo, bound, d);
        c[co + 1] = finish(s1l, s1h, a, ao, b, b1, bound, d);
    }

    /** Adds the tail k in [bound, d) to its partial (k mod 8) and combines the partials in the fixed order. */
    private static double finish(DoubleVector lo, DoubleVector hi, double[] a, int ao, double[] b, int bo, int bound, int d) {
        double[] s = new double[MatrixProduct.PARTIALS];
        lo.intoArray(s, 0);
        hi.intoArray(s, 4);
        for (int k = bound; k < d; k++) {
            s[k - bound] = Math.fma(a[ao + k], b[bo + k], s[k - bound]);
        }
        return MatrixProduct.combine(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }
}
