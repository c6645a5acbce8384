package io.dismc.backend.cpu;

/**
 * Outcome of one replica's dynamics: final spins, sweeps done, whether it stopped at a fixed point,
 * total flips, and the final energy per spin E/N with E = -(1/2) sum_{i!=j} J_ij s_i s_j.
 */
public record Relaxation(byte[] state, int sweeps, boolean converged, long flips, double energyPerSpin) {}
