package io.dismc.plot;

import java.util.List;

/**
 * One axis of a panel: its label, range (data units), scale and ticks.
 *
 * @param label axis title
 * @param lo    value at the low end
 * @param hi    value at the high end
 * @param log   logarithmic scale
 * @param ticks labelled and minor ticks, all inside [lo, hi]
 */
public record Axis(String label, double lo, double hi, boolean log, List<Ticks.Tick> ticks) {
    /** Approximate labelled ticks on a linear axis; at most this many labelled decades on a log axis. */
    static final int LINEAR_TICKS = 6;
    static final int MAX_DECADE_LABELS = 8;
    /** Margin around the data: a fraction of the range (of its logarithm on a log axis). */
    static final double PAD = 0.05;

    public Axis {
        ticks = List.copyOf(ticks);
    }

    /** Position of v along the axis, 0 at lo and 1 at hi. */
    public double fraction(double v) {
        return log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
    }

    /** The labels of the labelled ticks, in order. */
    public List<String> labels() {
        return ticks.stream().filter(Ticks.Tick::major).map(Ticks.Tick::label).toList();
    }

    /**
     * An axis spanning the given values with a small margin. On a log axis non-positive values are
     * left out of the range (an error bar reaching below zero is cut at the axis).
     */
    public static Axis fit(String label, double[] values, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) { // nothing to show: a unit range
            lo = log ? 0.1 : 0;
            hi = 1;
        }
        if (log) {
            double[] r = Ticks.logRange(lo, hi, Math.max(PAD * Math.log10(hi / lo), 0.05));
            return new Axis(label, r[0], r[1], true, Ticks.log(r[0], r[1], MAX_DECADE_LABELS));
        }
        boolean nonNegative = lo >= 0;
        boolean nonPositive = hi <= 0 && lo < 0;
        double pad = PAD * (hi - lo);
        if (pad == 0 && lo == 0) { // all zero (a training error, say): the unit scale of errors and fractions
            hi = 1;
            pad = PAD;
        } else if (pad == 0) { // one value: a window around it
            pad = 0.1 * Math.abs(lo);
        }
        lo -= pad;
        hi += pad;
        // the margin may cross zero; data of one sign keep labels of that sign (no "-0.02" under errors)
        List<Ticks.Tick> ticks = Ticks.linear(lo, hi, LINEAR_TICKS).stream()
                .filter(t -> !(nonNegative && t.value() < 0) && !(nonPositive && t.value() > 0)).toList();
        return new Axis(label, lo, hi, false, ticks);
    }
}
