package io.dismc.backend;

/**
 * What one replica's relaxation did: sweeps done, whether it stopped at a fixed point, total flips,
 * and the final energy per spin E/N with E = -(1/2) sum_{i!=j} J_ij s_i s_j. Its final spins stay in
 * the state stack.
 */
public record RelaxationStats(int sweeps, boolean converged, long flips, double energyPerSpin) {}
