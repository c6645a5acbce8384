package io.dismc.experiment;

import java.util.List;

/**
 * An experiment's standard figure: observables against a swept parameter, one curve per value of
 * any other swept parameter; or, when heatX and heatY both vary, a heat map of the first observable.
 *
 * @param x        parameter on the horizontal axis
 * @param xLabel   axis label in the papers' notation
 * @param logX     logarithmic horizontal axis
 * @param series   observables drawn as curves (with standard-error bars)
 * @param yLabel   vertical axis label
 * @param heatY    second parameter for the heat map (null: never a heat map)
 * @param heatYLabel its label
 * @param profile    for profile figures: observable to abscissa (null otherwise)
 */
public record Figure(String x, String xLabel, boolean logX, List<String> series, String yLabel,
                     String heatY, String heatYLabel, java.util.Map<String, Double> profile) {

    public Figure(String x, String xLabel, boolean logX, List<String> series, String yLabel, String heatY, String heatYLabel) {
        this(x, xLabel, logX, series, yLabel, heatY, heatYLabel, null);
    }

    /**
     * A profile figure: each point is one curve over the given observables, drawn at the given
     * abscissae (e.g. local energy at distances d), labelled by the swept parameters.
     */
    public static Figure profile(String xLabel, java.util.Map<String, Double> observableAt, String yLabel) {
        return new Figure(null, xLabel, false, List.copyOf(observableAt.keySet()), yLabel, null, null, observableAt);
    }
}
