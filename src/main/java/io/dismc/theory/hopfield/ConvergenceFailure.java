package io.dismc.theory.hopfield;

/**
 * A solver of this package hit its iteration cap or lost its bracket. This is a numerical failure, not a
 * statement about the physics: where a replica-symmetric solution does not exist the solvers say so with
 * an empty {@link java.util.Optional} or NaN, never with this exception.
 */
public final class ConvergenceFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ConvergenceFailure(String message) {
        super(message);
    }

    public ConvergenceFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
