package io.dismc.dynamics;

import io.dismc.rng.RandomStream;

/** One independent run of the dynamics: its initial spins and its own random stream. */
public record Replica(byte[] initial, RandomStream stream) {}
