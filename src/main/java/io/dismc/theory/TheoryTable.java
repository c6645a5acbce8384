package io.dismc.theory;

import io.dismc.params.Param;
import java.util.List;
import java.util.Map;

/**
 * A theory line as a table over parameter lists, for {@code ./dismc theory NAME}: the replica or
 * state-evolution values alone, in seconds, as CSV a user can plot or compare with other codes. Every
 * parameter takes a list (like a sweep axis); rows run over the lists in nested order, the first
 * outermost. NaN entries (no solution there) print as empty cells.
 */
public abstract class TheoryTable {
    private final String name;
    private final String title;
    private final List<Param<?>> params;
    private final List<String> columns;

    protected TheoryTable(String name, String title, List<Param<?>> params, List<String> columns) {
        this.name = name;
        this.title = title;
        this.params = List.copyOf(params);
        this.columns = List.copyOf(columns);
    }

    public final String name() {
        return name;
    }

    public final String title() {
        return title;
    }

    public final List<Param<?>> params() {
        return params;
    }

    public final List<String> columns() {
        return columns;
    }

    /** The rows for these parameter lists (each value already checked against its parameter). */
    public abstract List<List<Object>> rows(Values values);

    /** The parsed lists of a theory command, read typed. */
    public record Values(Map<String, List<Object>> lists) {
        public <T> List<T> get(Param<T> p) {
            return lists.get(p.name()).stream().map(p::value).toList();
        }

        public double[] reals(Param<Double> p) {
            return get(p).stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
