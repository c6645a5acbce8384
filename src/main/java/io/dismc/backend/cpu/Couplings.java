package io.dismc.backend.cpu;

/**
 * How the local field of a Hopfield network is computed (docs/models.md 1.1.2). Both forms give the same
 * integer field numerators N h_i, hence identical trajectories.
 */
public sealed interface Couplings permits PatternCouplings, HebbianCouplings {
    /** Number of spins N. */
    int n();

    /** Number of stored patterns P. */
    int p();
}
