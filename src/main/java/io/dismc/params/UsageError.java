package io.dismc.params;

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

    /**
     * The same for what a command names: an option (resume, out, ...) or the command's own argument
     * (plot DIR, merge DIR...), which carries no dashes.
     */
    public static UsageError about(String optionOrCommand, String problem, String accepted) {
        boolean command = optionOrCommand.equals("plot") || optionOrCommand.equals("merge");
        return new UsageError((command ? "" : "--") + optionOrCommand + ": " + problem + " (accepted: " + accepted + ")");
    }
}
