package io.dismc.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM (kill, Slurm's pre-emption) while a run computes: the session records
 * what it has and exits with 128 + the signal's number, 130 or 143, as shells expect. Only the
 * command-line process installs handlers ({@link #enable}); a run inside a test JVM leaves the
 * JVM's signals alone.
 */
public final class Interrupts {
    private static volatile boolean enabled;

    private Interrupts() {}

    /** Handlers installed for a while; closing restores the previous ones. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Called once by Main.main: this JVM is the dismc process the user may interrupt. */
    public static void enable() {
        enabled = true;
    }

    /**
     * While the returned handle is open, SIGINT and SIGTERM call action(signal name, exit code) on the
     * JVM's signal thread; the action is expected to end the process.
     */
    public static Registration onSignal(BiConsumer<String, Integer> action) {
        if (!enabled) {
            return () -> {};
        }
        List<Signal> signals = List.of(new Signal("INT"), new Signal("TERM"));
        List<SignalHandler> previous = new ArrayList<>();
        for (Signal s : signals) {
            int code = 128 + s.getNumber();
            previous.add(Signal.handle(s, sig -> action.accept("SIG" + sig.getName(), code)));
        }
        return () -> {
            for (int k = 0; k < signals.size(); k++) {
                Signal.handle(signals.get(k), previous.get(k));
            }
        };
    }
}
