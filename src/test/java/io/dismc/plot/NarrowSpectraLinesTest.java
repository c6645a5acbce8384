package io.dismc.plot;

import static io.dismc.plot.FigureKindsTest.svgTexts;
import static io.dismc.plot.TheoryLinesTest.synthetic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.experiment.PointSummary;
import io.dismc.experiment.SpectraExperiment;
import io.dismc.experiment.TeacherStudentExperiment;
import io.dismc.experiment.TheoryCurve;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The theory lines of the default figures of {@code teacher-student} (docs/models.md 3.5: symmetric-plateau
 * levels per K and their limit, the counting bound, the index levels) and {@code spectra} (docs/models.md
 * 6.7: the edge of stability 2/eta, the Marchenko-Pastur edges of W1 per width and of W2), each in the panel
 * of what it predicts, with its label in the SVG. Summaries are synthetic (the experiments' real points).
 */
class NarrowSpectraLinesTest {

    static PlotSeries line(LinePanel p, String label) {
        return p.series().stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + p.series().stream().map(PlotSeries::label).toList()));
    }

    @Test
    void teacherStudentDrawsThePlateauLevelsTheCountingBoundAndTheIndexLevels() throws Exception {
        TeacherStudentExperiment e = new TeacherStudentExperiment();
        List<String> swept = List.of("k", "alpha");
        List<PointSummary> s = synthetic(e, Map.of());
        List<TheoryCurve> theory = e.theory(s, swept);
        LineFigure f = FigurePlotter.lines("teacher-student", e.figure(), swept, s, theory);
        LinePanel error = f.panels().get(0);
        String k4 = "symmetric plateau K=4: 0.00709";
        for (String label : List.of("symmetric plateau K=2: 0.00581", k4, "symmetric plateau K=8: 0.00741",
                "plateau K->inf: (1/3-1/pi)/2 = 0.00751", "counting bound alpha = 1 (P = K N)")) {
            assertTrue(line(error, label).theory(), label);
        }
        assertEquals(0.0070943, line(error, k4).y()[0], 1e-7, "spec section 5, K = 4");
        Color curve = line(error, "K = 4").style().colour();
        assertEquals(curve, line(error, k4).style().colour(), "the K = 4 plateau in the colour of the K = 4 curve");
        LinePanel index = f.panels().get(2);
        assertEquals(1.0, line(index, "index of the teacher: 1").y()[0]);
        assertEquals(0.0, line(index, "index of the symmetric plateau: 0").y()[0]);
        assertTrue(svgTexts(FigurePlotter.svg(f)).contains(k4));
        // no plateau where it is not the exact level: relu, or K != K*
        for (Map<String, String> o : List.of(Map.of("activation", "relu"), Map.of("teacher-k", "3"))) {
            assertTrue(e.theory(synthetic(e, o), swept).stream().noneMatch(c -> c.name().startsWith("symmetric plateau")), o.toString());
        }
    }

    @Test
    void spectraDrawsTheEdgeOfStabilityAndTheMarchenkoPasturEdges() throws Exception {
        SpectraExperiment e = new SpectraExperiment();
        List<String> swept = List.of("k", "parameterization", "eta");
        List<PointSummary> s = synthetic(e, Map.of());
        List<TheoryCurve> theory = e.theory(s, swept);
        LineFigure f = FigurePlotter.lines("spectra", e.figure(), swept, s, theory);
        PlotSeries eos = line(f.panels().get(1), "edge of stability 2/eta");
        for (int i = 0; i < eos.x().length; i++) {
            assertEquals(2 / eos.x()[i], eos.y()[i], 1e-12);
        }
        assertEquals(3.0, line(f.panels().get(2), "MP edge W1 (128 x 32): 3.000").y()[0], 1e-12);
        assertEquals(2.0, line(f.panels().get(2), "MP edge W1 (32 x 32): 2.000").y()[0], 1e-12);
        assertEquals(1 + Math.sqrt(2), line(f.panels().get(2), "MP edge W1 (64 x 32): 2.414").y()[0], 1e-12);
        assertEquals(2.0, line(f.panels().get(3), "MP edge W2 (N x N): 2.000").y()[0], 1e-12);
        assertTrue(svgTexts(FigurePlotter.svg(f)).contains("edge of stability 2/eta"));
        // sigma scales the edges
        List<TheoryCurve> half = e.theory(synthetic(e, Map.of("sigma", "0.5", "k", "128")), swept);
        assertTrue(half.stream().anyMatch(c -> c.name().equals("MP edge W1 (128 x 32, sigma=0.5): 1.500")), half.toString());
    }
}
