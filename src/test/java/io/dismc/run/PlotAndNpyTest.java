package io.dismc.run;

import io.dismc.experiment.PointSummary;
import io.dismc.data.NdArray;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dismc.experiment.RfhmExperiment;
import io.dismc.plot.FigurePlotter;
import io.dismc.testing.Dismc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./dismc plot redraws figures from the files alone; array observables are valid .npy files. */
class PlotAndNpyTest {

    @Test
    void plotRedrawsTheStandardFiguresFromTheFiles(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, Dismc.run("run", "rfhm", "--n", "300", "--alpha", "0.05,0.2,0.4", "--alpha-d", "0.02,0.3",
                "--samples", "2", "--quiet", "--no-plot", "--out", run.toString()).code());
        Path figs = tmp.resolve("figs");
        Dismc.Outcome o = Dismc.run("plot", run.toString(), "--out", figs.toString());
        assertEquals(0, o.code(), o.err());
        for (String f : List.of("figure.png", "figure.svg", "heatmap-m_feature.png", "heatmap-m_feature.svg",
                "heatmap-m_pattern.png", "heatmap-m_pattern.svg")) {
            assertTrue(Files.size(figs.resolve(f)) > 1000, f);
        }
        assertTrue(Files.readString(figs.resolve("figure.svg")).startsWith("<?xml"));
        // the curves: m_feature and m_pattern, one curve per alpha_D each
        List<PointSummary> s = SummaryCsv.read(run.resolve("summary.csv"), new RfhmExperiment());
        assertEquals(6, s.size());
        assertEquals(4, FigurePlotter.lines("rfhm", new RfhmExperiment().figure(), List.of("alpha", "alpha-d"), s, List.of())
                .panels().stream().mapToInt(p -> p.series().size()).sum());
        // the figure in the run folder and the redrawn one are the same picture
        assertEquals(0, Dismc.run("plot", run.toString()).code());
        assertArrayEquals(Files.readAllBytes(run.resolve("figure.png")), Files.readAllBytes(figs.resolve("figure.png")));
    }

    @Test
    void arrayObservablesAreNpyFiles(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, Dismc.run("run", "rfhm-unseen", "--n", "600", "--alpha-d", "0.02", "--alpha", "0.05,0.5", "--samples", "2",
                "--probes", "3", "--quiet", "--no-plot", "--out", run.toString()).code());
        NdArray a = Npy.read(run.resolve("arrays/stability-p1-s0.npy"));
        assertArrayEquals(new int[] {5, 3}, a.shape());
        // the row means are the unit's scalar observables
        List<String> rows = Files.readAllLines(run.resolve("results.csv"));
        String[] header = rows.get(0).split(",");
        String[] unit = rows.get(3).split(","); // point 1, sample 0
        int col = java.util.Arrays.asList(header).indexOf("m_train");
        assertEquals(Double.parseDouble(unit[col]), (a.data()[0] + a.data()[1] + a.data()[2]) / 3, 1e-12);
    }

    @Test
    void npyHeaderIsWhatNumpyExpects(@TempDir Path tmp) throws Exception {
        NdArray a = new NdArray(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6.5});
        Path f = tmp.resolve("a.npy");
        Npy.write(f, a);
        byte[] b = Files.readAllBytes(f);
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64, "data aligned to 64 bytes");
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertEquals(a, Npy.read(f));
        assertEquals("(7,)", new String(Npy.encode(new NdArray(new int[] {7}, new double[7])), StandardCharsets.US_ASCII)
                .replaceAll("(?s).*'shape': (\\(7,\\)).*", "$1"));
        // and numpy itself reads it, where python3 with numpy is installed
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", "import numpy,sys; a=numpy.load(sys.argv[1]); print(a.shape, a[1,2])", f.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(p.waitFor() == 0, "numpy not available: " + out);
        assertEquals("(2, 3) 6.5", out);
    }
}
