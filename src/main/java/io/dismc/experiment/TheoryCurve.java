package io.dismc.experiment;

/**
 * A theory line drawn on an experiment's figure (no error bars, no markers).
 *
 * @param panel the figure panel it is drawn in (0: the first; an index past the last panel draws in the first)
 */
public record TheoryCurve(String name, double[] x, double[] y, int panel) {
    /** A line in the first panel. */
    public TheoryCurve(String name, double[] x, double[] y) {
        this(name, x, y, 0);
    }

    /** A vertical line at x from y0 to y1 (a threshold), in the given panel. */
    public static TheoryCurve vertical(String name, double x, double y0, double y1, int panel) {
        return new TheoryCurve(name, new double[] {x, x}, new double[] {y0, y1}, panel);
    }
}
