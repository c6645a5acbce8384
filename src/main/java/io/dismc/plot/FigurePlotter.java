package io.dismc.plot;

import io.dismc.experiment.Figure;
import io.dismc.experiment.Point;
import io.dismc.experiment.TheoryCurve;
import io.dismc.run.AtomicFiles;
import io.dismc.run.PointSummary;
import io.dismc.run.Stat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws an experiment's standard figure from point summaries with XChart: curves with standard-error
 * bars against the horizontal parameter (one curve per observable and per value of the other swept
 * parameters), and heat maps when the figure's two heat-map parameters are both swept.
 */
public final class FigurePlotter {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 620;

    private FigurePlotter() {}

    /** Writes the figures into dir; returns the file names written. */
    public static List<String> plot(String title, Figure fig, List<String> swept, List<PointSummary> summaries, Path dir)
            throws IOException {
        return plot(title, fig, swept, summaries, List.of(), dir);
    }

    /** The same, with theory lines drawn on the curves figure. */
    public static List<String> plot(String title, Figure fig, List<String> swept, List<PointSummary> summaries,
                                    List<TheoryCurve> theory, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        if (fig.profile() != null) {
            written.addAll(save(profile(title, fig, swept, summaries), dir, "figure"));
            return written;
        }
        String x = swept.contains(fig.x()) || swept.isEmpty() ? fig.x() : swept.get(0);
        String xLabel = x.equals(fig.x()) ? fig.xLabel() : x;
        XYChart chart = curves(title, fig, x, xLabel, swept, summaries);
        for (TheoryCurve t : theory) {
            XYSeries s = chart.addSeries(t.name(), t.x(), t.y());
            s.setMarker(SeriesMarkers.NONE);
        }
        written.addAll(save(chart, dir, "figure"));
        if (fig.heatY() != null && swept.contains(fig.x()) && swept.contains(fig.heatY())) {
            for (String obs : fig.series()) {
                written.addAll(save(heatMap(title, fig, obs, summaries), dir, "heatmap-" + obs));
            }
        }
        return written;
    }

    /** The curves figure (public so that tests can count its series). */
    public static XYChart curves(String title, Figure fig, List<String> swept, List<PointSummary> summaries) {
        String x = swept.contains(fig.x()) || swept.isEmpty() ? fig.x() : swept.get(0);
        return curves(title, fig, x, x.equals(fig.x()) ? fig.xLabel() : x, swept, summaries);
    }

    static XYChart curves(String title, Figure fig, String x, String xLabel, List<String> swept, List<PointSummary> summaries) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(fig.yLabel()).build();
        chart.getStyler().setXAxisLogarithmic(fig.logX() && allPositive(summaries, x));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        List<String> others = new ArrayList<>(swept);
        others.remove(x);
        for (String obs : fig.series()) {
            Map<String, List<PointSummary>> groups = new LinkedHashMap<>();
            for (PointSummary s : summaries) {
                StringBuilder label = new StringBuilder(obs);
                for (String o : others) {
                    label.append(", ").append(o).append('=').append(Point.canonical(s.point().values().get(o)));
                }
                groups.computeIfAbsent(label.toString(), k -> new ArrayList<>()).add(s);
            }
            for (Map.Entry<String, List<PointSummary>> g : groups.entrySet()) {
                List<PointSummary> pts = new ArrayList<>(g.getValue());
                pts.sort((a, b) -> Double.compare(value(a, x), value(b, x)));
                pts.removeIf(pt -> Double.isNaN(pt.stats().get(obs).mean())); // no sample applied there
                if (pts.isEmpty()) {
                    continue;
                }
                double[] xs = new double[pts.size()];
                double[] ys = new double[pts.size()];
                double[] es = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    Stat st = pts.get(i).stats().get(obs);
                    xs[i] = value(pts.get(i), x);
                    ys[i] = st.mean();
                    es[i] = Double.isNaN(st.stderr()) ? 0 : st.stderr();
                }
                XYSeries series = chart.addSeries(g.getKey(), xs, ys, es);
                series.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    /** One curve per point across the profile observables (x from the figure's profile map). */
    public static XYChart profile(String title, Figure fig, List<String> swept, List<PointSummary> summaries) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(fig.xLabel())
                .yAxisTitle(fig.yLabel()).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (PointSummary s : summaries) {
            StringBuilder label = new StringBuilder();
            for (String o : swept) {
                label.append(label.length() == 0 ? "" : ", ").append(o).append('=').append(Point.canonical(s.point().values().get(o)));
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> es = new ArrayList<>();
            for (Map.Entry<String, Double> e : fig.profile().entrySet()) {
                Stat st = s.stats().get(e.getKey());
                if (st == null || Double.isNaN(st.mean())) {
                    continue;
                }
                xs.add(e.getValue());
                ys.add(st.mean());
                es.add(Double.isNaN(st.stderr()) ? 0 : st.stderr());
            }
            if (!xs.isEmpty()) {
                chart.addSeries(label.length() == 0 ? "all" : label.toString(), xs, ys, es).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    static HeatMapChart heatMap(String title, Figure fig, String obs, List<PointSummary> summaries) {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (PointSummary s : summaries) {
            xs.add(value(s, fig.x()));
            ys.add(value(s, fig.heatY()));
        }
        List<Double> xList = new ArrayList<>(xs);
        List<Double> yList = new ArrayList<>(ys);
        // average over any further swept parameter so each cell has one value
        double[][] sum = new double[xList.size()][yList.size()];
        int[][] cnt = new int[xList.size()][yList.size()];
        for (PointSummary s : summaries) {
            int i = xList.indexOf(value(s, fig.x()));
            int j = yList.indexOf(value(s, fig.heatY()));
            sum[i][j] += s.stats().get(obs).mean();
            cnt[i][j]++;
        }
        List<Number[]> heat = new ArrayList<>();
        for (int i = 0; i < xList.size(); i++) {
            for (int j = 0; j < yList.size(); j++) {
                if (cnt[i][j] > 0) {
                    heat.add(new Number[] {i, j, sum[i][j] / cnt[i][j]});
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title + ": " + obs)
                .xAxisTitle(fig.xLabel()).yAxisTitle(fig.heatYLabel()).build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setMin(Math.min(0, minOf(heat)));
        chart.getStyler().setMax(1.0);
        chart.addSeries(obs, xList, yList, heat);
        return chart;
    }

    private static double minOf(List<Number[]> heat) {
        double m = 0;
        for (Number[] h : heat) {
            m = Math.min(m, h[2].doubleValue());
        }
        return m;
    }

    private static boolean allPositive(List<PointSummary> s, String x) {
        return s.stream().allMatch(p -> value(p, x) > 0);
    }

    private static double value(PointSummary s, String param) {
        Object v = s.point().values().get(param);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** SVG by XChart's encoder (VectorGraphics2D); XChart draws text as outlines, so labels are paths. */
    static byte[] svg(Chart<?, ?> chart) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return out.toByteArray();
    }

    /** NAME.png and NAME.svg, each written atomically. */
    static List<String> save(Chart<?, ?> chart, Path dir, String name) throws IOException {
        AtomicFiles.write(dir.resolve(name + ".png"), BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
        AtomicFiles.write(dir.resolve(name + ".svg"), svg(chart));
        return List.of(name + ".png", name + ".svg");
    }
}
