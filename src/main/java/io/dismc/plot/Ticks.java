package io.dismc.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick positions and labels for linear and logarithmic axes. Labels are plain decimals with a
 * leading zero ("0.05", never ".05"); on a linear axis every label of one axis has the same number
 * of decimals; a log axis with a label far from 1 (below 1e-4 or from 1e6 on) writes all its labels
 * as "10^k" or "m×10^k", where "^" marks a superscript (drawn as superscript digits). Never "1.0E-4".
 */
public final class Ticks {
    /** A tick: position (data units), label (null: a minor tick, a mark without a label). */
    public record Tick(double value, String label) {
        public boolean major() {
            return label != null;
        }
    }

    private static final int[] ALL_MANTISSAS = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int[] ONE_TWO_FIVE = {1, 2, 5};
    private static final int[] DECADES = {1};
    /** Spans (in decades) below this label 1, 2 and 5 in each decade: two decades and the axis margins. */
    static final double ONE_TWO_FIVE_BELOW = 2.3;

    private Ticks() {}

    /** About targetCount labelled ticks at 1, 2 or 5 times a power of ten, inside [lo, hi]. */
    public static List<Tick> linear(double lo, double hi, int targetCount) {
        checkRange(lo, hi);
        BigDecimal step = niceStep((hi - lo) / Math.max(1, targetCount));
        int decimals = Math.max(0, step.stripTrailingZeros().scale());
        List<Tick> out = new ArrayList<>();
        long first = (long) Math.ceil(lo / step.doubleValue() - 1e-9);
        long last = (long) Math.floor(hi / step.doubleValue() + 1e-9);
        for (long k = first; k <= last; k++) {
            BigDecimal v = step.multiply(BigDecimal.valueOf(k));
            out.add(new Tick(v.doubleValue(), v.setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString()));
        }
        return out;
    }

