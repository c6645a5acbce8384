package io.dismc.experiment;

import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.List;

/** Helpers for computing a batch of units together: one stream per unit, the identity map from replicas to instances. */
final class Batch {
    private Batch() {}

    /** Stream (purpose, replica) of every unit of the batch, in batch order. */
    static List<RandomStream> streams(List<Unit> batch, Purpose purpose, long replica) {
        List<RandomStream> out = new ArrayList<>(batch.size());
        for (Unit u : batch) {
            out.add(u.stream(purpose, replica));
        }
        return out;
    }

    /** 0, 1, ..., count - 1: replica r runs on instance r. */
    static int[] identity(int count) {
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = k;
        }
        return out;
    }
}
