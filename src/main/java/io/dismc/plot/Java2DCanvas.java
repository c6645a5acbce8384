package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;

/** A canvas on a Java2D graphics context (the PNG). */
final class Java2DCanvas implements Canvas {
    private final Graphics2D g;

    Java2DCanvas(Graphics2D g) {
        this.g = g;
    }

    @Override
    public void colour(Color c) {
        g.setColor(c);
    }

    @Override
    public void stroke(BasicStroke s) {
        g.setStroke(s);
    }

    @Override
    public void fill(Shape s) {
        g.fill(s);
    }

    @Override
    public void draw(Shape s) {
        g.draw(s);
    }

    @Override
    public void text(String s, Font f, double x, double y, Text.H h, Text.V v) {
        Text.draw(g, s, f, x, y, h, v);
    }

    @Override
    public void verticalText(String s, Font f, double x, double y) {
        Text.drawVertical(g, s, f, x, y);
    }
}
