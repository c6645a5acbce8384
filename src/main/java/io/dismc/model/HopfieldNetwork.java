package io.dismc.model;

import io.dismc.backend.Backend;
import io.dismc.backend.Network;
import io.dismc.backend.SpinStack;

/** Hebbian storage of patterns, in the local-field form chosen by cost (docs/models.md 1.1.2), on the backend. */
public final class HopfieldNetwork {
    private HopfieldNetwork() {}

    /** The network of every instance of the stack; the patterns stay owned by the caller. */
    public static Network store(SpinStack patterns, FieldForm form, Backend backend) {
        return switch (form.resolve(patterns.rows(), patterns.cols())) {
            case PATTERN -> new Network.Patterns(patterns);
            case J -> new Network.Couplings(backend.hebbian(patterns));
            case AUTO -> throw new IllegalStateException("resolve() never returns AUTO");
        };
    }
}
