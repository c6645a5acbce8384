package io.dismc.experiment;

import io.dismc.data.NdArray;
import io.dismc.params.Param;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything constant about an experiment, declared once: its name and title, its parameters, the
 * default sample count, what the table and the figure show, and its observables, which are the
 * components of its result record R. A result record lists every observable, so the compiler
 * refuses a unit that forgets one; scalar components (double, int, long, boolean) are columns of
 * results.csv, {@link NdArray} components are array observables (one .npy per unit).
 *
 * @param sizeParameter the parameter that sets a unit's size (named when a unit does not fit in memory)
 */
public record Descriptor<R extends Record>(String name, String title, List<Param<?>> params, int defaultSamples,
                                           Class<R> result, List<String> table, Figure figure, String sizeParameter) {

    public Descriptor {
        params = List.copyOf(params);
        table = List.copyOf(table);
        List<String> observables = scalarNames(result);
        for (String t : table) {
            if (!observables.contains(t)) {
                throw new IllegalArgumentException(name + ": table column " + t + " is not an observable of " + result.getSimpleName());
            }
        }
    }

    public static <R extends Record> Descriptor<R> of(String name, Class<R> result) {
        return new Descriptor<>(name, "", List.of(), 1, result, List.of(), null, "n");
    }

    public Descriptor<R> title(String t) {
        return new Descriptor<>(name, t, params, defaultSamples, result, table, figure, sizeParameter);
    }

    public Descriptor<R> params(List<Param<?>> p) {
        return new Descriptor<>(name, title, p, defaultSamples, result, table, figure, sizeParameter);
    }

    public Descriptor<R> params(Param<?>... p) {
        return params(List.of(p));
    }

    public Descriptor<R> samples(int s) {
        return new Descriptor<>(name, title, params, s, result, table, figure, sizeParameter);
    }

    /** The observables the terminal table shows (all scalar observables when none are named). */
    public Descriptor<R> table(String... observables) {
        return new Descriptor<>(name, title, params, defaultSamples, result, List.of(observables), figure, sizeParameter);
    }

    public Descriptor<R> figure(Figure f) {
        return new Descriptor<>(name, title, params, defaultSamples, result, table, f, sizeParameter);
    }

    public Descriptor<R> sizeParameter(String p) {
        return new Descriptor<>(name, title, params, defaultSamples, result, table, figure, p);
    }

    /** Scalar observables in column order. */
    public List<String> observables() {
        return scalarNames(result);
    }

    public List<String> arrayObservables() {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : result.getRecordComponents()) {
            if (c.getType() == NdArray.class) {
                out.add(nameOf(c));
            }
        }
        return out;
    }

    public List<String> tableObservables() {
        return table.isEmpty() ? observables() : table;
    }

    /** A result as the run folder stores it: its scalar values by name, and its arrays. */
    public UnitOutput output(R r) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (RecordComponent c : result.getRecordComponents()) {
            Object v = read(c.getAccessor(), r);
            if (v instanceof NdArray a) {
                arrays.put(nameOf(c), a);
            } else {
                values.put(nameOf(c), scalar(v));
            }
        }
        return new UnitOutput(values, arrays);
    }

    static double scalar(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return ((Number) v).doubleValue();
    }

    private static Object read(Method accessor, Object r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    static List<String> scalarNames(Class<? extends Record> result) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : result.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t == NdArray.class) {
                continue;
            }
            if (t != double.class && t != int.class && t != long.class && t != boolean.class) {
                throw new IllegalArgumentException(result.getSimpleName() + "." + c.getName() + ": observables are double, int, long,"
                        + " boolean or NdArray, not " + t.getSimpleName());
            }
            out.add(nameOf(c));
        }
        return out;
    }

    static String nameOf(RecordComponent c) {
        Observable o = c.getAnnotation(Observable.class);
        return o != null ? o.value() : c.getName();
    }
}
