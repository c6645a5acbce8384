package io.dismc.run;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Units done / total with rate and ETA on stderr: redrawn in place on a terminal, as a plain line
 * every 30 s otherwise (logs stay readable), nothing when quiet.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private boolean closed;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    public static Progress start(String task, long total, long alreadyDone, boolean quiet) {
        if (quiet) {
            return new Progress(null);
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" units", 1)
                .setStyle(ProgressBarStyle.ASCII).showSpeed();
        if (stderrIsTerminal()) {
            b.setConsumer(new ConsoleProgressBarConsumer(System.err, 100)).setUpdateIntervalMillis(500);
        } else {
            b.setConsumer(new DelegatingProgressBarConsumer(System.err::println, 100)).setUpdateIntervalMillis(30_000);
        }
        ProgressBar bar = b.build();
        if (alreadyDone > 0) {
            bar.stepTo(alreadyDone);
        }
        return new Progress(bar);
    }

    /** The launcher exports DISMC_STDERR_TTY; without it, fall back on whether the JVM has a console. */
    static boolean stderrIsTerminal() {
        String env = System.getenv("DISMC_STDERR_TTY");
        if (env != null) {
            return env.equals("1");
        }
        return System.console() != null;
    }

    public synchronized void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null && !closed) {
            closed = true;
            bar.close();
        }
    }
}
