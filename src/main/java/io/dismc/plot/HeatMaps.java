package io.dismc.plot;

import io.dismc.experiment.Figure;
import io.dismc.experiment.PointSummary;
import io.dismc.experiment.Stat;
import io.dismc.experiment.TheoryCurve;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the heat map of one observable over the figure's two heat-map parameters: one cell per
 * value pair, the mean over samples (and over any further swept parameter, which the caption
 * names). The colour range is [0, 1] when every value lies there (overlaps, fractions), so maps of
 * different runs compare; otherwise the data's range. Theory phase lines (a line in the plane of the two
 * parameters, such as a phase boundary) are drawn over the cells, placed by {@link CellPositions}.
 */
final class HeatMaps {
    private HeatMaps() {}

    /** Colours of the lines over a map, in turn (with the dash patterns in turn): they read on every viridis cell over a white halo. */
    static final List<Color> LINE_COLOURS = List.of(Color.BLACK, new Color(0xC8, 0x10, 0x2E));

    static HeatMapFigure build(String experiment, Figure fig, String obs, List<String> swept, List<PointSummary> summaries) {
        return build(experiment, fig, obs, swept, summaries, List.of());
    }

    /** The same, with the theory phase lines meant for this map (those naming no observable or this one). */
    static HeatMapFigure build(String experiment, Figure fig, String obs, List<String> swept, List<PointSummary> summaries,
                               List<TheoryCurve> theory) {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (PointSummary s : summaries) {
            xs.add(LineFigures.value(s, fig.x()));
            ys.add(LineFigures.value(s, fig.heatY()));
        }
        List<Double> xList = new ArrayList<>(xs);
        List<Double> yList = new ArrayList<>(ys);
        double[][] sum = new double[xList.size()][yList.size()];
        int[][] cnt = new int[xList.size()][yList.size()];
        for (PointSummary s : summaries) {
            Stat st = s.stats().get(obs);
            if (st == null) {
                throw new IllegalArgumentException("heat map of '" + obs + "', which the experiment does not produce");
            }
            if (Double.isNaN(st.mean())) {
                continue;
            }
            int i = xList.indexOf(LineFigures.value(s, fig.x()));
            int j = yList.indexOf(LineFigures.value(s, fig.heatY()));
            sum[i][j] += st.mean();
            cnt[i][j]++;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[][] values = new double[xList.size()][yList.size()];
        for (int i = 0; i < xList.size(); i++) {
            for (int j = 0; j < yList.size(); j++) {
                values[i][j] = cnt[i][j] > 0 ? sum[i][j] / cnt[i][j] : Double.NaN;
                if (cnt[i][j] > 0) {
                    lo = Math.min(lo, values[i][j]);
                    hi = Math.max(hi, values[i][j]);
                }
            }
        }
        if (lo > hi || (lo >= 0 && hi <= 1)) {
            lo = 0;
            hi = 1;
        } else if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        List<String> averaged = new ArrayList<>(swept);
        averaged.remove(fig.x());
        averaged.remove(fig.heatY());
        String caption = "cell: mean of " + obs + " over samples"
                + (averaged.isEmpty() ? "" : " and over " + String.join(", ", averaged.stream().map(p -> Headings.symbol(fig, p)).toList()))
                + "; standard errors in summary.csv";
        CellPositions columns = new CellPositions(xList);
        CellPositions rows = new CellPositions(yList);
        List<PlotSeries> lines = lines(theory, obs, columns, rows);
        if (!lines.isEmpty()) {
            caption += "; lines: theory, placed between cell centres on " + (columns.logarithmic() == rows.logarithmic()
                    ? (columns.logarithmic() ? "log scales" : "linear scales")
                    : "a " + (columns.logarithmic() ? "log" : "linear") + " scale of " + Headings.symbol(fig, fig.x()) + " and a "
                    + (rows.logarithmic() ? "log" : "linear") + " one of " + Headings.symbol(fig, fig.heatY()));
        }
        List<String> title = List.of(Headings.title(experiment, obs, fig, swept, summaries), caption);
        return new HeatMapFigure(title, fig.xLabel(), fig.heatYLabel(), labels(xList), labels(yList), values, obs, lo, hi, lines);
    }

    /** The phase lines for the map of obs, in cell units; points the axes cannot place are dropped. */
    static List<PlotSeries> lines(List<TheoryCurve> theory, String obs, CellPositions columns, CellPositions rows) {
        List<PlotSeries> out = new ArrayList<>();
        for (TheoryCurve c : theory) {
            if (!c.phaseLine() || (c.observable() != null && !c.observable().equals(obs))) {
                continue;
            }
            List<double[]> pts = new ArrayList<>();
            for (int k = 0; k < c.x().length; k++) {
                double i = columns.position(c.x()[k]);
                double j = rows.position(c.y()[k]);
                if (Double.isFinite(i) && Double.isFinite(j)) {
                    pts.add(new double[] {i, j});
                }
            }
            if (pts.size() < 2) {
                continue;
            }
            int t = out.size();
            Style style = new Style(LINE_COLOURS.get(t % LINE_COLOURS.size()), null, t);
            out.add(new PlotSeries(c.name(), pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(),
                    null, style, true));
        }
        return out;
    }

    private static List<String> labels(List<Double> values) {
        return values.stream().map(Ticks::plain).toList();
    }
}
