package io.dismc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.experiment.Experiment;
import io.dismc.experiment.Experiments;
import io.dismc.experiment.Figure;
import io.dismc.experiment.LocalEnergyExperiment;
import io.dismc.experiment.Point;
import io.dismc.experiment.RfhmExperiment;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.experiment.TheoryCurve;
import io.dismc.experiment.PointSummary;
import io.dismc.experiment.Stat;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per figure kind (log-x curves, many series, stacked panels, heat map), on synthetic
 * summaries: what the figure model says and what the SVG actually writes (its text elements).
 */
class FigureKindsTest {
    static final double[] ALPHA_D = {0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5};

    // ---- the figure kinds

    @Test
    void curvesOnALogAxisCarryEnoughPlainLabelsAndATitleWithNAndSamples() throws IOException {
        Figure fig = new Figure("eta", "learning rate eta", true, List.of("train_loss"), "final training loss", null, null)
                .withLogY().withTitleParams("n", "alpha");
        List<PointSummary> s = summaries("spectra", List.of("eta"), grid(Map.of("eta", new double[] {0.03, 0.1, 0.3, 1})),
                Map.of("n", 32, "alpha", 4.0), p -> Map.of("train_loss", 0.01 / p.get("eta")), 4);
        LineFigure f = FigurePlotter.lines("spectra", fig, List.of("eta"), s, List.of());
        LinePanel panel = f.panels().get(0);
        assertTrue(panel.x().log() && panel.y().log());
        List<String> xLabels = panel.x().labels();
        assertTrue(xLabels.size() >= 3, "a log axis over 1.5 decades: " + xLabels);
        TicksTest.assertWellFormed(xLabels);
        TicksTest.assertWellFormed(panel.y().labels());
        List<String> texts = svgTexts(FigurePlotter.svg(f));
        assertTrue(texts.containsAll(xLabels) && texts.containsAll(panel.y().labels()), texts.toString());
        assertTrue(texts.contains("learning rate eta") && texts.contains("final training loss"), texts.toString());
        assertHeading(texts, "spectra", "N = 32", "alpha = 4", "4 samples per point");
        assertTrue(texts.stream().anyMatch(t -> t.contains("error bars: one standard error over samples")), texts.toString());
    }

    @Test
    void manySeriesAreOrderedInColourAndDistinctInMarkerWithTheParameterInTheLegend() throws IOException {
        Figure fig = new Figure("alpha", "alpha = P/N", false, List.of("m_pattern"), "pattern overlap", "alpha-d", "alpha_D = D/N");
        List<String> swept = List.of("alpha", "alpha-d");
        List<PointSummary> s = summaries("rfhm", swept,
                grid(Map.of("alpha", new double[] {0.02, 0.05, 0.1, 0.2, 0.3}, "alpha-d", ALPHA_D)), Map.of("n", 500),
                p -> Map.of("m_pattern", Math.exp(-p.get("alpha") / p.get("alpha-d"))), 3);
        LineFigure f = FigurePlotter.lines("rfhm", fig, swept, s, List.of());
        assertEquals(1, f.panels().size());
        LinePanel panel = f.panels().get(0);
        List<String> legend = new ArrayList<>();
        for (double d : ALPHA_D) {
            legend.add("alpha_D = " + Ticks.plain(d));
        }
        assertEquals(legend, panel.legend());
        double previous = -1;
        for (PlotSeries series : panel.series()) {
            double lum = Palette.luminance(series.style().colour());
            assertTrue(lum > previous, "colours ordered dark to light along alpha_D");
            previous = lum;
        }
        assertEquals(8, new HashSet<>(panel.series().stream().map(p -> p.style().marker()).toList()).size(), "8 markers");
        List<String> texts = svgTexts(FigurePlotter.svg(f));
        assertTrue(texts.containsAll(legend), texts.toString());
        // each colour is painted (curve, markers, legend sample); JFreeSVG writes colours as rgb(r,g,b)
        String svg = new String(FigurePlotter.svg(f), StandardCharsets.UTF_8);
        for (PlotSeries series : panel.series()) {
            Color c = series.style().colour();
            assertTrue(svg.contains(String.format("stroke:rgb(%d,%d,%d)", c.getRed(), c.getGreen(), c.getBlue())), series.label());
        }
    }

