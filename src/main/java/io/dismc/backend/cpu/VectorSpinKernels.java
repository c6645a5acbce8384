package io.dismc.backend.cpu;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels: bytes (or shorts) are widened to int lanes and combined with integer overlaps
 * or fields. Loaded only when jdk.incubator.vector is present, so the class never links otherwise.
 */
final class VectorSpinKernels implements SpinKernels {
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_PREFERRED;
    private static final int LANES = INT.length();
    private static final VectorSpecies<Byte> BYTE = VectorSpecies.of(byte.class, jdk.incubator.vector.VectorShape.forBitSize(LANES * 8));
    private static final VectorSpecies<Short> SHORT = VectorSpecies.of(short.class, jdk.incubator.vector.VectorShape.forBitSize(LANES * 16));

    static SpinKernels create() {
        return new VectorSpinKernels();
    }

    @Override
    public int dot(byte[] x, int xOff, int[] m, int len) {
        IntVector acc = IntVector.zero(INT);
        int k = 0;
        int bound = len - LANES;
        for (; k <= bound; k += LANES) {
            IntVector xv = (IntVector) ByteVector.fromArray(BYTE, x, xOff + k).convertShape(VectorOperators.B2I, INT, 0);
            acc = acc.add(xv.mul(IntVector.fromArray(INT, m, k)));
        }
        int s = acc.reduceLanes(VectorOperators.ADD);
        for (; k < len; k++) {
            s += x[xOff + k] * m[k];
        }
        return s;
    }

    @Override
    public void addScaled(byte[] x, int xOff, int[] m, int len, int scale) {
        int k = 0;
        int bound = len - LANES;
        for (; k <= bound; k += LANES) {
            IntVector xv = (IntVector) ByteVector.fromArray(BYTE, x, xOff + k).convertShape(VectorOperators.B2I, INT, 0);
            IntVector.fromArray(INT, m, k).add(xv.mul(scale)).intoArray(m, k);
        }
        for (; k < len; k++) {
            m[k] += scale * x[xOff + k];
        }
    }

    @Override
    public void addScaled(short[] j, int jOff, int[] h, int len, int scale) {
        int k = 0;
        int bound = len - LANES;
        for (; k <= bound; k += LANES) {
            IntVector jv = (IntVector) ShortVector.fromArray(SHORT, j, jOff + k).convertShape(VectorOperators.S2I, INT, 0);
            IntVector.fromArray(INT, h, k).add(jv.mul(scale)).intoArray(h, k);
        }
        for (; k < len; k++) {
            h[k] += scale * j[jOff + k];
        }
    }

    @Override
    public String name() {
        return "vector(" + LANES + " int lanes)";
    }
}
