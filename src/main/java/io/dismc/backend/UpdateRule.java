package io.dismc.backend;

/**
 * Single-spin update at temperature T &gt; 0 (docs/models.md 1.1.3). At T = 0 both reduce to s_i = sign(h_i),
 * a spin with zero field keeping its value.
 */
public enum UpdateRule {
    /** Heat bath: s_i = +1 with probability 1 / (1 + exp(-2 beta h_i)). */
    GLAUBER,
    /** Flip with probability min(1, exp(-beta dE)), dE = 2 s_i h_i. */
    METROPOLIS
}
