package io.dismc.backend.cpu;

/** Called after every sweep (tests use it to check invariants sweep by sweep). */
@FunctionalInterface
public interface SweepObserver {
    SweepObserver NONE = (sweep, spins, flips, field) -> {};

    void afterSweep(int sweep, byte[] spins, int flips, LocalField field);
}
