package io.dismc.params;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One experiment parameter: a long option whose value is a list (a sweep axis) of integers, reals
 * or choices, each value checked against a range. Lists are comma-separated items; an item may be a
 * range {@code start:stop:step} (inclusive) or a geometric range {@code start:stop:*factor}.
 * Typed: a point's value is read as a T ({@code point.get(ALPHA)} is a double), while the value a
 * point stores, hashes and prints stays the parsed Integer, Double or lower-case String.
 *
 * @param <T> Integer, Double, String, or an enum for a choice of an enum's constants
 */
public final class Param<T> {

    public enum Kind { INT, REAL, CHOICE }

    private final String name;
    private final Kind kind;
    private final String defaultValue;
    private final double min;
    private final boolean minInclusive;
    private final double max;
    private final boolean maxInclusive;
    private final List<String> choices;
    private final String help;
    private final Class<T> type;

    private Param(String name, Kind kind, String defaultValue, double min, boolean minInclusive, double max, boolean maxInclusive,
                  List<String> choices, String help, Class<T> type) {
        this.name = name;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = min;
        this.minInclusive = minInclusive;
        this.max = max;
        this.maxInclusive = maxInclusive;
        this.choices = List.copyOf(choices);
        this.help = help;
        this.type = type;
    }

    public static Param<Integer> integer(String name, String def, long min, long max, String help) {
        return new Param<>(name, Kind.INT, def, min, true, max, true, List.of(), help, Integer.class);
    }

    public static Param<Double> real(String name, String def, double min, boolean minInclusive, double max, boolean maxInclusive,
                                     String help) {
        return new Param<>(name, Kind.REAL, def, min, minInclusive, max, maxInclusive, List.of(), help, Double.class);
    }

    public static Param<String> choice(String name, String def, List<String> choices, String help) {
        return new Param<>(name, Kind.CHOICE, def, 0, true, 0, true, choices, help, String.class);
    }

    /**
     * Free text (a name or a path), kept as written: a choice with no fixed list. Commas still separate the
     * values of a sweep.
     */
    public static Param<String> text(String name, String def, String help) {
        return new Param<>(name, Kind.CHOICE, def, 0, true, 0, true, List.of(), help, String.class);
    }

    /** Whether this is free text ({@link #text}) rather than a choice from a list. */
    public boolean freeText() {
        return kind == Kind.CHOICE && choices.isEmpty() && type == String.class;
    }

    /** A choice among an enum's constants, written in lower case with dashes (GAUSS_BERNOULLI: gauss-bernoulli). */
    public static <E extends Enum<E>> Param<E> choice(String name, String def, Class<E> type, String help) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Param::optionName).toList();
        return new Param<>(name, Kind.CHOICE, def, 0, true, 0, true, names, help, type);
    }

    static String optionName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public List<String> choices() {
        return choices;
    }

    public String help() {
        return help;
    }

    public double min() {
        return min;
    }

    public boolean minInclusive() {
        return minInclusive;
    }

    public double max() {
        return max;
    }

    public boolean maxInclusive() {
        return maxInclusive;
    }

    /** The typed value of a stored one (an Integer, Double or choice String). */
    @SuppressWarnings("unchecked")
    public T value(Object stored) {
        if (type.isEnum()) {
            for (T c : type.getEnumConstants()) {
                if (optionName((Enum<?>) c).equals(stored)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("--" + name + ": '" + stored + "' is none of " + choices);
        }
        return (T) stored;
    }

    /** Human-readable accepted range, used in every error about this parameter. */
    public String accepted() {
        return switch (kind) {
            case CHOICE -> freeText() ? "any text (a name or a path)" : "one of " + String.join(", ", choices);
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
        if (freeText()) {
            return ((String) value).trim();
        }
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

    /** Parameters are the same when their names are: a point holds one value per name. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Param<?> p && p.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return "--" + name;
    }
}
