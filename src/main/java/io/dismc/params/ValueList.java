package io.dismc.params;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses an option value into the list of values of a {@link Param}. */
public final class ValueList {
    /** A sweep axis longer than this is almost certainly a typo in a range. */
    public static final int MAX_VALUES = 100_000;

    private ValueList() {}

    public static List<Object> parse(Param<?> param, String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw UsageError.option(param.name(), "empty value", param.accepted());
        }
        List<Object> out = new ArrayList<>();
        for (String item : trimmed.split(",", -1)) {
            String it = item.trim();
            if (it.isEmpty()) {
                throw UsageError.option(param.name(), "empty item in list '" + text + "'", param.accepted());
            }
            if (param.kind() == Param.Kind.CHOICE) {
                out.add(param.check(it));
            } else if (it.contains(":")) {
                for (Object v : range(param, it)) {
                    out.add(param.check(v));
                }
            } else {
                out.add(param.check(number(param, it)));
            }
            if (out.size() > MAX_VALUES) {
                throw UsageError.option(param.name(), "more than " + MAX_VALUES + " values", param.accepted());
            }
        }
        // a value listed twice would run the same points twice: only ever a slip
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Object v : out) {
            String c = v instanceof Double d ? Double.toString(d) : String.valueOf(v);
            if (!seen.add(c)) {
                throw UsageError.option(param.name(), c + " is listed more than once in '" + text + "'",
                        "each value once; " + param.accepted());
            }
        }
        return out;
    }

    private static Object number(Param<?> param, String s) {
        try {
            if (param.kind() == Param.Kind.INT) {
                double d = new BigDecimal(s).doubleValue();
                if (d != Math.rint(d) || Math.abs(d) > Long.MAX_VALUE / 2.0) {
                    throw UsageError.option(param.name(), "'" + s + "' is not an integer", param.accepted());
                }
                long v = new BigDecimal(s).longValueExact();
                if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                    throw UsageError.option(param.name(), "'" + s + "' is out of range", param.accepted());
                }
                return (int) v;
            }
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d) || s.toLowerCase(Locale.ROOT).contains("x")) {
                throw UsageError.option(param.name(), "'" + s + "' is not a finite number", param.accepted());
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw UsageError.option(param.name(), "'" + s + "' is not a number", param.accepted());
        }
    }

    /** start:stop:step (inclusive, with a tolerance of 1e-9 steps) or start:stop:*factor. */
    private static List<Object> range(Param<?> param, String item) {
        String[] parts = item.split(":", -1);
        if (parts.length != 3) {
            throw UsageError.option(param.name(), "range '" + item + "' must be start:stop:step", param.accepted());
        }
        boolean geometric = parts[2].trim().startsWith("*");
        Object a = number(param, parts[0].trim());
        Object b = number(param, parts[1].trim());
        double start = ((Number) a).doubleValue();
        double stop = ((Number) b).doubleValue();
        List<Object> out = new ArrayList<>();
        if (geometric) {
            double factor = ((Number) number(Param.real(param.name(), "", 0, false, Double.MAX_VALUE, true, ""),
                    parts[2].trim().substring(1))).doubleValue();
            if (!(factor > 1)) {
                throw UsageError.option(param.name(), "geometric range factor must be > 1 in '" + item + "'", param.accepted());
            }
            if (!(start > 0) || stop < start) {
                throw UsageError.option(param.name(), "geometric range '" + item + "' needs 0 < start <= stop", param.accepted());
            }
            for (int i = 0; ; i++) {
                double v = start * Math.pow(factor, i);
                if (v > stop * (1 + 1e-9)) {
                    break;
                }
                out.add(param.kind() == Param.Kind.INT ? (Object) (int) Math.round(v) : (Object) roundTo12(v));
                if (out.size() > MAX_VALUES) {
                    throw UsageError.option(param.name(), "range '" + item + "' has more than " + MAX_VALUES + " values", param.accepted());
                }
            }
            return out;
        }
        double step = ((Number) number(param, parts[2].trim())).doubleValue();
        if (!(step > 0)) {
            throw UsageError.option(param.name(), "range step must be > 0 in '" + item + "'", param.accepted());
        }
        if (stop < start) {
            throw UsageError.option(param.name(), "range '" + item + "' is empty (stop < start)", param.accepted());
        }
        double count = Math.floor((stop - start) / step + 1e-9);
        if (count + 1 > MAX_VALUES) {
            throw UsageError.option(param.name(), "range '" + item + "' has more than " + MAX_VALUES + " values", param.accepted());
        }
        for (int i = 0; i <= (int) count; i++) {
            double v = start + i * step;
            out.add(param.kind() == Param.Kind.INT ? (Object) (int) Math.round(v) : (Object) roundTo12(v));
        }
        return out;
    }

    /** 0.05 + 3 * 0.01 should print and hash as 0.08, not 0.08000000000000002. */
    private static double roundTo12(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }
}
