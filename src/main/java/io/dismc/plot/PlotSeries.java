package io.dismc.plot;

/**
 * One curve of a panel.
 *
 * @param label  legend entry
 * @param x      abscissae, ascending
 * @param y      values (means over samples)
 * @param err    standard errors (null: no error bars, as for theory lines; NaN or 0: no bar at that point)
 * @param style  colour, marker and dash
 * @param theory a theory line: drawn as a line without markers
 */
public record PlotSeries(String label, double[] x, double[] y, double[] err, Style style, boolean theory) {
    public PlotSeries {
        if (x.length != y.length || (err != null && err.length != x.length)) {
            throw new IllegalArgumentException("series '" + label + "': x, y and errors differ in length");
        }
    }
}
