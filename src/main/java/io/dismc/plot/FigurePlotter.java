package io.dismc.plot;

import io.dismc.experiment.Figure;
import io.dismc.experiment.TheoryCurve;
import io.dismc.run.AtomicFiles;
import io.dismc.experiment.PointSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws an experiment's standard figures from point summaries, as PNG and SVG (text kept as text):
 * <ul>
 *   <li>{@code figure.png/.svg}: curves with standard-error bars against the horizontal parameter,
 *       one curve per value of the other swept parameters, one panel per declared group of
 *       observables (stacked), theory lines in the panel of what they predict; or, for a profile
 *       figure, one curve per point over the profile's abscissae;</li>
 *   <li>{@code heatmap-OBS.png/.svg}: for each of the figure's series, when both heat-map
 *       parameters are swept, with the theory phase lines over the cells;</li>
 *   <li>{@code FILE.png/.svg}: each extra figure the figure declares, with the theory lines whose
 *       {@link TheoryCurve#figure} names it.</li>
 * </ul>
 * Titles name the experiment, its fixed parameters and the samples per point; captions say what the
 * error bars are. What is drawn (series, styles, ticks, words) is decided here, in the figure models;
 * JFreeChart lays out and draws them ({@link LineCharts}, {@link HeatMapCharts}). Writing fails with
 * an IOException naming the file.
 */
public final class FigurePlotter {
    private FigurePlotter() {}

    /** Writes the figures into dir; returns the file names written. */
    public static List<String> plot(String title, Figure fig, List<String> swept, List<PointSummary> summaries, Path dir)
            throws IOException {
        return plot(title, fig, swept, summaries, List.of(), dir);
    }

    /** The same, with theory lines drawn on the curves figure (and phase lines on the heat maps). */
    public static List<String> plot(String title, Figure fig, List<String> swept, List<PointSummary> summaries,
                                    List<TheoryCurve> theory, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        written.addAll(save(lines(title, fig, swept, summaries, on(theory, null)), dir, "figure"));
        if (fig.profile() == null && fig.heatY() != null && swept.contains(fig.x()) && swept.contains(fig.heatY())) {
            for (String obs : fig.series()) {
                written.addAll(save(heatMap(title, fig, obs, swept, summaries, on(theory, null)), dir, "heatmap-" + obs));
            }
        }
        for (Figure.Extra extra : fig.options().extras()) {
            written.addAll(save(lines(title, extra.figure(), swept, summaries, on(theory, extra.file())), dir, extra.file()));
        }
        return written;
    }

    /** The theory lines meant for one figure (null: the standard one). */
    static List<TheoryCurve> on(List<TheoryCurve> theory, String figure) {
        List<TheoryCurve> out = new ArrayList<>();
        for (TheoryCurve c : theory == null ? List.<TheoryCurve>of() : theory) {
            if (java.util.Objects.equals(c.figure(), figure)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The curves figure (what figure.png shows), for inspection. */
    public static LineFigure lines(String experiment, Figure fig, List<String> swept, List<PointSummary> summaries,
                                   List<TheoryCurve> theory) {
        return LineFigures.build(experiment, fig, swept, summaries, theory);
    }

    /** The heat map of one observable (what heatmap-OBS.png shows), for inspection. */
    public static HeatMapFigure heatMap(String experiment, Figure fig, String obs, List<String> swept, List<PointSummary> summaries) {
        return HeatMaps.build(experiment, fig, obs, swept, summaries, List.of());
    }

    /** The heat map of one observable with the theory phase lines meant for it (what heatmap-OBS.png shows). */
    public static HeatMapFigure heatMap(String experiment, Figure fig, String obs, List<String> swept, List<PointSummary> summaries,
                                        List<TheoryCurve> theory) {
        return HeatMaps.build(experiment, fig, obs, swept, summaries, theory == null ? List.of() : theory);
    }

    /** The curves figure as PNG bytes. */
    public static byte[] png(LineFigure f) throws IOException {
        return Charts.png(LineCharts.chart(f));
    }

    /** The curves figure as SVG bytes (UTF-8), its text as text elements. */
    public static byte[] svg(LineFigure f) {
        return Charts.svg(LineCharts.chart(f));
    }

    public static byte[] png(HeatMapFigure f) throws IOException {
        return Charts.png(HeatMapCharts.chart(f));
    }

    public static byte[] svg(HeatMapFigure f) {
        return Charts.svg(HeatMapCharts.chart(f));
    }

    static List<String> save(LineFigure f, Path dir, String name) throws IOException {
        write(dir, name + ".png", png(f));
        write(dir, name + ".svg", svg(f));
        return List.of(name + ".png", name + ".svg");
    }

    static List<String> save(HeatMapFigure f, Path dir, String name) throws IOException {
        write(dir, name + ".png", png(f));
        write(dir, name + ".svg", svg(f));
        return List.of(name + ".png", name + ".svg");
    }

    /** Atomic write; a failure (read-only folder, full disk) names the figure file. */
    private static void write(Path dir, String file, byte[] content) throws IOException {
        Path target = dir.resolve(file);
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new IOException("cannot write figure " + target + ": " + e, e);
        }
    }
}
