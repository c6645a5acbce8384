package io.dismc.backend.cpu;

import io.dismc.backend.cpu.SpinKernels;

/**
 * J form: keeps all N field numerators N h_i = sum_j (N J_ij) s_j. Reading a field is O(1); a flip of
 * s_k adds 2 s_k (N J_ik) to every field (O(N); J is symmetric, so row k serves as column k).
 * Mirrors the J branch of kernels/async_sweep.cu.
 */
public final class JFormField implements LocalField {
    private final short[] j;
    private final int n;
    private final int[] fields;
    private final SpinKernels kernels;

    JFormField(HebbianCouplings couplings, SpinKernels kernels) {
        this.j = couplings.numerators();
        this.n = couplings.n();
        this.fields = new int[n];
        this.kernels = kernels;
    }

    @Override
    public void reset(byte[] s) {
        java.util.Arrays.fill(fields, 0);
        for (int k = 0; k < n; k++) {
            kernels.addScaled(j, k * n, fields, n, s[k]);
        }
    }

    @Override
    public int numerator(int i, byte[] s) {
        return fields[i];
    }

    @Override
    public void flip(int i, int newSpin) {
        kernels.addScaled(j, i * n, fields, n, 2 * newSpin);
    }

    @Override
    public long sumSpinTimesField(byte[] s) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (long) s[i] * fields[i];
        }
        return sum;
    }
}
