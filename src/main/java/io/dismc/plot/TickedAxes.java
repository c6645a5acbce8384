package io.dismc.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * JFreeChart axes over an {@link Axis}: its range, title and the ticks {@link Ticks} chose (labelled
 * and minor). The tick choice is ours (enough labels on short log axes, one format per axis); the
 * library lays out and draws them, grid lines included. Labels stay plain strings so the SVG keeps
 * them as text: a "^" superscript ("10^-5") becomes Unicode superscript digits.
 */
final class TickedAxes {
    private TickedAxes() {}

    static ValueAxis of(Axis a) {
        ValueAxis axis = a.log() ? new Log(a.label(), a.ticks()) : new Linear(a.label(), a.ticks());
        axis.setRange(a.lo(), a.hi());
        Charts.style(axis);
        return axis;
    }

    /** A linear axis drawing the given ticks. */
    static final class Linear extends NumberAxis {
        private final List<Ticks.Tick> ticks;

        Linear(String label, List<Ticks.Tick> ticks) {
            super(label);
            this.ticks = List.copyOf(ticks);
        }

        @Override
        public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return convert(ticks, edge);
        }
    }

    /** A logarithmic axis drawing the given ticks. */
    static final class Log extends LogAxis {
        private final List<Ticks.Tick> ticks;

        Log(String label, List<Ticks.Tick> ticks) {
            super(label);
            this.ticks = List.copyOf(ticks);
        }

        @Override
        public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            return convert(ticks, edge);
        }
    }

    static List<NumberTick> convert(List<Ticks.Tick> ticks, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        return ticks.stream().map(t -> new NumberTick(t.major() ? TickType.MAJOR : TickType.MINOR, t.value(),
                t.major() ? superscript(t.label()) : "", anchor, anchor, 0)).toList();
    }

    private static final String DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** "2×10^-5" as "2×10⁻⁵"; labels without "^" unchanged. */
    static String superscript(String label) {
        int caret = label.indexOf('^');
        if (caret < 0) {
            return label;
        }
        StringBuilder s = new StringBuilder(label.substring(0, caret));
        for (char c : label.substring(caret + 1).toCharArray()) {
            s.append(c == '-' ? '⁻' : Character.isDigit(c) ? DIGITS.charAt(c - '0') : c);
        }
        return s.toString();
    }
}