    @Test
    void teacherStudentStacksOnePanelPerQuantityWithLogErrors() throws IOException {
        Figure fig = new TeacherStudentExperiment().figure();
        List<PointSummary> s = summaries("teacher-student", List.of("alpha"),
                grid(Map.of("alpha", new double[] {0.25, 0.5, 1, 2, 4})),
                Map.of("n", 100, "k", 2, "teacher-k", 2, "activation", "erf", "eta", 3.0, "steps", 10000),
                p -> Map.of("test_error", 0.05 / p.get("alpha"), "test_error_population", 0.048 / p.get("alpha"),
                        "train_loss", 1e-3 * p.get("alpha"), "specialization", Math.min(1, 0.2 * p.get("alpha"))), 2);
        LineFigure f = FigurePlotter.lines("teacher-student", fig, List.of("alpha"), s, List.of());
        assertEquals(List.of("generalization error", "final training loss", "specialization index"),
                f.panels().stream().map(p -> p.y().label()).toList());
        assertEquals(List.of(true, true, false), f.panels().stream().map(p -> p.y().log()).toList());
        assertEquals(List.of(1, 1, 1), f.panels().stream().map(p -> p.series().size()).toList());
        for (LinePanel p : f.panels()) {
            assertTrue(p.x().log() && p.x().labels().size() >= 3, p.x().labels().toString());
            assertTrue(p.y().labels().size() >= 3, p.y().label() + ": " + p.y().labels());
        }
        List<String> texts = svgTexts(FigurePlotter.svg(f));
        assertTrue(texts.containsAll(List.of("generalization error", "final training loss", "specialization index")));
        assertHeading(texts, "teacher-student", "N = 100", "K = 2", "2 samples per point");
    }

    @Test
    void heatMapLabelsItsColourBarAxesAndEveryCell() throws IOException {
        Figure fig = new RfhmExperiment().figure();
        List<String> swept = List.of("alpha", "alpha-d");
        double[] alpha = {0.02, 0.05, 0.1, 0.2, 0.3};
        List<PointSummary> s = summaries("rfhm", swept, grid(Map.of("alpha", alpha, "alpha-d", ALPHA_D)), Map.of("n", 500),
                p -> Map.of("m_pattern", Math.exp(-p.get("alpha") / p.get("alpha-d")), "m_feature", 0.5), 3);
        HeatMapFigure h = FigurePlotter.heatMap("rfhm", fig, "m_pattern", swept, s);
        assertEquals("m_pattern", h.colourLabel());
        assertEquals(5, h.columns().size());
        assertEquals(8, h.rows().size());
        assertEquals(0, h.lo());
        assertEquals(1, h.hi());
        List<String> texts = svgTexts(FigurePlotter.svg(h));
        assertTrue(texts.contains("m_pattern"), "colour bar label: " + texts);
        assertTrue(texts.contains("alpha = P/N") && texts.contains("alpha_D = D/N"), texts.toString());
        for (double d : ALPHA_D) {
            assertTrue(texts.contains(Ticks.plain(d)), "row " + d);
        }
        for (double a : alpha) {
            assertTrue(texts.contains(Ticks.plain(a)), "column " + a);
        }
        assertTrue(texts.contains(String.format(java.util.Locale.ROOT, "%.2f", Math.exp(-0.3 / 0.01))), "cell values written");
        assertHeading(texts, "rfhm, m_pattern", "N = 500", "3 samples per point");
        // the curves figure of the same run: one panel per overlap, one curve per alpha_D
        LineFigure f = FigurePlotter.lines("rfhm", fig, swept, s, List.of());
        assertEquals(List.of(8, 8), f.panels().stream().map(p -> p.series().size()).toList());
    }

