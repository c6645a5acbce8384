package io.dismc.experiment;

import io.dismc.params.Param;
import io.dismc.rng.StreamIds;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One parameter point of a sweep: a value for every parameter of the experiment. Its key hashes the
 * experiment name and the canonical text of every value, so a point's random numbers depend on what
 * the point is, not on its position in a list.
 */
public record Point(int index, String experiment, Map<String, Object> values) {
    public Point {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public long key() {
        return keyOf(values.keySet());
    }

    /**
     * Key of the instance alone: the hash of only the named parameters (those that define the
     * disorder), so points differing in, say, the solver or the margin share their instances.
     */
    public long instanceKey(java.util.Collection<String> names) {
        return keyOf(names);
    }

    private long keyOf(java.util.Collection<String> names) {
        StringBuilder sb = new StringBuilder(experiment);
        for (Map.Entry<String, Object> e : new TreeMap<>(values).entrySet()) {
            if (names.contains(e.getKey()) && !unkeyed(e.getKey(), e.getValue())) {
                sb.append(';').append(e.getKey()).append('=').append(canonical(e.getValue()));
            }
        }
        return StreamIds.hash(sb.toString());
    }

    /**
     * Values left out of every key: the folder the data are read from (a moved folder draws the same numbers), and
     * the synthetic dataset of the two-layer experiments (teacher, alias gaussian), their only data before --dataset
     * (and transfer's --source-dataset) existed, so that adding the options moved no stream.
     */
    static boolean unkeyed(String name, Object value) {
        if (name.equals("data-dir")) {
            return true;
        }
        String v = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        return (name.equals("dataset") || name.equals("source-dataset")) && (v.equals("teacher") || v.equals("gaussian"));
    }

    public static String canonical(Object v) {
        return v instanceof Double d ? Double.toString(d) : String.valueOf(v);
    }

    /** This point's value of the parameter, typed. */
    public <T> T get(Param<T> param) {
        return param.value(get(param.name()));
    }

    public boolean has(Param<?> param) {
        return values.containsKey(param.name());
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public String choice(String name) {
        return (String) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("point has no parameter '" + name + "'");
        }
        return v;
    }
}
