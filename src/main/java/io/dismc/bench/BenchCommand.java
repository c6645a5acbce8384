package io.dismc.bench;

import java.io.PrintStream;

/** Placeholder until the benchmark lands. */
public final class BenchCommand {
    private BenchCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        out.println("bench: not yet");
        return 0;
    }
}
