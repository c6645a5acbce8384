package io.dismc.perceptron;

/**
 * What a solver reports: final weights, whether they solve the instance (no violated constraint at
 * the target margin), the number of steps taken (attempted flips for SA, gradient steps, proposals)
 * and the violated constraints left (-1 when not applicable: an infeasible linear program has no w).
 */
public record SolverOutcome(double[] weights, boolean solved, long steps, int violations) {
    /** An annealed binary solution as the solvers report it. */
    public static SolverOutcome of(io.dismc.backend.AnnealOutcome a) {
        double[] w = new double[a.weights().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = a.weights()[i];
        }
        return new SolverOutcome(w, a.solved(), a.steps(), a.violated());
    }
}
