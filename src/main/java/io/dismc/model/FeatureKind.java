package io.dismc.model;

/** Distribution of the RFHM feature matrix F entries. */
public enum FeatureKind {
    /** z_i^k = +-1, uniform (the papers' default). */
    BINARY,
    /** z_i^k ~ N(0,1); overlaps and initial states then refer to sign(z^k). */
    GAUSSIAN
}
