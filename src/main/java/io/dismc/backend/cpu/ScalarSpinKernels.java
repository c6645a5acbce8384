package io.dismc.backend.cpu;

/** Plain loops: the reference the vector kernels are tested against, and the fallback. */
final class ScalarSpinKernels implements SpinKernels {
    static final ScalarSpinKernels INSTANCE = new ScalarSpinKernels();

    @Override
    public int dot(byte[] x, int xOff, int[] m, int len) {
        int s = 0;
        for (int k = 0; k < len; k++) {
            s += x[xOff + k] * m[k];
        }
        return s;
    }

    @Override
    public void addScaled(byte[] x, int xOff, int[] m, int len, int scale) {
        for (int k = 0; k < len; k++) {
            m[k] += scale * x[xOff + k];
        }
    }

    @Override
    public void addScaled(short[] j, int jOff, int[] h, int len, int scale) {
        for (int k = 0; k < len; k++) {
            h[k] += scale * j[jOff + k];
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
