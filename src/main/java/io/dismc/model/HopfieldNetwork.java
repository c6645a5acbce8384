package io.dismc.model;

import io.dismc.data.SpinMatrix;
import io.dismc.backend.Backend;

/** Hebbian storage of a set of patterns, in the local-field form chosen by cost (docs/models.md 1.1.2). */
public final class HopfieldNetwork {
    private HopfieldNetwork() {}

    public static Couplings store(SpinMatrix patterns, FieldForm form, Backend backend) {
        return switch (form.resolve(patterns.rows(), patterns.cols())) {
            case PATTERN -> new PatternCouplings(patterns);
            case J -> backend.hebbian(patterns);
            case AUTO -> throw new IllegalStateException("resolve() never returns AUTO");
        };
    }
}
