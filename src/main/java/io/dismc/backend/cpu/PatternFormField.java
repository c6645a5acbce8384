package io.dismc.backend.cpu;

import io.dismc.backend.cpu.SpinKernels;
import io.dismc.data.SpinMatrix;

/**
 * Pattern form: keeps the integer overlaps M_mu = N m_mu = sum_j xi_j^mu s_j. The field is
 * N h_i = sum_mu xi_i^mu M_mu - P s_i (O(P)); a flip of s_k moves every M_mu by 2 s_k xi_k^mu (O(P)).
 * Mirrors the pattern branch of kernels/async_sweep.cu.
 */
public final class PatternFormField implements LocalField {
    private final byte[] xi;
    private final int n;
    private final int p;
    private final int[] overlaps;
    private final SpinKernels kernels;

    PatternFormField(SpinMatrix patterns, SpinKernels kernels) {
        this.xi = patterns.data();
        this.n = patterns.rows();
        this.p = patterns.cols();
        this.overlaps = new int[p];
        this.kernels = kernels;
    }

    @Override
    public void reset(byte[] s) {
        java.util.Arrays.fill(overlaps, 0);
        for (int j = 0; j < n; j++) {
            kernels.addScaled(xi, j * p, overlaps, p, s[j]);
        }
    }

    @Override
    public int numerator(int i, byte[] s) {
        return kernels.dot(xi, i * p, overlaps, p) - p * s[i];
    }

    @Override
    public void flip(int i, int newSpin) {
        kernels.addScaled(xi, i * p, overlaps, p, 2 * newSpin);
    }

    @Override
    public long sumSpinTimesField(byte[] s) {
        // sum_i s_i (sum_mu xi_i^mu M_mu - P s_i) = sum_mu M_mu^2 - N P
        long sum = 0;
        for (int m : overlaps) {
            sum += (long) m * m;
        }
        return sum - (long) n * p;
    }

    /** The integer overlaps N m_mu (read-only view for tests and observables). */
    public int[] overlaps() {
        return overlaps.clone();
    }
}
