package io.dismc.backend.cpu;

import io.dismc.data.SpinMatrix;

/**
 * Pattern form: N h_i = sum_mu xi_i^mu (N m_mu) - P s_i, with the integer overlaps N m_mu kept
 * incrementally. O(P) per update, no N x N matrix: the cheaper form when P &lt; N.
 */
public record PatternCouplings(SpinMatrix patterns) implements Couplings {
    @Override
    public int n() {
        return patterns.rows();
    }

    @Override
    public int p() {
        return patterns.cols();
    }
}
