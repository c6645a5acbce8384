package io.dismc.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Units done / total with rate and ETA on stderr. On a terminal: a bar redrawn in place (progressbar
 * library). Otherwise (a log, a pipe, a Slurm output file): one plain line every 30 s, so logs stay
 * readable and short runs print nothing. Quiet: nothing.
 */
public final class Progress implements AutoCloseable {
    static final long LOG_PERIOD_SECONDS = 30;

    private final ProgressBar bar;
    private final ScheduledExecutorService logger;
    private final AtomicLong done;
    private boolean closed;

    private Progress(ProgressBar bar, ScheduledExecutorService logger, AtomicLong done) {
        this.bar = bar;
        this.logger = logger;
        this.done = done;
    }

    public static Progress start(String task, long total, long alreadyDone, boolean quiet) {
        AtomicLong done = new AtomicLong(alreadyDone);
        if (quiet) {
            return new Progress(null, null, done);
        }
        if (stderrIsTerminal()) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" units", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, 100)).build();
            if (alreadyDone > 0) {
                bar.stepTo(alreadyDone);
            }
            return new Progress(bar, null, done);
        }
        ScheduledExecutorService logger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dismc-progress");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        PrintStream err = System.err;
        logger.scheduleAtFixedRate(() -> err.println(line(task, done.get() - alreadyDone, done.get(), total,
                (System.nanoTime() - t0) * 1e-9)), LOG_PERIOD_SECONDS, LOG_PERIOD_SECONDS, TimeUnit.SECONDS);
        return new Progress(null, logger, done);
    }

    /** "rfhm: 40/224 units (17.9%), 3.20 units/s, ETA 0:00:57" */
    static String line(String task, long doneHere, long done, long total, double seconds) {
        double rate = doneHere / Math.max(seconds, 1e-9);
        String eta = rate > 0 ? hms((long) ((total - done) / rate)) : "?";
        return String.format(Locale.ROOT, "%s: %d/%d units (%.1f%%), %.2f units/s, ETA %s", task, done, total,
                100.0 * done / Math.max(total, 1), rate, eta);
    }

    static String hms(long s) {
        Duration d = Duration.ofSeconds(s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
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
        done.incrementAndGet();
        if (bar != null && !closed) {
            bar.step();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar != null) {
            bar.close();
        }
        if (logger != null) {
            logger.shutdownNow();
        }
    }
}
