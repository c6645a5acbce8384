package io.dismc.experiment;

/**
 * A theory line drawn on an experiment's figures (no error bars, no markers).
 *
 * @param figure where it is drawn: null for the standard figure's first panel, {@link #HEAT_MAPS} for the
 *               heat maps (x and y in the units of the two heat-map parameters), or the file name of one of
 *               the figure's extra figures ({@link Figure#withExtra})
 */
public record TheoryCurve(String name, double[] x, double[] y, String figure) {
    /** The figure value of lines drawn over the heat maps. */
    public static final String HEAT_MAPS = "heatmap";

    /** A line on the standard figure. */
    public TheoryCurve(String name, double[] x, double[] y) {
        this(name, x, y, null);
    }

    /** The same line on another figure (null: the standard one). */
    public TheoryCurve on(String target) {
        return new TheoryCurve(name, x, y, target);
    }
}
