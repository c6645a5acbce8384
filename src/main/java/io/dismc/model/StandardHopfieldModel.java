package io.dismc.model;

import io.dismc.data.SpinMatrix;
import io.dismc.backend.Backend;
import io.dismc.rng.RandomStream;

/** Standard Hopfield model (docs/models.md 1.1.1): P i.i.d. uniform +-1 patterns of N spins. */
public final class StandardHopfieldModel {
    private StandardHopfieldModel() {}

    /** Site-major N x P patterns; pattern mu is column mu. */
    public static SpinMatrix patterns(int n, int p, RandomStream stream, Backend backend) {
        return backend.randomSpins(stream, n, p);
    }
}
