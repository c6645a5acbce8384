package io.dismc.perceptron;

/**
 * The proposal family of {@link HitAndRunSampler}; both draw the new point uniformly on the feasible arc
 * (the connected piece containing the current point) of a circle through it, so both leave the uniform
 * measure on the solution space invariant (docs/models.md 2.2.1).
 */
public enum HitAndRunMove {
    /**
     * The great circle through w in a uniformly random tangent direction u (Annesi et al. 2023, as in
     * the spec's recipe): one P x N matrix-vector product per move, batched over chains.
     */
    GREAT_CIRCLE,
    /**
     * A Gibbs move on a random pair of coordinates (i, j): (w_i, w_j) rotates on its circle of radius
     * sqrt(w_i^2 + w_j^2), the other coordinates fixed. The uniform measure on the sphere conditioned on
     * the other coordinates is uniform in the rotation angle, so uniform sampling on the feasible arc is
     * exact. O(P) per move: N times cheaper than a great-circle move for a comparable displacement
     * (both arcs are limited by the tightest constraint, at slack ~ 1/P).
     */
    PAIR_ROTATION
}