    // ---- what every figure shares

    @Test
    void theoryLinesHaveNoMarkersAndTheirOwnLegendEntries() throws IOException {
        Figure fig = new Figure("alpha", "alpha = P/N", false, List.of("solved"), "fraction solved", null, null);
        List<PointSummary> s = summaries("perceptron-capacity", List.of("alpha"),
                grid(Map.of("alpha", new double[] {1, 1.5, 2, 2.5, 3})), Map.of("n", 100),
                p -> Map.of("solved", p.get("alpha") < 2 ? 1.0 : 0.0), 20);
        List<TheoryCurve> theory = List.of(new TheoryCurve("Gardner RS alpha_c = 2", new double[] {2, 2}, new double[] {0, 1}));
        LineFigure f = FigurePlotter.lines("perceptron-capacity", fig, List.of("alpha"), s, theory);
        PlotSeries t = f.panels().get(0).series().get(1);
        assertTrue(t.theory());
        assertFalse(t.style().hasMarker());
        assertNull(t.err());
        List<String> texts = svgTexts(FigurePlotter.svg(f));
        assertTrue(texts.contains("Gardner RS alpha_c = 2"), texts.toString());
        assertTrue(texts.stream().anyMatch(x -> x.contains("lines without markers: theory")), texts.toString());
    }

    @Test
    void profileFiguresDrawOneCurvePerPoint() throws IOException {
        Figure fig = new LocalEnergyExperiment().figure();
        Map<String, Double> at = fig.profile();
        List<PointSummary> s = summaries("local-energy", List.of("kappa"), grid(Map.of("kappa", new double[] {0, 0.3})),
                Map.of("n", 201, "alpha", 0.4, "weights", "binary", "solver", "auto"), p -> {
                    Map<String, Double> m = new LinkedHashMap<>();
                    at.forEach((obs, d) -> m.put(obs, d * (1 - p.get("kappa"))));
                    return m;
                }, 8);
        LineFigure f = FigurePlotter.lines("local-energy", fig, List.of("kappa"), s, List.of());
        assertEquals(List.of("kappa = 0", "kappa = 0.3"), f.panels().get(0).legend());
        assertEquals(at.size(), f.panels().get(0).series().get(0).x().length);
        assertHeading(svgTexts(FigurePlotter.svg(f)), "local-energy", "N = 201", "8 samples per point");
    }

    @Test
    void filesAreReproducibleAndPowersOfTenStayText() throws IOException {
        Figure fig = new Figure("alpha", "alpha = P/N", false, List.of("train_loss"), "final training loss", null, null)
                .withLogY();
        List<PointSummary> s = summaries("teacher-student", List.of("alpha"), grid(Map.of("alpha", new double[] {0.5, 1, 2})),
                Map.of("n", 20), p -> Map.of("train_loss", Math.pow(10, -7 + 3 * p.get("alpha"))), 2);
        LineFigure f = FigurePlotter.lines("teacher-student", fig, List.of("alpha"), s, List.of());
        List<String> labels = f.panels().get(0).y().labels();
        assertTrue(labels.size() >= 3 && labels.stream().allMatch(l -> l.startsWith("10^")), labels.toString());
        List<String> texts = svgTexts(FigurePlotter.svg(f));
        for (String l : labels) { // 10^-6 is written 10⁻⁶, as text, not as glyph outlines
            assertTrue(texts.contains(TickedAxes.superscript(l)), l + " in " + texts);
        }
        assertEquals("2×10⁻⁵", TickedAxes.superscript("2×10^-5"));
        // no clock readings or counters that differ between two drawings of one figure
        assertTrue(java.util.Arrays.equals(FigurePlotter.svg(f), FigurePlotter.svg(f)));
        assertTrue(java.util.Arrays.equals(FigurePlotter.png(f), FigurePlotter.png(f)));
        HeatMapFigure h = FigurePlotter.heatMap("rfhm", new RfhmExperiment().figure(), "m_pattern", List.of("alpha", "alpha-d"),
                summaries("rfhm", List.of("alpha", "alpha-d"), grid(Map.of("alpha", new double[] {0.1, 0.2}, "alpha-d", ALPHA_D)),
                        Map.of("n", 50), p -> Map.of("m_pattern", 0.5, "m_feature", 0.5), 2));
        assertTrue(java.util.Arrays.equals(FigurePlotter.svg(h), FigurePlotter.svg(h)));
    }

