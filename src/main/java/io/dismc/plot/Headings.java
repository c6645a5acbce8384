package io.dismc.plot;

import io.dismc.experiment.Figure;
import io.dismc.experiment.PointSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words on a figure: parameter symbols ("alpha_D", "N"), values as plain decimals, and the
 * title (experiment, fixed parameters, samples per point) with its caption (what the bars are).
 */
final class Headings {
    /** Symbols shared by the experiments (docs/models.md notation); a figure's own symbols come first. */
    private static final Map<String, String> COMMON = Map.of("n", "N", "k", "K", "teacher-k", "K*", "temperature", "T",
            "alpha-d", "alpha_D", "sparsity", "L");
    static final String ERROR_BARS = "error bars: one standard error over samples";

    private Headings() {}

    /** How a parameter is written: the figure's symbol, the symbol its axis label defines ("alpha = P/N"), or a common one. */
    static String symbol(Figure fig, String param) {
        String s = fig.options().symbols().get(param);
        if (s != null) {
            return s;
        }
        if (param.equals(fig.x()) && fig.xLabel() != null && fig.xLabel().contains(" = ")) {
            return fig.xLabel().substring(0, fig.xLabel().indexOf(" = ")).trim();
        }
        if (param.equals(fig.heatY()) && fig.heatYLabel() != null && fig.heatYLabel().contains(" = ")) {
            return fig.heatYLabel().substring(0, fig.heatYLabel().indexOf(" = ")).trim();
        }
        return COMMON.getOrDefault(param, param);
    }

    /** A parameter value: numbers as plain decimals (0.05, 300), choices as they are. */
    static String value(Object v) {
        return v instanceof Number n ? Ticks.plain(n.doubleValue()) : String.valueOf(v);
    }

    /** "alpha_D = 0.01". */
    static String assignment(Figure fig, String param, Object v) {
        return symbol(fig, param) + " = " + value(v);
    }

    /**
     * "rfhm: N = 300, T = 0 (8 samples per point)": the experiment (and what is drawn, if given),
     * the title parameters that are not swept and have one value in the run, and the samples.
     */
    static String title(String experiment, String what, Figure fig, List<String> swept, List<PointSummary> summaries) {
        List<String> fixed = new ArrayList<>();
        for (String p : fig.options().titleParams()) {
            if (swept.contains(p)) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            Object one = null;
            for (PointSummary s : summaries) {
                Object v = s.point().values().get(p);
                if (v != null) {
                    values.add(value(v));
                    one = v;
                }
            }
            if (values.size() == 1) {
                fixed.add(assignment(fig, p, one));
            }
        }
        StringBuilder t = new StringBuilder(experiment);
        if (what != null) {
            t.append(", ").append(what);
        }
        if (!fixed.isEmpty()) {
            t.append(": ").append(String.join(", ", fixed));
        }
        return t.append(" (").append(samples(summaries)).append(')').toString();
    }

    /** "8 samples per point", "1 sample per point" or "2 to 8 samples per point". */
    static String samples(List<PointSummary> summaries) {
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (PointSummary s : summaries) {
            lo = Math.min(lo, s.count());
            hi = Math.max(hi, s.count());
        }
        if (summaries.isEmpty()) {
            lo = 0;
        }
        if (lo == hi) {
            return hi + (hi == 1 ? " sample" : " samples") + " per point";
        }
        return lo + " to " + hi + " samples per point";
    }

    /** The caption under a curves figure's title. */
    static String curvesCaption(List<PointSummary> summaries, boolean theory) {
        int most = summaries.stream().mapToInt(PointSummary::count).max().orElse(0);
        String bars = most < 2 ? "one sample per point, so no error bars (a standard error needs two)" : ERROR_BARS;
        return theory ? bars + "; lines without markers: theory" : bars;
    }
}
