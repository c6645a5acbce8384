package io.dismc.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A theory line drawn on an experiment's figure (no error bars, no markers).
 *
 * @param name       legend entry
 * @param x          abscissae: the figure's horizontal parameter
 * @param y          ordinates: the predicted observable on a curves figure; the heat-map parameter for a phase line
 * @param at         the swept-parameter values the line is computed for: it takes the colour of the measured
 *                   curves with those values (empty: black)
 * @param observable the observable it predicts: drawn in that observable's panel, in its colour when nothing
 *                   else is swept (null: the first panel); for a phase line, the heat map it is drawn on (null: all)
 * @param phaseLine  a line in the plane of the heat maps (horizontal parameter, heat-map parameter), drawn over
 *                   them instead of on the curves
 * @param figure     the file name of the extra figure it is drawn on ({@link Figure#withExtra}); null: the
 *                   standard figure and its heat maps
 */
public record TheoryCurve(String name, double[] x, double[] y, Map<String, Object> at, String observable, boolean phaseLine,
                          String figure) {
    public TheoryCurve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("theory line '" + name + "': " + x.length + " abscissae for " + y.length + " values");
        }
        at = Collections.unmodifiableMap(new LinkedHashMap<>(at == null ? Map.of() : at));
    }

    /** A line on the standard figure (or over its heat maps). */
    public TheoryCurve(String name, double[] x, double[] y, Map<String, Object> at, String observable, boolean phaseLine) {
        this(name, x, y, at, observable, phaseLine, null);
    }

    /** A black line on the first panel of the curves figure. */
    public TheoryCurve(String name, double[] x, double[] y) {
        this(name, x, y, Map.of(), null, false);
    }

    /** A vertical black line at x from y0 to y1 (a threshold) on the first panel; {@link #of} moves it. */
    public static TheoryCurve vertical(String name, double x, double y0, double y1) {
        return new TheoryCurve(name, new double[] {x, x}, new double[] {y0, y1});
    }

    /** A line over the heat maps: x the horizontal parameter, y the heat-map parameter. */
    public static TheoryCurve phaseLine(String name, double[] x, double[] y) {
        return new TheoryCurve(name, x, y, Map.of(), null, true);
    }

    /** The same line, predicting this observable (its panel, its colour). */
    public TheoryCurve of(String observableName) {
        return new TheoryCurve(name, x, y, at, observableName, phaseLine, figure);
    }

    /** The same line, computed for the curves with parameter = value (their colour). */
    public TheoryCurve at(String param, Object value) {
        Map<String, Object> a = new LinkedHashMap<>(at);
        a.put(param, value);
        return new TheoryCurve(name, x, y, a, observable, phaseLine, figure);
    }

    /** The same line, drawn on the extra figure written to file.png/.svg instead of the standard one. */
    public TheoryCurve onFigure(String file) {
        return new TheoryCurve(name, x, y, at, observable, phaseLine, file);
    }
}
