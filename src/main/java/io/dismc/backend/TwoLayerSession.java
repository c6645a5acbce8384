package io.dismc.backend;

/**
 * Replicas of a two-layer network in training, resident on the backend between calls (see
 * {@link TrainingOps#openTwoLayer}): steps move no data between host and device and allocate nothing;
 * only {@link #snapshot} and {@link #weights} bring numbers back. A session belongs to the thread that
 * opened it (the CUDA backend queues its work on that thread's stream).
 */
public interface TwoLayerSession extends AutoCloseable {
    /** Steps taken so far (0 when opened). */
    int step();

    /** Takes steps until {@link #step()} == target: forward, backward, gradient assembly and update of every replica. */
    void advanceTo(int target);

    /** The weights and the data-term losses at the current step: one transfer. */
    TrainingSnapshot snapshot();

    /** The weights at the current step, one vector per replica: one transfer. */
    float[][] weights();

    /** Releases what the session holds on the backend. */
    @Override
    void close();
}
