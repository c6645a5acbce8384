package io.dismc.model;

import io.dismc.backend.Backend;
import io.dismc.backend.SpinStack;
import io.dismc.rng.RandomStream;
import java.util.List;

/** Standard Hopfield model (docs/models.md 1.1.1): P i.i.d. uniform +-1 patterns of N spins. */
public final class StandardHopfieldModel {
    private StandardHopfieldModel() {}

    /** One instance per stream: site-major N x P patterns (pattern mu is column mu), generated on the backend. */
    public static SpinStack patterns(int n, int p, List<RandomStream> streams, Backend backend) {
        return backend.randomSpins(streams, n, p);
    }
}
