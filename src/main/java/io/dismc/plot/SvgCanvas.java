package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A canvas that writes SVG 1.1 directly: rect, line, circle and path elements, and text elements
 * with their font and anchor (text-anchor start, middle or end). Coordinates in pixels with two
 * decimals, so the same figure always gives the same bytes.
 */
final class SvgCanvas implements Canvas {
    /** The PNG's SansSerif is DejaVu Sans where it is installed; viewers without it fall back in order. */
    static final String FONTS = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif";

    private final StringBuilder out = new StringBuilder();
    private Color colour = Color.BLACK;
    private BasicStroke stroke = new BasicStroke(1f);

    SvgCanvas(int width, int height) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
    }

    byte[] bytes() {
        return (out + "</svg>\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void colour(Color c) {
        colour = c;
    }

    @Override
    public void stroke(BasicStroke s) {
        stroke = s;
    }

    @Override
    public void fill(Shape s) {
        element(s, "fill=\"" + rgb(colour) + "\"");
    }

    @Override
    public void draw(Shape s) {
        StringBuilder a = new StringBuilder("fill=\"none\" stroke=\"").append(rgb(colour)).append("\" stroke-width=\"")
                .append(num(stroke.getLineWidth())).append('"');
        if (stroke.getDashArray() != null) {
            a.append(" stroke-dasharray=\"");
            float[] d = stroke.getDashArray();
            for (int i = 0; i < d.length; i++) {
                a.append(i == 0 ? "" : ",").append(num(d[i]));
            }
            a.append('"');
        }
        a.append(stroke.getEndCap() == BasicStroke.CAP_ROUND ? " stroke-linecap=\"round\"" : "");
        a.append(stroke.getLineJoin() == BasicStroke.JOIN_ROUND ? " stroke-linejoin=\"round\"" : "");
        element(s, a.toString());
    }

    private void element(Shape s, String paint) {
        if (s instanceof Line2D l) {
            out.append("<line x1=\"").append(num(l.getX1())).append("\" y1=\"").append(num(l.getY1())).append("\" x2=\"")
                    .append(num(l.getX2())).append("\" y2=\"").append(num(l.getY2())).append("\" ");
        } else if (s instanceof Rectangle2D r) {
            out.append("<rect x=\"").append(num(r.getX())).append("\" y=\"").append(num(r.getY())).append("\" width=\"")
                    .append(num(r.getWidth())).append("\" height=\"").append(num(r.getHeight())).append("\" ");
        } else if (s instanceof Ellipse2D e && e.getWidth() == e.getHeight()) {
            out.append("<circle cx=\"").append(num(e.getCenterX())).append("\" cy=\"").append(num(e.getCenterY()))
                    .append("\" r=\"").append(num(e.getWidth() / 2)).append("\" ");
        } else {
            out.append("<path d=\"").append(path(s)).append("\" ");
        }
        out.append(paint).append("/>\n");
    }

    private static String path(Shape s) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3])).append(' ').append(num(c[4])).append(' ')
                        .append(num(c[5]));
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    @Override
    public void text(String s, Font f, double x, double y, Text.H h, Text.V v) {
        out.append(textElement(s, f, x, Text.baseline(f, y, v), h, "")).append('\n');
    }

    @Override
    public void verticalText(String s, Font f, double x, double y) {
        String rotate = " transform=\"rotate(-90 " + num(x) + " " + num(y) + ")\"";
        out.append(textElement(s, f, x, Text.baseline(f, y, Text.V.MIDDLE), Text.H.CENTER, rotate)).append('\n');
    }

    private String textElement(String s, Font f, double x, double base, Text.H h, String extra) {
        String anchor = switch (h) {
            case LEFT -> "start";
            case CENTER -> "middle";
            case RIGHT -> "end";
        };
        StringBuilder t = new StringBuilder("<text x=\"").append(num(x)).append("\" y=\"").append(num(base))
                .append("\" font-family=\"").append(FONTS).append("\" font-size=\"").append(num(f.getSize2D())).append('"')
                .append(f.isBold() ? " font-weight=\"bold\"" : "").append(" text-anchor=\"").append(anchor).append("\" fill=\"")
                .append(rgb(colour)).append('"').append(extra).append('>');
        int caret = s.indexOf('^');
        if (caret < 0) {
            t.append(escape(s));
        } else {
            t.append(escape(s.substring(0, caret))).append("<tspan dy=\"").append(num(-Text.ascent(f) * 0.45))
                    .append("\" font-size=\"").append(num(f.getSize2D() * 0.75)).append("\">")
                    .append(escape(s.substring(caret + 1))).append("</tspan>");
        }
        return t.append("</text>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String rgb(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
