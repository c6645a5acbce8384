package io.dismc.plot;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.util.ShapeUtils;

/** Point markers, distinct in outline so series can be told apart without colour. */
public enum Marker {
    CIRCLE, SQUARE, TRIANGLE_UP, DIAMOND, TRIANGLE_DOWN, TRIANGLE_RIGHT, CROSS, PLUS;

    /** About this many pixels across. */
    static final float SIZE = 8;

    /** The n-th marker, cycling. */
    public static Marker nth(int n) {
        return values()[Math.floorMod(n, values().length)];
    }

    /** The outline centred on the origin, as JFreeChart's renderers place series shapes (shapes from its ShapeUtils). */
    Shape shape() {
        float r = SIZE / 2;
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Float(-r, -r, SIZE, SIZE);
            case SQUARE -> new Rectangle2D.Float(-0.88f * r, -0.88f * r, 1.76f * r, 1.76f * r);
            case TRIANGLE_UP -> ShapeUtils.createUpTriangle(r);
            case DIAMOND -> ShapeUtils.createDiamond(1.15f * r);
            case TRIANGLE_DOWN -> ShapeUtils.createDownTriangle(r);
            case TRIANGLE_RIGHT -> ShapeUtils.rotateShape(ShapeUtils.createUpTriangle(r), Math.PI / 2, 0, 0);
            case CROSS -> ShapeUtils.createDiagonalCross(r, 1.2f);
            case PLUS -> ShapeUtils.createRegularCross(1.1f * r, 1.2f);
        };
    }
}
