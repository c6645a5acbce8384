package io.dismc.run;

import io.dismc.experiment.Stat;
import io.dismc.experiment.PointSummary;
import io.dismc.params.Param;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The terminal table: swept parameters, then each shown observable as mean +- standard error. */
public final class Table {
    /** What the cells mean, printed under every table. */
    public static final String LEGEND = "mean ± one standard error over the n disorder samples of each point"
            + " (n: samples done at that point; no ± where n = 1)";

    private Table() {}

    public static String render(Experiment<?> e, List<String> swept, List<PointSummary> summaries, Map<String, List<Object>> values) {
        StringBuilder sb = new StringBuilder();
        List<String> fixed = new ArrayList<>();
        for (Param<?> p : e.params()) {
            if (!swept.contains(p.name())) {
                fixed.add(p.name() + "=" + Point.canonical(values.get(p.name()).get(0)));
            }
        }
        sb.append(e.name()).append("  ").append(String.join("  ", fixed)).append('\n');
        List<String> header = new ArrayList<>();
        for (String s : swept) {
            header.add(s);
        }
        header.addAll(e.tableObservables());
        header.add("n");
        List<List<String>> rows = new ArrayList<>();
        for (PointSummary s : summaries) {
            List<String> row = new ArrayList<>();
            for (String name : swept) {
                row.add(Point.canonical(s.point().values().get(name)));
            }
            for (String o : e.tableObservables()) {
                Stat st = s.stats().get(o);
                row.add(Double.isNaN(st.stderr()) ? fmt(st.mean()) : cell(st.mean(), st.stderr()));
            }
            row.add(Integer.toString(s.count()));
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        appendRow(sb, header, width);
        for (List<String> r : rows) {
            appendRow(sb, r, width);
        }
        sb.append(LEGEND).append('\n');
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            sb.append(c == 0 ? "" : "  ").append(cell).append(" ".repeat(width[c] - cell.length()));
        }
        sb.setLength(sb.length() - trailingSpaces(sb));
        sb.append('\n');
    }

    private static int trailingSpaces(StringBuilder sb) {
        int k = 0;
        while (k < sb.length() && sb.charAt(sb.length() - 1 - k) == ' ') {
            k++;
        }
        return k;
    }

    /** A mean and its error in one notation, chosen by the mean (so 0.9995 ± 0.0003 stays fixed-point). */
    static String cell(double mean, double stderr) {
        return small(mean) ? scientific(mean) + " ± " + (stderr == 0 ? fixed(0) : scientific(stderr)) : fixed(mean) + " ± " + fixed(stderr);
    }

    static String fmt(double v) {
        return small(v) ? scientific(v) : fixed(v);
    }

    // Small values (an MSE of 1e-8) keep their digits in scientific notation.
    private static boolean small(double v) {
        return v != 0 && Math.abs(v) < 1e-3;
    }

    private static String scientific(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 1e4 ? "%.4f" : "%.1f", v);
    }
}
