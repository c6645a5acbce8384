package io.dismc.amp;

/**
 * The outcome of one instance of a GAMP batch.
 *
 * @param instance    its index in the batch
 * @param trace       the per-iteration record
 * @param estimate    the final a (the last finite iterate if the instance diverged)
 * @param stop        why it stopped
 * @param success     final MSE below the settings' success level
 * @param divergedAt  the iteration whose update was non-finite or blew up, -1 if none
 */
public record AmpResult(int instance, AmpTrace trace, double[] estimate, StopReason stop, boolean success, int divergedAt) {
    public int iterations() {
        return trace.iterations();
    }

    public double finalMse() {
        return trace.mse()[trace.iterations()];
    }

    /** Stopped by the tolerance, the variance floor or fitted labels (not by the cap, not by divergence). */
    public boolean converged() {
        return stop == StopReason.CONVERGED || stop == StopReason.VARIANCE_FLOOR || stop == StopReason.LABELS_FITTED;
    }

    public boolean diverged() {
        return stop == StopReason.DIVERGED;
    }
}
