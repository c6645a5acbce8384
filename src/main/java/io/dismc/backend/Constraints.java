package io.dismc.backend;

/**
 * The constraints of a perceptron problem as the training contract sees them (docs/models.md, section
 * 2.1): P examples of N inputs with the labels folded in, xi^mu = y^mu x^mu, stored site-major (row i
 * holds xi_i^1..xi_i^P). The stability of example mu is Delta^mu = w . xi^mu / sqrt(N).
 */
public record Constraints(int n, int p, double[] xi) {
    public Constraints {
        if (n < 1 || p < 1 || (long) n * p != xi.length) {
            throw new IllegalArgumentException("constraints " + n + " x " + p + " need " + (long) n * p + " entries, got " + xi.length);
        }
    }
}
