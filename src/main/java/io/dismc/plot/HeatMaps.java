package io.dismc.plot;

import io.dismc.experiment.Figure;
import io.dismc.experiment.PointSummary;
import io.dismc.experiment.Stat;
import io.dismc.experiment.TheoryCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the heat map of one observable over the figure's two heat-map parameters: one cell per
 * value pair, the mean over samples (and over any further swept parameter, which the caption
 * names). The colour range is [0, 1] when every value lies there (overlaps, fractions), so maps of
 * different runs compare; otherwise the data's range. Theory lines given in the two parameters' units are
 * mapped to cell coordinates, linearly between neighbouring cell centres (and beyond the outer ones with
 * their spacing), and cut at the grid's edge.
 */
final class HeatMaps {
    private HeatMaps() {}

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
        List<String> title = List.of(Headings.title(experiment, obs, fig, swept, summaries), caption);
        List<HeatMapFigure.Line> lines = new ArrayList<>();
        for (TheoryCurve c : theory) {
            List<double[]> pts = new ArrayList<>();
            for (int k = 0; k < Math.min(c.x().length, c.y().length); k++) {
                double cx = cell(xList, c.x()[k]);
                double cy = cell(yList, c.y()[k]);
                if (Double.isFinite(cx) && Double.isFinite(cy) && cx >= -0.5 && cx <= xList.size() - 0.5 && cy >= -0.5
                        && cy <= yList.size() - 0.5) {
                    pts.add(new double[] {cx, cy});
                }
            }
            if (pts.size() >= 2) {
                lines.add(new HeatMapFigure.Line(c.name(), pts.stream().mapToDouble(q -> q[0]).toArray(),
                        pts.stream().mapToDouble(q -> q[1]).toArray()));
            }
        }
        return new HeatMapFigure(title, fig.xLabel(), fig.heatYLabel(), labels(xList), labels(yList), values, obs, lo, hi, lines);
    }

    /** A parameter value in cell coordinates: linear between the centres of the (ascending) values around it. */
    static double cell(List<Double> values, double v) {
        int n = values.size();
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        if (n == 1) {
            return v == values.get(0) ? 0 : Double.NaN;
        }
        int k = 0;
        while (k < n - 2 && v > values.get(k + 1)) {
            k++;
        }
        double a = values.get(k);
        double b = values.get(k + 1);
        return k + (v - a) / (b - a);
    }

    private static List<String> labels(List<Double> values) {
        return values.stream().map(Ticks::plain).toList();
    }
}