    /**
     * Ticks for a logarithmic axis over [lo, hi] (both positive): decades when the range spans more
     * than about two decades and holds three of them (every second or third decade when there are
     * many), else 1-2-5, else every integer mantissa, and plain linear ticks when even those give
     * fewer than three labels. Unlabelled minor ticks at the other integer mantissas.
     */
    public static List<Tick> log(double lo, double hi, int maxLabels) {
        checkRange(lo, hi);
        if (lo <= 0) {
            throw new IllegalArgumentException("log axis needs a positive range, got [" + lo + ", " + hi + "]");
        }
        double span = Math.log10(hi / lo);
        int[] labelled = mantissas(lo, hi);
        if (labelled == null) {
            return linear(lo, hi, 4);
        }
        int every = 1;
        if (labelled == DECADES) {
            int decades = (int) (Math.floor(Math.log10(hi) + 1e-9) - Math.ceil(Math.log10(lo) - 1e-9)) + 1;
            every = Math.max(1, (int) Math.ceil(decades / (double) Math.max(2, maxLabels)));
        }
        List<Tick> out = new ArrayList<>();
        int e0 = (int) Math.floor(Math.log10(lo)) - 1;
        int e1 = (int) Math.ceil(Math.log10(hi)) + 1;
        boolean minor = span <= 8;
        // one format for the whole axis: plain decimals, or powers of ten when a label is far from 1
        boolean powers = false;
        for (int e = e0; e <= e1; e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) && labelled(labelled, every, m, e) && (e < -4 || e > 5)) {
                    powers = true;
                }
            }
        }
        for (int e = e0; e <= e1; e++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, e);
                if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) {
                    continue;
                }
                if (labelled(labelled, every, m, e)) {
                    out.add(new Tick(v, logLabel(m, e, powers)));
                } else if (minor || m == 1) { // an unlabelled decade always keeps its mark
                    out.add(new Tick(v, null));
                }
            }
        }
        return out;
    }

    /** The labelled mantissas for [lo, hi]; null when even all of them give fewer than three labels. */
    private static int[] mantissas(double lo, double hi) {
        if (Math.log10(hi / lo) >= ONE_TWO_FIVE_BELOW && countLabels(lo, hi, DECADES) >= 3) {
            return DECADES;
        }
        if (countLabels(lo, hi, ONE_TWO_FIVE) >= 3) {
            return ONE_TWO_FIVE;
        }
        return countLabels(lo, hi, ALL_MANTISSAS) >= 3 ? ALL_MANTISSAS : null;
    }

    /** How close (in decades) a labelled value must be to the data's end for the axis to end on it. */
    static final double ROUND_OUT = 0.15;

    /**
     * A log axis range for data in [dataLo, dataHi]: padded by pad decades at each end, then widened
     * to the next labelled value (a decade, or 1-2-5) when that lies within {@link #ROUND_OUT} decades
     * of the data, so both ends carry a label (0.25 to 4 becomes 0.2 to 5).
     */
    public static double[] logRange(double dataLo, double dataHi, double pad) {
        if (!(dataLo > 0) || !(dataHi >= dataLo)) {
            throw new IllegalArgumentException("log range needs positive data, got [" + dataLo + ", " + dataHi + "]");
        }
        double lo = dataLo * Math.pow(10, -pad);
        double hi = dataHi * Math.pow(10, pad);
        int[] m = mantissas(lo, hi);
        if (m == null) {
            return new double[] {lo, hi};
        }
        for (int e = (int) Math.floor(Math.log10(lo)); e >= (int) Math.floor(Math.log10(lo)) - 1; e--) {
            for (int k = m.length - 1; k >= 0; k--) {
                double v = m[k] * Math.pow(10, e);
                if (v < lo && Math.log10(dataLo / v) <= ROUND_OUT) {
                    return new double[] {v, roundUp(dataHi, hi, m)};
                }
                if (v < lo) {
                    return new double[] {lo, roundUp(dataHi, hi, m)};
                }
            }
        }
        return new double[] {lo, roundUp(dataHi, hi, m)};
    }

    private static double roundUp(double dataHi, double hi, int[] m) {
        for (int e = (int) Math.floor(Math.log10(hi)); e <= (int) Math.floor(Math.log10(hi)) + 1; e++) {
            for (int k : m) {
                double v = k * Math.pow(10, e);
                if (v > hi) {
                    return Math.log10(v / dataHi) <= ROUND_OUT ? v : hi;
                }
            }
        }
        return hi;
    }

    private static boolean labelled(int[] mantissas, int every, int m, int e) {
        return contains(mantissas, m) && (m != 1 || Math.floorMod(e, every) == 0);
    }

    private static int countLabels(double lo, double hi, int[] mantissas) {
        int n = 0;
        for (int e = (int) Math.floor(Math.log10(lo)) - 1; e <= (int) Math.ceil(Math.log10(hi)) + 1; e++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, e);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean contains(int[] a, int m) {
        for (int x : a) {
            if (x == m) {
                return true;
            }
        }
        return false;
    }

    /** m × 10^e as a plain decimal, or as "10^e" / "m×10^e". */
    static String logLabel(int m, int e, boolean powers) {
        if (!powers) {
            return BigDecimal.valueOf(m).scaleByPowerOfTen(e).stripTrailingZeros().toPlainString();
        }
        String power = "10^" + e;
        return m == 1 ? power : m + "×" + power;
    }

    /** A single value as a short plain decimal (12 significant digits at most): 0.05, 1, 300, 0.0001. */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** 1, 2 or 5 times a power of ten, whichever is nearest raw on a log scale. */
    static BigDecimal niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            throw new IllegalArgumentException("tick step must be positive and finite, got " + raw);
        }
        int e = (int) Math.floor(Math.log10(raw));
        double f = raw / Math.pow(10, e);
        int m;
        if (f < Math.sqrt(2)) {
            m = 1;
        } else if (f < Math.sqrt(10)) {
            m = 2;
        } else if (f < Math.sqrt(50)) {
            m = 5;
        } else {
            m = 1;
            e++;
        }
        return BigDecimal.valueOf(m).scaleByPowerOfTen(e);
    }

    private static void checkRange(double lo, double hi) {
        if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("axis range must be finite with hi > lo, got [" + lo + ", " + hi + "]");
        }
    }
}