    @Test
    void aFigureThatCannotBeWrittenFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Figure fig = new Figure("alpha", "alpha = P/N", false, List.of("m"), "overlap", null, null);
        List<PointSummary> s = summaries("hopfield", List.of("alpha"), grid(Map.of("alpha", new double[] {0.1, 0.2})),
                Map.of("n", 100), p -> Map.of("m", 1.0), 2);
        Files.createDirectories(tmp.resolve("figure.png").resolve("in-the-way")); // a folder where the file goes
        IOException e = assertThrows(IOException.class, () -> FigurePlotter.plot("hopfield", fig, List.of("alpha"), s, tmp));
        assertTrue(e.getMessage().contains(tmp.resolve("figure.png").toString()), e.getMessage());
    }

    @Test
    void everyExperimentsFigureDrawsObservablesItProduces() {
        for (Experiment<?> e : Experiments.all()) {
            Figure fig = e.figure();
            assertTrue(e.observables().containsAll(fig.series()), e.name() + ": " + fig.series());
            for (Figure.Panel p : fig.panels()) {
                assertTrue(e.observables().containsAll(p.series()), e.name() + ": " + p.series());
            }
            assertTrue(fig.options().titleParams().contains("n"), e.name() + " names N in its title");
        }
        // the canonical constructors keep compiling and mean what they meant
        Figure old = new Figure("alpha", "alpha = P/N", false, List.of("m"), "overlap", null, null);
        assertEquals(Figure.Options.DEFAULT, old.options());
        assertEquals(List.of(new Figure.Panel(List.of("m"), "overlap", false)), old.panels());
    }

    // ---- helpers

    static void assertHeading(List<String> texts, String... parts) {
        String heading = String.join(" | ", texts.subList(0, 2));
        for (String p : parts) {
            assertTrue(heading.contains(p), "heading lacks '" + p + "': " + heading);
        }
    }

    /** The text elements of an SVG, in document order, entities decoded. */
    static List<String> svgTexts(byte[] svg) {
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(new String(svg, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&"));
        }
        return out;
    }

    /** Every combination of the given values, in the order of the map's keys (first varies slowest). */
    static List<Map<String, Double>> grid(Map<String, double[]> axes) {
        List<String> names = new ArrayList<>(new java.util.TreeMap<>(axes).keySet());
        List<Map<String, Double>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (String n : names) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> partial : out) {
                for (double v : axes.get(n)) {
                    Map<String, Double> m = new LinkedHashMap<>(partial);
                    m.put(n, v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** One summary per point: the swept values, the fixed ones, and means with a 5% standard error. */
    static List<PointSummary> summaries(String experiment, List<String> swept, List<Map<String, Double>> points,
                                        Map<String, Object> fixed, Function<Map<String, Double>, Map<String, Double>> means,
                                        int samples) {
        List<PointSummary> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> values = new LinkedHashMap<>(fixed);
            values.putAll(points.get(i));
            Map<String, Stat> stats = new LinkedHashMap<>();
            means.apply(points.get(i)).forEach((obs, m) -> stats.put(obs, new Stat(m, 0.05 * Math.abs(m), samples)));
            out.add(new PointSummary(new Point(i, experiment, values), stats));
        }
        return out;
    }
}
