package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;

/**
 * What the painters draw on: shapes in a colour and stroke, and anchored text. Two backends, a
 * Java2D bitmap (PNG) and an SVG writer, so both files are the same picture and the SVG keeps text
 * as text with its anchor (it stays aligned where the viewer substitutes another font).
 */
interface Canvas {
    void colour(Color c);

    void stroke(BasicStroke s);

    void fill(Shape s);

    void draw(Shape s);

    /** Text anchored at (x, y); a '^' starts a superscript that runs to the end ("10^-5"). */
    void text(String s, Font f, double x, double y, Text.H h, Text.V v);

    /** Text turned a quarter counter-clockwise, centred on (x, y). */
    void verticalText(String s, Font f, double x, double y);
}
