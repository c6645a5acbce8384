package io.dismc.backend.cpu;

import io.dismc.backend.cpu.SpinKernels;

/**
 * Incrementally maintained local fields of a Hopfield network, in integer numerators N h_i so that
 * the J form and the pattern form agree exactly (docs/models.md 1.1.2).
 */
public interface LocalField {
    /** Recomputes the internal state from scratch for spins s. */
    void reset(byte[] s);

    /** N h_i for the current spins s. */
    int numerator(int i, byte[] s);

    /** Spin i has just been set to newSpin (it was -newSpin). */
    void flip(int i, int newSpin);

    /** sum_i s_i (N h_i) = -2 N E for the current spins. */
    long sumSpinTimesField(byte[] s);

    static LocalField of(Couplings couplings, SpinKernels kernels) {
        if (couplings instanceof PatternCouplings pc) {
            return new PatternFormField(pc.patterns(), kernels);
        }
        return new JFormField((HebbianCouplings) couplings, kernels);
    }

    /** Energy per spin E/N from the field sum. */
    static double energyPerSpin(long sumSpinTimesField, int n) {
        return -0.5 * sumSpinTimesField / ((double) n * n);
    }
}
