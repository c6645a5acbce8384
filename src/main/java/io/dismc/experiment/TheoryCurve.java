package io.dismc.experiment;

/**
 * A theory line drawn on an experiment's figure (no error bars, no markers).
 *
 * @param panel index of the figure panel it is drawn in (0: the first, top panel)
 */
public record TheoryCurve(String name, double[] x, double[] y, int panel) {
    public TheoryCurve {
        if (panel < 0) {
            throw new IllegalArgumentException("theory line '" + name + "': panel " + panel + " (accepted: >= 0)");
        }
    }

    /** A line in the first panel. */
    public TheoryCurve(String name, double[] x, double[] y) {
        this(name, x, y, 0);
    }

    /** A horizontal line at level y from x0 to x1 in the given panel. */
    public static TheoryCurve level(String name, double y, double x0, double x1, int panel) {
        return new TheoryCurve(name, new double[] {x0, x1}, new double[] {y, y}, panel);
    }
}
