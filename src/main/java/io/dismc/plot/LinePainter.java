package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Lays out and paints a {@link LineFigure}: the heading, then each panel with its plot area, axes,
 * grid, error bars, curves, markers and a legend to the right. Stacked panels share the left edge
 * and width of their plot areas, so their horizontal axes line up. Everything drawn lies inside
 * the axis ranges (they are fitted to the data), so nothing needs clipping.
 */
final class LinePainter {
    static final int MIN_WIDTH = 900;
    static final int MIN_PLOT_WIDTH = 540;
    static final int SINGLE_PLOT_HEIGHT = 440;
    static final int STACKED_PLOT_HEIGHT = 290;
    static final int PAD = 16;
    static final int TICK = 5;
    static final int MINOR_TICK = 3;
    static final int LEGEND_SAMPLE = 34;
    static final int LEGEND_GAP = 16;
    static final double MARKER = 8;
    static final Color FRAME = new Color(0x33, 0x33, 0x33);
    static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

    private final LineFigure fig;
    private final double left;        // plot area's left edge
    private final double plotWidth;
    private final double legendWidth;
    private final double headingHeight;
    private final double[] panelTop;  // plot area's top edge, per panel
    private final double[] plotHeight;
    private final int width;
    private final int height;

    LinePainter(LineFigure fig) {
        this.fig = fig;
        double yTicks = 0;
        double legend = 0;
        for (LinePanel p : fig.panels()) {
            for (String l : p.y().labels()) {
                yTicks = Math.max(yTicks, Text.width(l, Text.TICK));
            }
            for (String l : p.legend()) {
                legend = Math.max(legend, Text.width(l, Text.LEGEND));
            }
        }
        legendWidth = legend == 0 ? 0 : LEGEND_SAMPLE + 8 + legend + 16;
        left = PAD + Text.height(Text.AXIS) + 10 + yTicks + TICK + 6;
        double right = (legendWidth == 0 ? 0 : LEGEND_GAP + legendWidth) + PAD;
        double titleWidth = 0;
        for (String t : fig.title()) {
            titleWidth = Math.max(titleWidth, Text.width(t, t == fig.title().get(0) ? Text.TITLE : Text.CAPTION));
        }
        width = (int) Math.ceil(Math.max(Math.max(MIN_WIDTH, left + MIN_PLOT_WIDTH + right), titleWidth + 2 * PAD));
        plotWidth = width - left - right;
        headingHeight = PAD + Text.height(Text.TITLE) + (fig.title().size() - 1) * (Text.height(Text.CAPTION) + 3) + 10;
        int n = fig.panels().size();
        panelTop = new double[n];
        plotHeight = new double[n];
        double below = TICK + 4 + Text.height(Text.TICK) + 6 + Text.height(Text.AXIS) + 10;
        double y = headingHeight;
        for (int i = 0; i < n; i++) {
            double h = n == 1 ? SINGLE_PLOT_HEIGHT : STACKED_PLOT_HEIGHT;
            h = Math.max(h, legendHeight(fig.panels().get(i)) + 4);
            panelTop[i] = y + 8;
            plotHeight[i] = h;
            y = panelTop[i] + h + below;
        }
        height = (int) Math.ceil(y + PAD - 10);
    }

    Dimension size() {
        return new Dimension(width, height);
    }

    private static double rowHeight() {
        return Math.max(18, Text.height(Text.LEGEND) + 5);
    }

    private static double legendHeight(LinePanel p) {
        return p.series().isEmpty() ? 0 : p.series().size() * rowHeight() + 10;
    }

