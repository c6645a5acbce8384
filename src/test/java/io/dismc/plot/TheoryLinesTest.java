package io.dismc.plot;

import static io.dismc.plot.FigureKindsTest.svgTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.experiment.Experiment;
import io.dismc.experiment.Figure;
import io.dismc.experiment.HopfieldExperiment;
import io.dismc.experiment.Point;
import io.dismc.experiment.PointSummary;
import io.dismc.experiment.RfhmExperiment;
import io.dismc.experiment.RfhmUnseenExperiment;
import io.dismc.experiment.Stat;
import io.dismc.experiment.TheoryCurve;
import io.dismc.run.Sweep;
import io.dismc.theory.hopfield.AgsTheory;
import io.dismc.theory.hopfield.MixtureSpinodals;
import io.dismc.theory.hopfield.RetrievalLine;
import io.dismc.theory.hopfield.RfhmLearningTheory;
import io.dismc.theory.hopfield.RfhmStorageTheory;
import io.dismc.theory.hopfield.RfhmVariant;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Theory lines on the figures (docs/models.md 1.4): on curves, in the panel and colour of what they predict;
 * over heat maps, placed between cell centres, with a legend; and, for each of the Hopfield-family
 * experiments, the lines its default figures carry, with their labels in the SVG. Summaries are synthetic
 * (the experiments' real points, made-up means): what is checked is what gets drawn, not the simulation.
 */
class TheoryLinesTest {

    // ---- the plot machinery

    @Test
    void cellPositionsPutValuesAtTheirCentresAndInterpolateOnALogScale() {
        CellPositions log = new CellPositions(List.of(0.01, 0.03, 0.1, 0.3));
        assertTrue(log.logarithmic());
        for (int i = 0; i < 4; i++) {
            assertEquals(i, log.position(List.of(0.01, 0.03, 0.1, 0.3).get(i)), 1e-12);
        }
        assertEquals(0.5, log.position(Math.sqrt(0.01 * 0.03)), 1e-12, "the geometric mean is halfway");
        assertEquals(-0.5, log.position(0.01 / Math.sqrt(3)), 1e-12, "the first interval continues below the grid");
        assertEquals(3.5, log.position(0.3 * Math.sqrt(3)), 1e-12, "the last one above it");
        assertTrue(Double.isNaN(log.position(0)) && Double.isNaN(log.position(Double.NaN)));
        CellPositions linear = new CellPositions(List.of(0.0, 0.2, 0.3));
        assertTrue(!linear.logarithmic());
        assertEquals(1.5, linear.position(0.25), 1e-12);
        assertEquals(-0.5, linear.position(-0.1), 1e-12);
    }

    @Test
    void aCurveNamingAnObservableAndAValueGoesToThatPanelInThatColour() {
        Figure fig = new RfhmExperiment().figure();
        List<String> swept = List.of("alpha", "alpha-d");
        List<PointSummary> s = synthetic(new RfhmExperiment(), Map.of("alpha", "0.1,0.2,0.3", "alpha-d", "0.01,0.03"));
        TheoryCurve onPattern = new TheoryCurve("pattern line", new double[] {0.1, 0.3}, new double[] {1, 0.5}).of("m_pattern")
                .at("alpha-d", 0.03);
        TheoryCurve plain = new TheoryCurve("plain line", new double[] {0.1, 0.3}, new double[] {0.2, 0.2});
        LineFigure f = FigurePlotter.lines("rfhm", fig, swept, s, List.of(onPattern, plain));
        LinePanel feature = f.panels().get(0);
        LinePanel pattern = f.panels().get(1);
        assertEquals("plain line", feature.series().get(feature.series().size() - 1).label(), "no observable: first panel");
        PlotSeries line = pattern.series().get(pattern.series().size() - 1);
        assertEquals("pattern line", line.label());
        Color curve = pattern.series().stream().filter(p -> p.label().equals("alpha_D = 0.03")).findFirst().orElseThrow().style().colour();
        assertEquals(curve, line.style().colour(), "the colour of the alpha_D = 0.03 curves");
        assertEquals(LineFigures.THEORY, feature.series().get(feature.series().size() - 1).style().colour());
        assertTrue(line.theory() && !line.style().hasMarker() && line.style().dash() != 0, "dashed, no markers");
    }

    @Test
    void phaseLinesAreDrawnOverTheirHeatMapsWithALegend() {
        Figure fig = new RfhmExperiment().figure();
        List<String> swept = List.of("alpha", "alpha-d");
        List<PointSummary> s = synthetic(new RfhmExperiment(), Map.of("alpha", "0.05,0.1,0.2", "alpha-d", "0.01,0.1"));
        TheoryCurve all = TheoryCurve.phaseLine("a diagonal", new double[] {0.05, 0.2}, new double[] {0.01, 0.1});
        TheoryCurve own = TheoryCurve.phaseLine("pattern only", new double[] {0.1, 0.1}, new double[] {0.01, 0.1}).of("m_pattern");
        HeatMapFigure feature = FigurePlotter.heatMap("rfhm", fig, "m_feature", swept, s, List.of(all, own));
        HeatMapFigure pattern = FigurePlotter.heatMap("rfhm", fig, "m_pattern", swept, s, List.of(all, own));
        assertEquals(List.of("a diagonal"), feature.legend());
        assertEquals(List.of("a diagonal", "pattern only"), pattern.legend());
        PlotSeries diagonal = pattern.lines().get(0);
        assertEquals(0, diagonal.x()[0], 1e-12);
        assertEquals(2, diagonal.x()[1], 1e-12);
        assertEquals(0, diagonal.y()[0], 1e-12);
        assertEquals(1, diagonal.y()[1], 1e-12);
        assertTrue(!pattern.lines().get(0).style().colour().equals(pattern.lines().get(1).style().colour()), "lines differ in colour");
        List<String> texts = svgTexts(FigurePlotter.svg(pattern));
        assertTrue(texts.contains("a diagonal") && texts.contains("pattern only"), texts.toString());
        assertTrue(texts.get(1).contains("lines: theory, placed between cell centres on log scales"), texts.get(1));
        assertTrue(!svgTexts(FigurePlotter.svg(FigurePlotter.heatMap("rfhm", fig, "m_pattern", swept, s))).contains("a diagonal"));
    }

    // ---- what each experiment's default figures carry

    @Test
    void hopfieldCarriesTheAgsBranchEndingAtAlphaC() {
        HopfieldExperiment e = new HopfieldExperiment();
        List<PointSummary> s = synthetic(e, Map.of());
        List<TheoryCurve> theory = e.theory(s, List.of("alpha"));
        assertEquals(1, theory.size());
        TheoryCurve c = theory.get(0);
        double ac = AgsTheory.capacity().alpha();
        assertEquals("AGS RS m(alpha), T = 0: alpha_c = 0.1379", c.name());
        int last = c.x().length - 1;
        assertEquals(0.04, c.x()[0], 1e-12);
        assertEquals(ac, c.x()[last], 0);
        assertEquals(0, c.y()[last], 0, "the drop at alpha_c");
        assertEquals(AgsTheory.capacity().m(), c.y()[last - 1], 1e-12);
        for (int i = 0; i < last; i++) {
            assertEquals(AgsTheory.overlap(c.x()[i], 0), c.y()[i], 1e-9, "on the branch at " + c.x()[i]);
        }
        LineFigure f = FigurePlotter.lines("hopfield", e.figure(), List.of("alpha"), s, theory);
        assertEquals(List.of("m", c.name()), f.panels().get(0).legend());
        assertEquals(f.panels().get(0).series().get(0).style().colour(), f.panels().get(0).series().get(1).style().colour());
        assertTrue(svgTexts(FigurePlotter.svg(f)).contains(c.name()));

        // swept temperatures: one branch each, in its curves' colour, ending at alpha_M(T)
        List<PointSummary> hot = synthetic(e, Map.of("temperature", "0,0.4"));
        List<TheoryCurve> lines = e.theory(hot, List.of("alpha", "temperature"));
        assertEquals(List.of("AGS RS m(alpha), T = 0: alpha_c = 0.1379", "AGS RS m(alpha), T = 0.4: alpha_M = 0.0810"),
                lines.stream().map(TheoryCurve::name).toList());
        TheoryCurve warm = lines.get(1);
        assertEquals(RetrievalLine.load(0.4), warm.x()[warm.x().length - 1], 1e-12);
        LinePanel p = FigurePlotter.lines("hopfield", e.figure(), List.of("alpha", "temperature"), hot, lines).panels().get(0);
        assertEquals(p.series().get(1).style().colour(), p.series().get(3).style().colour(), "T = 0.4: curve and theory");
    }

    @Test
    void rfhmCarriesTheLearningBranchesAndThreePhaseLines() {
        RfhmExperiment e = new RfhmExperiment();
        List<String> swept = List.of("alpha", "alpha-d");
        List<PointSummary> s = synthetic(e, Map.of());
        List<TheoryCurve> theory = e.theory(s, swept);
        RfhmLearningTheory consistent = new RfhmLearningTheory(RfhmVariant.CONSISTENT);
        // the default grid: alpha_L(0.01) = 0.098 and alpha_L(0.03) = 0.370 inside alpha <= 0.5; 4.14 at 0.1; none at 0.3
        List<TheoryCurve> branches = theory.stream().filter(c -> !c.phaseLine()).toList();
        assertEquals(List.of("RS m_feature, alpha_D = 0.01: alpha_L = 0.0979", "RS m_feature, alpha_D = 0.03: alpha_L = 0.3698"),
                branches.stream().map(TheoryCurve::name).toList());
        for (TheoryCurve b : branches) {
            double alphaD = ((Number) b.at().get("alpha-d")).doubleValue();
            assertEquals("m_feature", b.observable());
            assertEquals(consistent.learningLoad(alphaD), b.x()[0], 1e-12);
            assertEquals(0, b.y()[0], 0, "the drop at alpha_L");
            for (int i = 1; i < b.x().length; i++) {
                assertEquals(consistent.featureOverlap(b.x()[i], alphaD), b.y()[i], 1e-7, "m_feature on the branch at " + b.x()[i]);
            }
        }
        List<TheoryCurve> phase = theory.stream().filter(TheoryCurve::phaseLine).toList();
        assertEquals(3, phase.size());
        assertTrue(phase.get(1).name().startsWith("published RS storage line") && phase.get(1).name().contains("not followed by"),
                phase.get(1).name());
        assertTrue(phase.get(2).name().contains("as published"), phase.get(2).name());
        for (int i = 0; i < phase.get(1).x().length; i++) {
            assertEquals(RfhmStorageTheory.storageLoad(phase.get(1).y()[i]), phase.get(1).x()[i], 1e-12);
        }
        RfhmLearningTheory published = new RfhmLearningTheory(RfhmVariant.PUBLISHED);
        assertEquals(phase.get(0).y().length, phase.get(2).y().length, "both learning lines end where alpha_D reaches 0.1379");
        for (int i = 0; i < phase.get(0).x().length; i++) {
            assertEquals(consistent.learningLoad(phase.get(0).y()[i]), phase.get(0).x()[i], 1e-12);
            assertEquals(published.learningLoad(phase.get(2).y()[i]), phase.get(2).x()[i], 1e-12);
            assertTrue(phase.get(2).x()[i] < phase.get(0).x()[i], "the published learning line lies below the consistent one");
            assertTrue(phase.get(0).y()[i] < 0.1379);
        }
        // both maps carry the three lines; on the m_feature map the consistent line crosses row alpha_D = 0.01 at alpha_L
        for (String obs : List.of("m_feature", "m_pattern")) {
            HeatMapFigure h = FigurePlotter.heatMap("rfhm", e.figure(), obs, swept, s, theory);
            assertEquals(phase.stream().map(TheoryCurve::name).toList(), h.legend());
            List<String> texts = svgTexts(FigurePlotter.svg(h));
            assertTrue(texts.containsAll(h.legend()), texts.toString());
        }
        HeatMapFigure h = FigurePlotter.heatMap("rfhm", e.figure(), "m_feature", swept, s, theory);
        CellPositions columns = new CellPositions(List.of(0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5));
        assertEquals(columns.position(consistent.learningLoad(0.01)), crossing(h.lines().get(0), 0), 0.02);
        LineFigure f = FigurePlotter.lines("rfhm", e.figure(), swept, s, theory);
        assertEquals(6, f.panels().get(0).series().size(), "four curves and two branches on the m_feature panel");
        assertEquals(4, f.panels().get(1).series().size(), "no RS line on the m_pattern panel");

        // no theory where it does not apply
        assertTrue(e.theory(synthetic(e, Map.of("latents", "sparse")), swept).isEmpty());
        assertTrue(e.theory(synthetic(e, Map.of("temperature", "0.1")), swept).isEmpty());
    }

    @Test
    void rfhmUnseenMarksTheMixtureSpinodalsInTheirObservablesColours() {
        RfhmUnseenExperiment e = new RfhmUnseenExperiment();
        List<PointSummary> s = synthetic(e, Map.of());
        List<TheoryCurve> theory = e.theory(s, List.of("alpha"));
        assertEquals(List.of("m_feature", "m_test_L3", "m_test_L5", "m_test_L7"), theory.stream().map(TheoryCurve::observable).toList());
        int[] n = {1, 3, 5, 7};
        for (int k = 0; k < 4; k++) {
            TheoryCurve c = theory.get(k);
            double an = MixtureSpinodals.load(n[k], 0.005);
            assertEquals(an, c.x()[0], 0);
            assertEquals(an, c.x()[1], 0);
            assertTrue(c.name().startsWith(String.format(java.util.Locale.ROOT, "RS spinodal alpha_%d = %.4f", n[k], an)), c.name());
        }
        // the default +-1 weights make the unseen examples the mixtures themselves; Gaussian weights do not
        assertTrue(theory.get(1).name().endsWith("3-mixtures, the L_test = 3 examples"), theory.get(1).name());
        List<TheoryCurve> gaussian = e.theory(synthetic(e, Map.of("weights", "gaussian")), List.of("alpha"));
        assertTrue(gaussian.get(1).name().endsWith("symmetric 3-mixtures (L_test = 3 with --weights binary)"), gaussian.get(1).name());
        assertEquals(0.2043, theory.get(1).x()[0], 1e-4);
        assertEquals(0.7809, theory.get(3).x()[0], 1e-4);
        LineFigure f = FigurePlotter.lines("rfhm-unseen", e.figure(), List.of("alpha"), s, theory);
        LinePanel p = f.panels().get(0);
        for (TheoryCurve c : theory) {
            Color measured = p.series().stream().filter(x -> x.label().equals(c.observable())).findFirst().orElseThrow().style().colour();
            Color drawn = p.series().stream().filter(x -> x.label().equals(c.name())).findFirst().orElseThrow().style().colour();
            assertEquals(measured, drawn, c.name());
        }
        assertTrue(svgTexts(FigurePlotter.svg(f)).containsAll(theory.stream().map(TheoryCurve::name).toList()));
    }

    // ---- helpers

    /** The horizontal position where a line in cell units crosses row j (linear between its points). */
    static double crossing(PlotSeries line, double j) {
        for (int k = 1; k < line.y().length; k++) {
            double a = line.y()[k - 1] - j;
            double b = line.y()[k] - j;
            if (a <= 0 && b >= 0 && b > a) {
                return line.x()[k - 1] + (line.x()[k] - line.x()[k - 1]) * (-a / (b - a));
            }
        }
        throw new AssertionError("the line never crosses row " + j);
    }

    /** The experiment's points for these options (defaults otherwise), each with a made-up mean of 0.5 per observable. */
    static List<PointSummary> synthetic(Experiment<?> e, Map<String, String> options) {
        Sweep sweep = Sweep.of(e, options, 4, 1);
        return sweep.points().stream().map(p -> summary(e, p)).toList();
    }

    private static PointSummary summary(Experiment<?> e, Point p) {
        Map<String, Stat> stats = new LinkedHashMap<>();
        for (String o : e.observables()) {
            stats.put(o, new Stat(0.5, 0.01, 4));
        }
        return new PointSummary(p, stats);
    }
}
