package io.dismc.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's standard figure: observables against a swept parameter, one curve per value of
 * any other swept parameter; or, when heatX and heatY both vary, a heat map of each observable.
 * The drawing options beyond the original seven (panels, log vertical axis, what the title names)
 * live in {@link Options} and are set with the {@code with...} methods, so existing constructor
 * calls keep compiling and keep their meaning.
 *
 * @param x        parameter on the horizontal axis
 * @param xLabel   axis label in the papers' notation
 * @param logX     logarithmic horizontal axis
 * @param series   observables drawn as curves (with standard-error bars)
 * @param yLabel   vertical axis label
 * @param heatY    second parameter for the heat map (null: never a heat map)
 * @param heatYLabel its label
 * @param profile    for profile figures: observable to abscissa (null otherwise)
 * @param options    panels, log vertical axes, title parameters, symbols (never null)
 */
public record Figure(String x, String xLabel, boolean logX, List<String> series, String yLabel,
                     String heatY, String heatYLabel, Map<String, Double> profile, Options options) {

    public Figure {
        options = options == null ? Options.DEFAULT : options;
    }

    public Figure(String x, String xLabel, boolean logX, List<String> series, String yLabel,
                  String heatY, String heatYLabel, Map<String, Double> profile) {
        this(x, xLabel, logX, series, yLabel, heatY, heatYLabel, profile, Options.DEFAULT);
    }

    public Figure(String x, String xLabel, boolean logX, List<String> series, String yLabel, String heatY, String heatYLabel) {
        this(x, xLabel, logX, series, yLabel, heatY, heatYLabel, null, Options.DEFAULT);
    }

    /**
     * A profile figure: each point is one curve over the given observables, drawn at the given
     * abscissae (e.g. local energy at distances d), labelled by the swept parameters. Its logX and
     * {@link #withLogY} are honoured; theory lines are drawn with the curves.
     */
    public static Figure profile(String xLabel, Map<String, Double> observableAt, String yLabel) {
        return new Figure(null, xLabel, false, List.copyOf(observableAt.keySet()), yLabel, null, null, observableAt);
    }

    /**
     * One panel of a figure: observables sharing a vertical axis.
     *
     * @param series observables drawn in this panel
     * @param yLabel its vertical axis label
     * @param logY   logarithmic vertical axis (drawn linear when a plotted mean is not positive)
     */
    public record Panel(List<String> series, String yLabel, boolean logY) {
        public Panel {
            if (series == null || series.isEmpty()) {
                throw new IllegalArgumentException("a figure panel needs at least one observable");
            }
            series = List.copyOf(series);
        }

        /** The same panel on a logarithmic vertical axis. */
        public Panel log() {
            return new Panel(series, yLabel, true);
        }
    }

    /** A panel on a linear vertical axis. */
    public static Panel panel(String yLabel, String... series) {
        return new Panel(List.of(series), yLabel, false);
    }

    /**
     * Drawing options.
     *
     * @param panels      the panels, stacked top to bottom (empty: one panel of all series with yLabel)
     * @param logY        logarithmic vertical axis for the default single panel
     * @param titleParams parameters named in the title when they are not swept (default: n)
     * @param symbols     parameter to its symbol in titles and legends (e.g. alpha-d to alpha_D)
     * @param extras      further figures drawn from the same summaries, each into its own file
     */
    public record Options(List<Panel> panels, boolean logY, List<String> titleParams, Map<String, String> symbols, List<Extra> extras) {
        public static final Options DEFAULT = new Options(List.of(), false, List.of("n"), Map.of(), List.of());

        public Options {
            panels = List.copyOf(panels);
            titleParams = List.copyOf(titleParams);
            symbols = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
            extras = List.copyOf(extras);
        }

        public Options(List<Panel> panels, boolean logY, List<String> titleParams, Map<String, String> symbols) {
            this(panels, logY, titleParams, symbols, List.of());
        }
    }

    /**
     * A further figure of an experiment, drawn into file.png/.svg beside figure.png (theory lines whose
     * {@link TheoryCurve#figure} names the file are drawn on it).
     */
    public record Extra(String file, Figure figure) {}

    /** The same figure on a logarithmic horizontal axis (drawn linear when a value is not positive). */
    public Figure withLogX() {
        return new Figure(x, xLabel, true, series, yLabel, heatY, heatYLabel, profile, options);
    }

    /** The same figure with one more figure drawn beside it into file.png/.svg. */
    public Figure withExtra(String file, Figure extra) {
        List<Extra> e = new ArrayList<>(options.extras());
        e.add(new Extra(file, extra));
        return with(new Options(options.panels(), options.logY(), options.titleParams(), options.symbols(), e));
    }

    /** The same figure drawn as the given panels, stacked top to bottom in one file. */
    public Figure withPanels(Panel... panels) {
        return with(new Options(List.of(panels), options.logY(), options.titleParams(), options.symbols(), options.extras()));
    }

    /** The same figure with a logarithmic vertical axis (on its default single panel). */
    public Figure withLogY() {
        return with(new Options(options.panels(), true, options.titleParams(), options.symbols(), options.extras()));
    }

    /** The same figure naming these parameters (and their values, when not swept) in its title. */
    public Figure withTitleParams(String... params) {
        return with(new Options(options.panels(), options.logY(), Arrays.asList(params), options.symbols(), options.extras()));
    }

    /** The same figure writing param as symbol in titles and legends. */
    public Figure withSymbol(String param, String symbol) {
        Map<String, String> s = new LinkedHashMap<>(options.symbols());
        s.put(param, symbol);
        return with(new Options(options.panels(), options.logY(), options.titleParams(), s, options.extras()));
    }

    private Figure with(Options o) {
        return new Figure(x, xLabel, logX, series, yLabel, heatY, heatYLabel, profile, o);
    }

    /** The panels to draw: the declared ones, or one panel of all series (none when there are no series). */
    public List<Panel> panels() {
        if (!options.panels().isEmpty()) {
            return options.panels();
        }
        return series == null || series.isEmpty() ? List.of() : List.of(new Panel(new ArrayList<>(series), yLabel, options.logY()));
    }
}