    void paint(Canvas g) {
        g.colour(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.colour(Color.BLACK);
        double y = PAD;
        for (int i = 0; i < fig.title().size(); i++) {
            boolean main = i == 0;
            g.text(fig.title().get(i), main ? Text.TITLE : Text.CAPTION, width / 2.0, y, Text.H.CENTER, Text.V.TOP);
            y += (main ? Text.height(Text.TITLE) : Text.height(Text.CAPTION)) + 3;
        }
        for (int i = 0; i < fig.panels().size(); i++) {
            paintPanel(g, fig.panels().get(i), panelTop[i], plotHeight[i]);
        }
    }

    private void paintPanel(Canvas g, LinePanel p, double top, double h) {
        Rectangle2D.Double area = new Rectangle2D.Double(left, top, plotWidth, h);
        g.colour(Color.WHITE);
        g.fill(area);
        paintGridAndTicks(g, p, area);
        for (PlotSeries s : p.series()) {
            paintSeries(g, p, s, area);
        }
        g.colour(FRAME);
        g.stroke(new BasicStroke(1f));
        g.draw(area);
        paintLegend(g, p, area);
    }

    private void paintGridAndTicks(Canvas g, LinePanel p, Rectangle2D.Double a) {
        g.stroke(new BasicStroke(1f));
        double bottom = a.y + a.height;
        for (Ticks.Tick t : p.x().ticks()) {
            double x = a.x + p.x().fraction(t.value()) * a.width;
            if (t.major()) {
                g.colour(GRID);
                g.draw(new Line2D.Double(x, a.y, x, bottom));
            }
            g.colour(FRAME);
            g.draw(new Line2D.Double(x, bottom, x, bottom + (t.major() ? TICK : MINOR_TICK)));
            if (t.major()) {
                g.text(t.label(), Text.TICK, x, bottom + TICK + 4, Text.H.CENTER, Text.V.TOP);
            }
        }
        for (Ticks.Tick t : p.y().ticks()) {
            double y = bottom - p.y().fraction(t.value()) * a.height;
            if (t.major()) {
                g.colour(GRID);
                g.draw(new Line2D.Double(a.x, y, a.x + a.width, y));
            }
            g.colour(FRAME);
            g.draw(new Line2D.Double(a.x - (t.major() ? TICK : MINOR_TICK), y, a.x, y));
            if (t.major()) {
                g.text(t.label(), Text.TICK, a.x - TICK - 4, y, Text.H.RIGHT, Text.V.MIDDLE);
            }
        }
        g.colour(Color.BLACK);
        double xLabelTop = bottom + TICK + 4 + Text.height(Text.TICK) + 6;
        g.text(p.x().label(), Text.AXIS, a.x + a.width / 2, xLabelTop, Text.H.CENTER, Text.V.TOP);
        g.verticalText(p.y().label(), Text.AXIS, PAD + Text.height(Text.AXIS) / 2, a.y + a.height / 2);
    }

    private void paintSeries(Canvas g, LinePanel p, PlotSeries s, Rectangle2D.Double a) {
        Style st = s.style();
        double bottom = a.y + a.height;
        int n = s.x().length;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = a.x + p.x().fraction(s.x()[i]) * a.width;
            py[i] = bottom - p.y().fraction(s.y()[i]) * a.height;
        }
        g.colour(st.colour());
        if (s.err() != null) {
            g.stroke(new BasicStroke(1.1f));
            for (int i = 0; i < n; i++) {
                double e = s.err()[i];
                if (!(e > 0)) {
                    continue;
                }
                double hiY = bottom - p.y().fraction(Math.min(s.y()[i] + e, p.y().hi())) * a.height;
                double lo = s.y()[i] - e;
                boolean cut = lo < p.y().lo(); // below a log axis' range (or zero): the bar runs off the bottom
                double loY = cut ? bottom : bottom - p.y().fraction(lo) * a.height;
                g.draw(new Line2D.Double(px[i], hiY, px[i], loY));
                g.draw(new Line2D.Double(px[i] - 3, hiY, px[i] + 3, hiY));
                if (!cut) {
                    g.draw(new Line2D.Double(px[i] - 3, loY, px[i] + 3, loY));
                }
            }
        }
        if (n > 1) {
            Path2D.Double line = new Path2D.Double();
            line.moveTo(px[0], py[0]);
            for (int i = 1; i < n; i++) {
                line.lineTo(px[i], py[i]);
            }
            g.stroke(st.stroke(s.theory() ? 1.8f : 1.5f));
            g.draw(line);
        }
        if (st.hasMarker()) {
            for (int i = 0; i < n; i++) {
                paintMarker(g, st, px[i], py[i]);
            }
        }
    }

    static void paintMarker(Canvas g, Style st, double x, double y) {
        Shape m = st.marker().at(x, y, MARKER);
        if (st.marker().filled) {
            g.colour(st.colour());
            g.fill(m);
            g.colour(st.colour().darker().darker());
            g.stroke(new BasicStroke(0.8f));
            g.draw(m);
        } else {
            g.colour(st.colour());
            g.stroke(new BasicStroke(1.6f));
            g.draw(m);
        }
    }

    private void paintLegend(Canvas g, LinePanel p, Rectangle2D.Double a) {
        if (p.series().isEmpty()) {
            return;
        }
        double x = a.x + a.width + LEGEND_GAP;
        Rectangle2D.Double box = new Rectangle2D.Double(x, a.y, legendWidth, legendHeight(p));
        g.colour(Color.WHITE);
        g.fill(box);
        g.colour(GRID.darker());
        g.stroke(new BasicStroke(1f));
        g.draw(box);
        double row = rowHeight();
        List<PlotSeries> series = p.series();
        for (int i = 0; i < series.size(); i++) {
            PlotSeries s = series.get(i);
            double cy = a.y + 5 + row * (i + 0.5);
            g.colour(s.style().colour());
            g.stroke(s.style().stroke(s.theory() ? 1.8f : 1.5f));
            g.draw(new Line2D.Double(x + 8, cy, x + 8 + LEGEND_SAMPLE, cy));
            if (s.style().hasMarker()) {
                paintMarker(g, s.style(), x + 8 + LEGEND_SAMPLE / 2.0, cy);
            }
            g.colour(Color.BLACK);
            g.text(s.label(), Text.LEGEND, x + 8 + LEGEND_SAMPLE + 8, cy, Text.H.LEFT, Text.V.MIDDLE);
        }
    }
}
