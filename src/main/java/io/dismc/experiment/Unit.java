package io.dismc.experiment;

import io.dismc.params.Param;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds;
import io.dismc.rng.StreamIds.Purpose;

/**
 * The unit of work: one parameter point and one disorder sample. Everything a unit computes comes
 * from {@link #stream}, addressed by its own coordinates, so units run in any order, on any thread
 * or backend, and can be redone alone.
 */
public record Unit(Point point, int sample, long seed) {
    public RandomStream stream(Purpose purpose, long replica) {
        return new RandomStream(seed, StreamIds.of(point.key(), sample, purpose, replica));
    }

    public RandomStream stream(Purpose purpose) {
        return stream(purpose, 0);
    }

    /** A stream keyed by the instance-defining parameters only (see {@link Point#instanceKey}). */
    public RandomStream instanceStream(java.util.List<Param<?>> instanceParams, Purpose purpose, long replica) {
        java.util.List<String> names = instanceParams.stream().map(Param::name).toList();
        return new RandomStream(seed, StreamIds.of(point.instanceKey(names), sample, purpose, replica));
    }
}
