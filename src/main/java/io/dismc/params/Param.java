package io.dismc.params;

import java.util.List;
import java.util.Locale;

/**
 * One experiment parameter: a long option whose value is a list (a sweep axis) of integers, reals
 * or choices, each value checked against a range. Lists are comma-separated items; an item may be a
 * range {@code start:stop:step} (inclusive) or a geometric range {@code start:stop:*factor}.
 */
public record Param(String name, Kind kind, String defaultValue, double min, boolean minInclusive,
                    double max, boolean maxInclusive, List<String> choices, String help) {

    public enum Kind { INT, REAL, CHOICE }

    public static Param integer(String name, String def, long min, long max, String help) {
        return new Param(name, Kind.INT, def, min, true, max, true, List.of(), help);
    }

    public static Param real(String name, String def, double min, boolean minInclusive, double max, boolean maxInclusive, String help) {
        return new Param(name, Kind.REAL, def, min, minInclusive, max, maxInclusive, List.of(), help);
    }

    public static Param choice(String name, String def, List<String> choices, String help) {
        return new Param(name, Kind.CHOICE, def, 0, true, 0, true, choices, help);
    }

    /** Human-readable accepted range, used in every error about this parameter. */
    public String accepted() {
        return switch (kind) {
            case CHOICE -> "one of " + String.join(", ", choices);
            case INT -> "integers in [" + fmt(min) + ", " + fmt(max) + "]" + LIST_HINT_INT;
            case REAL -> "reals in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxInclusive ? "]" : ")")
                    + LIST_HINT_REAL;
        };
    }

    private static final String LIST_HINT_INT = ", as a list like 1000,2000 or a range 1000:4000:1000";
    private static final String LIST_HINT_REAL = ", as a list like 0.05,0.1 or a range 0.05:0.2:0.01";

    static String fmt(double v) {
        if (v == Double.MAX_VALUE || Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    /** Checks one parsed value; throws a UsageError naming this option otherwise. */
    public Object check(Object value) {
        if (kind == Kind.CHOICE) {
            String s = ((String) value).toLowerCase(Locale.ROOT);
            if (!choices.contains(s)) {
                throw UsageError.option(name, "unknown value '" + value + "'", accepted());
            }
            return s;
        }
        double v = ((Number) value).doubleValue();
        boolean low = minInclusive ? v >= min : v > min;
        boolean high = maxInclusive ? v <= max : v < max;
        if (!low || !high) {
            throw UsageError.option(name, fmtValue(value) + " is out of range", accepted());
        }
        return value;
    }

    private String fmtValue(Object v) {
        return v instanceof Double d ? fmt(d) : String.valueOf(v);
    }
}
