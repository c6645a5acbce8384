package io.dismc.run;

import io.dismc.experiment.Stat;
import io.dismc.experiment.PointSummary;
import io.dismc.params.Param;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tidy CSV: one row per unit (results.csv) or per point (summary.csv), every parameter a column
 * (dashes become underscores), numbers in Java's shortest round-trip form.
 */
public final class Csv {
    private Csv() {}

    public static String column(String param) {
        return param.replace('-', '_');
    }

    static List<String> paramColumns(Experiment<?> e) {
        List<String> cols = new ArrayList<>();
        for (Param<?> p : e.params()) {
            cols.add(column(p.name()));
        }
        return cols;
    }

    static void appendParams(StringBuilder sb, Experiment<?> e, Point p) {
        for (Param<?> param : e.params()) {
            sb.append(Point.canonical(p.values().get(param.name()))).append(',');
        }
    }

    public static String resultsHeader(Experiment<?> e) {
        List<String> cols = paramColumns(e);
        cols.add("sample");
        cols.addAll(e.observables());
        return String.join(",", cols);
    }

    /** One row per record, in the records' order. */
    public static String results(Experiment<?> e, List<Point> points, List<UnitRecord> records) {
        StringBuilder sb = new StringBuilder(resultsHeader(e)).append('\n');
        for (UnitRecord r : records) {
            appendParams(sb, e, points.get(r.point()));
            sb.append(r.sample());
            for (String o : e.observables()) {
                sb.append(',').append(r.values().get(o));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String summary(Experiment<?> e, List<PointSummary> summaries) {
        List<String> cols = paramColumns(e);
        cols.add("count");
        for (String o : e.observables()) {
            cols.add(o + "_mean");
            cols.add(o + "_se");
        }
        StringBuilder sb = new StringBuilder(String.join(",", cols)).append('\n');
        for (PointSummary s : summaries) {
            appendParams(sb, e, s.point());
            sb.append(s.count());
            for (Map.Entry<String, Stat> st : s.stats().entrySet()) {
                sb.append(',').append(st.getValue().mean()).append(',').append(st.getValue().stderr());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
