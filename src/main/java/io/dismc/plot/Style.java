package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * How one series is drawn: colour, marker (null: a line without markers, as for theory) and dash
 * pattern (index into {@link #DASHES}; 0 is solid).
 */
public record Style(Color colour, Marker marker, int dash) {
    /** Solid, dashed, dotted, dash-dot, long dash. */
    static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}, {14f, 4f}};

    public Style {
        if (colour == null) {
            throw new IllegalArgumentException("a series style needs a colour");
        }
        dash = Math.floorMod(dash, DASHES.length);
    }

    public boolean hasMarker() {
        return marker != null;
    }

    /** The line's stroke at the given width. */
    BasicStroke stroke(float width) {
        float[] d = DASHES[dash];
        return d == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f);
    }
}
