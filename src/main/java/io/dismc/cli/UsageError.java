package io.dismc.cli;

/**
 * Bad input from the user: printed as one line and exit code 2, never a stack trace. The message
 * names the option and what it accepts.
 */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message, null, false, false);
    }

    public static UsageError option(String option, String problem, String accepted) {
        return new UsageError("--" + option + ": " + problem + " (accepted: " + accepted + ")");
    }
}
