package io.dismc.backend;

/**
 * Hebbian couplings of a batch of networks, resident on the backend: for each instance the exact
 * numerators N J_ij = sum_mu xi_i^mu xi_j^mu as N x N 16-bit integers, diagonal zero (so P may not
 * exceed {@link #MAX_P}).
 */
public interface CouplingStack extends AutoCloseable {
    int MAX_P = Short.MAX_VALUE;

    int count();

    int n();

    int p();

    @Override
    void close();
}
