package io.dismc.amp;

/**
 * Why an instance stopped: the tolerance on the change of a, the variance floor, every label fitted by
 * sign(F a) (sign channels, when asked), the iteration cap, or divergence.
 */
public enum StopReason {
    CONVERGED, VARIANCE_FLOOR, LABELS_FITTED, MAX_ITERATIONS, DIVERGED
}
