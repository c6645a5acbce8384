package io.dismc.plot;

import io.dismc.experiment.Figure;
import io.dismc.experiment.TheoryCurve;
import io.dismc.experiment.PointSummary;
import io.dismc.experiment.Stat;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the curves figure of a run from its point summaries: the horizontal axis is the figure's
 * parameter (or the first swept one), every other swept parameter makes one curve per value, and
 * each panel draws its observables. Styles: the colour follows the first other swept parameter
 * (viridis, ordered by value; the observable when nothing else is swept), the dash the second one
 * (or the observable, when a panel has several), and every curve of a panel has its own marker;
 * theory lines are dashed, without markers, in the panel of the observable they predict (else the
 * first), coloured like the curves they are computed for (else black).
 */
final class LineFigures {
    /** Above this many curves in one undeclared panel, each observable gets its own panel. */
    static final int MAX_SERIES_PER_PANEL = 10;
    static final Color THEORY = new Color(0x22, 0x22, 0x22);

    private LineFigures() {}

    static LineFigure build(String experiment, Figure fig, List<String> swept, List<PointSummary> summaries,
                            List<TheoryCurve> theory) {
        if (fig.profile() != null) {
            return profile(experiment, fig, swept, summaries, theory == null ? List.of() : theory);
        }
        String x = horizontal(fig, swept, summaries);
        String xLabel = x.equals(fig.x()) ? fig.xLabel() : Headings.symbol(fig, x);
        List<String> others = new ArrayList<>(swept);
        others.remove(x);
        List<Group> groups = groups(summaries, others);
        List<Figure.Panel> panels = fig.panels();
        if (fig.options().panels().isEmpty() && !panels.isEmpty() && panels.get(0).series().size() > 1
                && panels.get(0).series().size() * groups.size() > MAX_SERIES_PER_PANEL) {
            Figure.Panel all = panels.get(0);
            panels = all.series().stream().map(o -> new Figure.Panel(List.of(o), all.yLabel() + ": " + o, all.logY())).toList();
        }
        List<TheoryCurve> lines = theory == null ? List.of() : theory.stream().filter(c -> !c.phaseLine()).toList();
        boolean logX = fig.logX() && x.equals(fig.x()) && allX(summaries, x);
        List<List<PlotSeries>> seriesPerPanel = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        List<String> observables = panels.stream().flatMap(p -> p.series().stream()).distinct().toList();
        int markers = 0;
        for (int pi = 0; pi < panels.size(); pi++) {
            List<PlotSeries> series = panelSeries(fig, panels.get(pi), x, others, groups, summaries, observables,
                    others.isEmpty() ? markers : 0);
            markers += series.size();
            series.addAll(theorySeries(panelTheory(lines, panels, pi), logX, c -> theoryColour(c, others, summaries, observables)));
            for (PlotSeries s : series) {
                for (double v : s.x()) {
                    xs.add(v);
                }
            }
            seriesPerPanel.add(series);
        }
        Axis xAxis = Axis.fit(xLabel, xs.stream().mapToDouble(Double::doubleValue).toArray(), logX);
        List<LinePanel> out = new ArrayList<>();
        for (int pi = 0; pi < panels.size(); pi++) {
            Figure.Panel p = panels.get(pi);
            List<PlotSeries> series = seriesPerPanel.get(pi);
            boolean logY = p.logY() && series.stream().allMatch(s -> allPositive(s.y()));
            out.add(new LinePanel(xAxis, Axis.fit(p.yLabel(), yExtent(series, logY), logY), series));
        }
        List<String> title = List.of(Headings.title(experiment, null, fig, swept, summaries),
                Headings.curvesCaption(summaries, !lines.isEmpty()));
        return new LineFigure(title, out);
    }

    /**
     * The horizontal parameter: the figure's own when it is swept (or nothing is), else the first
     * swept parameter with numeric values; a sweep of choices alone keeps the figure's parameter and
     * draws one short curve per choice.
     */
    static String horizontal(Figure fig, List<String> swept, List<PointSummary> summaries) {
        if (swept.contains(fig.x()) || swept.isEmpty()) {
            return fig.x();
        }
        for (String p : swept) {
            if (summaries.stream().allMatch(s -> s.point().values().get(p) instanceof Number)) {
                return p;
            }
        }
        return fig.x();
    }

    /** The points that share the values of the other swept parameters. */
    record Group(List<Object> key, List<Integer> ranks, List<PointSummary> points) {}

