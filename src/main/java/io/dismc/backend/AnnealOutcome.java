package io.dismc.backend;

/**
 * One replica's simulated annealing of a binary perceptron: its final +-1 weights, the violated
 * constraints left (0: solved) and the single-weight moves attempted.
 */
public record AnnealOutcome(byte[] weights, int violated, long steps) {
    public boolean solved() {
        return violated == 0;
    }
}
