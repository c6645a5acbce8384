package io.dismc.run;

import io.dismc.params.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, before any work starts, a run whose units cannot fit in this JVM's heap: the largest
 * unit's estimate ({@link Experiment#memoryBytes}) times the units computed at once (one per thread),
 * plus a margin for the JVM itself. The message gives the estimate and what would fit.
 */
public final class MemoryBudget {
    /** Room for the JVM, the journal, the outputs and the estimates' slack. */
    static final long BASE_BYTES = 96L << 20;
    /** Arrays this large are humongous objects the collector must place contiguously: plan for only this fraction of the heap. */
    static final double USABLE = 0.6;

    private MemoryBudget() {}

    public static void check(Experiment<?> e, List<Point> points, int concurrentUnits, long heapBytes) {
        if (points.isEmpty()) {
            return;
        }
        Point largest = points.get(0);
        long unit = 0;
        for (Point p : points) {
            long b = e.memoryBytes(p);
            if (b > unit) {
                unit = b;
                largest = p;
            }
        }
        long usable = (long) (heapBytes * USABLE) - BASE_BYTES;
        int atOnce = Math.max(1, concurrentUnits);
        if (unit * atOnce <= usable) {
            return;
        }
        String what = String.format(Locale.ROOT, "a unit of %s at %s needs about %s", e.name(), describe(e, largest), gib(unit));
        String heap = "this JVM's heap is " + gib(heapBytes);
        String heapAllows = "this JVM's " + gib(heapBytes) + " heap allows";
        long fits = usable / Math.max(unit, 1);
        if (fits >= 1) {
            throw UsageError.option("threads", what + "; " + atOnce + " at once need " + gib(unit * atOnce) + " and " + heap,
                    "--threads " + fits + " or fewer for this sweep, or a larger heap: DISMC_JAVA_OPTS=-Xmx"
                            + Math.max(1, (long) Math.ceil((unit * atOnce + BASE_BYTES) / USABLE / (1L << 30))) + "g");
        }
        throw UsageError.option(e.sizeParameter(), what + ", more than " + heapAllows,
                "a smaller --" + e.sizeParameter() + " (or load), or a larger heap: DISMC_JAVA_OPTS=-Xmx"
                        + Math.max(1, (long) Math.ceil((unit + BASE_BYTES) / USABLE / (1L << 30))) + "g where the machine has it");
    }

    /** The estimate of the largest unit of these points. */
    public static long largestUnit(Experiment<?> e, List<Point> points) {
        long unit = 0;
        for (Point p : points) {
            unit = Math.max(unit, e.memoryBytes(p));
        }
        return unit;
    }

    /** The most heap the JVM has held in use so far (sum of the heap pools' peaks). */
    public static long peakHeapUsed() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static String describe(Experiment<?> e, Point p) {
        // the leading numeric parameters: the sizes and loads that set a unit's memory
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (var en : p.values().entrySet()) {
            if (en.getValue() instanceof Number && shown++ < 3) {
                sb.append(sb.length() == 0 ? "" : ", ").append(en.getKey()).append(" = ").append(Point.canonical(en.getValue()));
            }
        }
        return sb.toString();
    }

    public static String gib(long bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }
}