    static List<Group> groups(List<PointSummary> summaries, List<String> others) {
        List<List<Object>> levels = new ArrayList<>();
        for (String o : others) {
            levels.add(levels(summaries, o));
        }
        Map<List<Object>, List<PointSummary>> byKey = new LinkedHashMap<>();
        for (PointSummary s : summaries) {
            List<Object> key = new ArrayList<>();
            for (String o : others) {
                key.add(s.point().values().get(o));
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<PointSummary>> e : byKey.entrySet()) {
            List<Integer> ranks = new ArrayList<>();
            for (int i = 0; i < others.size(); i++) {
                ranks.add(levels.get(i).indexOf(e.getKey().get(i)));
            }
            out.add(new Group(e.getKey(), ranks, e.getValue()));
        }
        Comparator<Group> byRanks = (a, b) -> {
            for (int i = 0; i < a.ranks().size(); i++) {
                int c = Integer.compare(a.ranks().get(i), b.ranks().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        out.sort(byRanks);
        return out;
    }

    /** A parameter's distinct values: numbers ascending, choices in the order they first appear. */
    static List<Object> levels(List<PointSummary> summaries, String param) {
        List<Object> values = new ArrayList<>();
        for (PointSummary s : summaries) {
            Object v = s.point().values().get(param);
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        if (values.stream().allMatch(v -> v instanceof Number)) {
            values.sort(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
        }
        return values;
    }

    /**
     * A panel's curves. With other swept parameters, colour and marker follow the group, the same in
     * every panel (one legend entry serves them all); with none, colour follows the observable among
     * all the figure's observables and markers run on across panels, so lone curves of different
     * panels still differ in the figure's one legend.
     */
    private static List<PlotSeries> panelSeries(Figure fig, Figure.Panel panel, String x, List<String> others,
                                                List<Group> groups, List<PointSummary> summaries,
                                                List<String> figureObservables, int firstMarker) {
        List<String> observables = panel.series();
        for (String o : observables) {
            if (!summaries.isEmpty() && !summaries.get(0).stats().containsKey(o)) {
                throw new IllegalArgumentException("figure panel '" + panel.yLabel() + "' names observable '" + o
                        + "', which the experiment does not produce (it has " + summaries.get(0).stats().keySet() + ")");
            }
        }
        int colourLevels = others.isEmpty() ? figureObservables.size() : levels(summaries, others.get(0)).size();
        List<Color> colours = Palette.ordered(colourLevels);
        List<PlotSeries> out = new ArrayList<>();
        for (int oi = 0; oi < observables.size(); oi++) {
            String obs = observables.get(oi);
            for (Group g : groups) {
                List<PointSummary> pts = new ArrayList<>(g.points());
                pts.removeIf(p -> Double.isNaN(p.stats().get(obs).mean())); // no sample applied there
                if (pts.isEmpty()) {
                    continue;
                }
                pts.sort(Comparator.comparingDouble(p -> value(p, x)));
                double[] xs = new double[pts.size()];
                double[] ys = new double[pts.size()];
                double[] es = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    Stat st = pts.get(i).stats().get(obs);
                    xs[i] = value(pts.get(i), x);
                    ys[i] = st.mean();
                    es[i] = Double.isNaN(st.stderr()) ? 0 : st.stderr();
                }
                List<String> label = new ArrayList<>();
                if (observables.size() > 1 || others.isEmpty()) {
                    label.add(obs);
                }
                for (int i = 0; i < others.size(); i++) {
                    label.add(Headings.assignment(fig, others.get(i), g.key().get(i)));
                }
                Color colour = colours.get(others.isEmpty() ? figureObservables.indexOf(obs) : g.ranks().get(0));
                int dash = others.size() >= 2 ? g.ranks().get(1) : observables.size() > 1 ? oi : 0;
                Style style = new Style(colour, Marker.nth(firstMarker + out.size()), dash);
                out.add(new PlotSeries(String.join(", ", label), xs, ys, es, style, false));
            }
        }
        return out;
    }

    /** The theory lines of panel pi: those predicting one of its observables; the first panel also takes the rest. */
    private static List<TheoryCurve> panelTheory(List<TheoryCurve> lines, List<Figure.Panel> panels, int pi) {
        List<TheoryCurve> out = new ArrayList<>();
        for (TheoryCurve c : lines) {
            int home = 0;
            for (int k = 0; k < panels.size(); k++) {
                if (c.observable() != null && panels.get(k).series().contains(c.observable())) {
                    home = k;
                    break;
                }
            }
            if (home == pi) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A theory line's colour: that of the measured curves it is computed for (the value it names of the
     * parameter the colours follow), or of the observable it predicts when the colours follow observables;
     * black when it names neither.
     */
    static Color theoryColour(TheoryCurve c, List<String> others, List<PointSummary> summaries, List<String> observables) {
        if (!others.isEmpty()) {
            Object v = c.at().get(others.get(0));
            List<Object> levels = levels(summaries, others.get(0));
            for (int i = 0; v != null && i < levels.size(); i++) {
                if (sameValue(levels.get(i), v)) {
                    return Palette.ordered(levels.size()).get(i);
                }
            }
            return THEORY;
        }
        int i = c.observable() == null ? -1 : observables.indexOf(c.observable());
        return i < 0 ? THEORY : Palette.ordered(observables.size()).get(i);
    }

    private static boolean sameValue(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y ? x.doubleValue() == y.doubleValue() : a.equals(b);
    }

    /** Theory lines: dashed in their colour, lines of one colour told apart by their dash patterns. */
    private static List<PlotSeries> theorySeries(List<TheoryCurve> theory, boolean logX, java.util.function.Function<TheoryCurve, Color> colour) {
        List<PlotSeries> out = new ArrayList<>();
        Map<Color, Integer> ofColour = new LinkedHashMap<>();
        for (int t = 0; t < theory.size(); t++) {
            TheoryCurve c = theory.get(t);
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < Math.min(c.x().length, c.y().length); i++) {
                if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i]) && (!logX || c.x()[i] > 0)) {
                    pts.add(new double[] {c.x()[i], c.y()[i]});
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
            Color col = colour.apply(c);
            int k = ofColour.merge(col, 1, Integer::sum) - 1;
            out.add(new PlotSeries(c.name(), xs, ys, null, new Style(col, null, 1 + k % (Style.DASHES.length - 1)), true));
        }
        return out;
    }

    /** One curve per point across the profile observables, at the profile's abscissae. */
    private static LineFigure profile(String experiment, Figure fig, List<String> swept, List<PointSummary> summaries,
                                      List<TheoryCurve> theory) {
        List<PlotSeries> series = new ArrayList<>();
        List<Color> colours = Palette.ordered(Math.max(1, summaries.size()));
        List<PointSummary> ordered = new ArrayList<>();
        for (Group g : groups(summaries, swept)) { // ordered by the swept values
            ordered.addAll(g.points());
        }
        for (PointSummary s : ordered) {
            List<String> label = new ArrayList<>();
            for (String o : swept) {
                label.add(Headings.assignment(fig, o, s.point().values().get(o)));
            }
            List<double[]> pts = new ArrayList<>();
            for (Map.Entry<String, Double> e : fig.profile().entrySet()) {
                Stat st = s.stats().get(e.getKey());
                if (st != null && !Double.isNaN(st.mean())) {
                    pts.add(new double[] {e.getValue(), st.mean(), Double.isNaN(st.stderr()) ? 0 : st.stderr()});
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            pts.sort(Comparator.comparingDouble(p -> p[0]));
            int i = series.size();
            series.add(new PlotSeries(label.isEmpty() ? "all samples" : String.join(", ", label),
                    pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(),
                    pts.stream().mapToDouble(p -> p[2]).toArray(), new Style(colours.get(i), Marker.nth(i), 0), false));
        }
        boolean logX = fig.logX() && fig.profile().values().stream().allMatch(v -> v > 0);
        // a line computed for one point (its at() names the point's values) takes that point's colour
        List<PointSummary> drawn = ordered.stream().filter(s -> fig.profile().keySet().stream().anyMatch(o -> s.stats().get(o) != null
                && !Double.isNaN(s.stats().get(o).mean()))).toList();
        series.addAll(theorySeries(theory.stream().filter(c -> !c.phaseLine()).toList(), logX, c -> {
            for (int i = 0; !c.at().isEmpty() && i < drawn.size(); i++) {
                Map<String, Object> values = drawn.get(i).point().values();
                if (c.at().entrySet().stream().allMatch(e -> values.containsKey(e.getKey())
                        && sameValue(values.get(e.getKey()), e.getValue()))) {
                    return colours.get(i);
                }
            }
            return THEORY;
        }));
        double[] xs = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).toArray();
        boolean logY = fig.options().logY() && series.stream().allMatch(s -> allPositive(s.y()));
        LinePanel panel = new LinePanel(Axis.fit(fig.xLabel(), xs, logX), Axis.fit(fig.yLabel(), yExtent(series, logY), logY), series);
        List<String> title = List.of(Headings.title(experiment, null, fig, swept, summaries),
                Headings.curvesCaption(summaries, !theory.isEmpty()));
        return new LineFigure(title, List.of(panel));
    }

    /**
     * Every value the vertical axis must show: means, the ends of the error bars, theory. On a log
     * axis a bar's lower end counts only within a decade of its mean: a bar reaching (nearly) to zero
     * would stretch the axis by decades, so it is cut at the axis instead.
     */
    static double[] yExtent(List<PlotSeries> series, boolean log) {
        List<Double> v = new ArrayList<>();
        for (PlotSeries s : series) {
            for (int i = 0; i < s.y().length; i++) {
                double y = s.y()[i];
                v.add(y);
                if (s.err() != null && s.err()[i] > 0) {
                    v.add(y + s.err()[i]);
                    if (!log || y - s.err()[i] >= y / 10) {
                        v.add(y - s.err()[i]);
                    }
                }
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean allX(List<PointSummary> summaries, String x) {
        return summaries.stream().allMatch(p -> value(p, x) > 0);
    }

    private static boolean allPositive(double[] v) {
        for (double d : v) {
            if (!(d > 0)) {
                return false;
            }
        }
        return true;
    }

    static double value(PointSummary s, String param) {
        Object v = s.point().values().get(param);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
