package io.dismc.plot;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Point markers, distinct in outline so series can be told apart without colour. */
public enum Marker {
    CIRCLE(true), SQUARE(true), TRIANGLE_UP(true), DIAMOND(true), TRIANGLE_DOWN(true), PENTAGON(true), CROSS(false), PLUS(false);

    /** Filled shapes are painted in the series colour with a dark edge; the others are stroked. */
    public final boolean filled;

    Marker(boolean filled) {
        this.filled = filled;
    }

    /** The n-th marker, cycling. */
    public static Marker nth(int n) {
        return values()[Math.floorMod(n, values().length)];
    }

    /** The marker's outline centred on (x, y), about size pixels across. */
    public Shape at(double x, double y, double size) {
        double r = size / 2;
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(x - r, y - r, size, size);
            case SQUARE -> new Rectangle2D.Double(x - r * 0.88, y - r * 0.88, size * 0.88, size * 0.88);
            case TRIANGLE_UP -> polygon(x, y, r * 1.15, 3, -Math.PI / 2);
            case TRIANGLE_DOWN -> polygon(x, y, r * 1.15, 3, Math.PI / 2);
            case DIAMOND -> polygon(x, y, r * 1.15, 4, 0);
            case PENTAGON -> polygon(x, y, r * 1.05, 5, -Math.PI / 2);
            case CROSS -> cross(x, y, r, Math.PI / 4);
            case PLUS -> cross(x, y, r * 1.1, 0);
        };
    }

    private static Shape polygon(double x, double y, double r, int corners, double phase) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < corners; k++) {
            double a = phase + 2 * Math.PI * k / corners;
            if (k == 0) {
                p.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
            } else {
                p.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape cross(double x, double y, double r, double phase) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < 2; k++) {
            double a = phase + Math.PI / 2 * k;
            p.moveTo(x - r * Math.cos(a), y - r * Math.sin(a));
            p.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
        }
        return p;
    }
}
