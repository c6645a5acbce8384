package io.dismc.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;

/**
 * Fonts, and text measured with one fixed font render context, so the layout does not depend on
 * the device; drawn on a Java2D context for the PNG (the SVG writes its own text elements). A '^'
 * starts a superscript that runs to the end ("10^-5").
 */
final class Text {
    static final String FAMILY = Font.SANS_SERIF;
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 16);
    static final Font CAPTION = new Font(FAMILY, Font.PLAIN, 13);
    static final Font AXIS = new Font(FAMILY, Font.PLAIN, 14);
    static final Font TICK = new Font(FAMILY, Font.PLAIN, 12);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 12);
    static final Font CELL = new Font(FAMILY, Font.PLAIN, 12);

    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    enum H { LEFT, CENTER, RIGHT }

    enum V { TOP, MIDDLE, BASELINE, BOTTOM }

    private Text() {}

    static double width(String s, Font f) {
        int caret = s.indexOf('^');
        if (caret < 0) {
            return f.getStringBounds(s, FRC).getWidth();
        }
        return f.getStringBounds(s.substring(0, caret), FRC).getWidth()
                + sup(f).getStringBounds(s.substring(caret + 1), FRC).getWidth();
    }

    static double ascent(Font f) {
        return metrics(f).getAscent();
    }

    static double descent(Font f) {
        return metrics(f).getDescent();
    }

    /** Line height: ascent plus descent. */
    static double height(Font f) {
        LineMetrics m = metrics(f);
        return m.getAscent() + m.getDescent();
    }

    private static LineMetrics metrics(Font f) {
        return f.getLineMetrics("Xg", FRC);
    }

    private static Font sup(Font f) {
        return f.deriveFont(f.getSize2D() * 0.75f);
    }

    /** The baseline for text whose top, middle, baseline or bottom is at y. */
    static double baseline(Font f, double y, V v) {
        return switch (v) {
            case TOP -> y + ascent(f);
            case MIDDLE -> y + (ascent(f) - descent(f)) / 2;
            case BASELINE -> y;
            case BOTTOM -> y - descent(f);
        };
    }

    /** Draws s anchored at (x, y). */
    static void draw(Graphics2D g, String s, Font f, double x, double y, H h, V v) {
        double w = width(s, f);
        double left = switch (h) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        double base = baseline(f, y, v);
        int caret = s.indexOf('^');
        g.setFont(f);
        if (caret < 0) {
            g.drawString(s, (float) left, (float) base);
            return;
        }
        String main = s.substring(0, caret);
        g.drawString(main, (float) left, (float) base);
        g.setFont(sup(f));
        g.drawString(s.substring(caret + 1), (float) (left + f.getStringBounds(main, FRC).getWidth()),
                (float) (base - ascent(f) * 0.45));
        g.setFont(f);
    }

    /** Draws s rotated a quarter turn counter-clockwise, centred on (x, y) along its length. */
    static void drawVertical(Graphics2D g, String s, Font f, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        draw(g, s, f, 0, 0, H.CENTER, V.MIDDLE);
        g.setTransform(saved);
    }
}
