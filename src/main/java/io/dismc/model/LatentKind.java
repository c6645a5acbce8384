package io.dismc.model;

/** Distribution of the RFHM coefficients c^mu (docs/models.md 1.2.2, 1.3.1). */
public enum LatentKind {
    /** c_k^mu ~ N(0,1). */
    GAUSSIAN,
    /** c_k^mu = sign(N(0,1)); D is made odd so that F c is never 0. */
    BINARY,
    /** Exactly L features per example at random positions, Gaussian weights (docs/models.md 1.3.1). */
    SPARSE
}
