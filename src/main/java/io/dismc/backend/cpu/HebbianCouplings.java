package io.dismc.backend.cpu;

/**
 * J form: the Hebbian numerators N J_ij = sum_mu xi_i^mu xi_j^mu (exact integers, |value| &lt;= P),
 * diagonal zero, stored as an N x N row-major short matrix (so P must stay below 32768). The local
 * fields N h_i are kept incrementally: O(N) per flip.
 */
public record HebbianCouplings(int n, int p, short[] numerators) implements Couplings {
    public static final int MAX_P = Short.MAX_VALUE;

    public HebbianCouplings {
        if ((long) n * n != numerators.length) {
            throw new IllegalArgumentException("Hebbian couplings for N=" + n + " need N*N entries");
        }
        if (p > MAX_P) {
            throw new IllegalArgumentException("J form stores N J_ij in 16 bits: P must be <= " + MAX_P + ", got " + p);
        }
    }

    public int get(int i, int j) {
        return numerators[i * n + j];
    }
}
