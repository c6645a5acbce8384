package io.dismc.backend;

import io.dismc.backend.cpu.Couplings;

/**
 * The disorder the dynamics relaxes on, in one of its two exact local-field forms (docs/models.md
 * 1.1.2): the patterns themselves (pattern form, O(P) per update) or their Hebbian couplings (J form,
 * O(N) per flip). Each instance of the stack is one network.
 */
public sealed interface Network extends AutoCloseable {
    int count();

    int n();

    int p();

    /** Pattern form: fields from the integer overlaps with the patterns. Closing leaves the patterns open. */
    record Patterns(SpinStack patterns) implements Network {
        public int count() {
            return patterns.count();
        }

        public int n() {
            return patterns.rows();
        }

        public int p() {
            return patterns.cols();
        }

        @Override
        public void close() {}
    }

    /** J form: fields kept from the Hebbian couplings, which this network owns. */
    record Couplings(CouplingStack couplings) implements Network {
        public int count() {
            return couplings.count();
        }

        public int n() {
            return couplings.n();
        }

        public int p() {
            return couplings.p();
        }

        @Override
        public void close() {
            couplings.close();
        }
    }

    @Override
    void close();
}
