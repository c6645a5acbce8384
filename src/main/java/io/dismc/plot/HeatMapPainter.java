package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * Lays out and paints a {@link HeatMapFigure}: the heading, a grid of cells coloured on viridis
 * with their values written in, every row and column labelled, the axis titles, and a colour bar
 * with ticks and the observable's name.
 */
final class HeatMapPainter {
    static final int MIN_WIDTH = 900;
    static final int GRID_HEIGHT = 440;
    static final int PAD = 16;
    static final int BAR_WIDTH = 22;
    static final int STRIPS = 128;
    static final Color EMPTY = new Color(0xDD, 0xDD, 0xDD);

    private final HeatMapFigure fig;
    private final int width;
    private final int height;
    private final Rectangle2D.Double grid;
    private final double barX;

    HeatMapPainter(HeatMapFigure fig) {
        this.fig = fig;
        double rowLabels = 0;
        for (String r : fig.rows()) {
            rowLabels = Math.max(rowLabels, Text.width(r, Text.TICK));
        }
        double barLabels = 0;
        for (Ticks.Tick t : fig.colourTicks()) {
            barLabels = Math.max(barLabels, Text.width(t.label(), Text.TICK));
        }
        double titleWidth = 0;
        for (String t : fig.title()) {
            titleWidth = Math.max(titleWidth, Text.width(t, t == fig.title().get(0) ? Text.TITLE : Text.CAPTION));
        }
        width = (int) Math.ceil(Math.max(MIN_WIDTH, titleWidth + 2 * PAD));
        double heading = PAD + Text.height(Text.TITLE) + (fig.title().size() - 1) * (Text.height(Text.CAPTION) + 3) + 14;
        double left = PAD + Text.height(Text.AXIS) + 10 + rowLabels + 8;
        double right = 24 + BAR_WIDTH + 5 + 4 + barLabels + 10 + Text.height(Text.AXIS) + PAD;
        grid = new Rectangle2D.Double(left, heading, width - left - right, GRID_HEIGHT);
        barX = grid.x + grid.width + 24;
        height = (int) Math.ceil(grid.y + grid.height + 6 + Text.height(Text.TICK) + 8 + Text.height(Text.AXIS) + PAD);
    }

    Dimension size() {
        return new Dimension(width, height);
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
        int cols = fig.columns().size();
        int rows = fig.rows().size();
        double cw = grid.width / cols;
        double ch = grid.height / rows;
        int decimals = decimals(fig.values());
        boolean writeValues = cw >= 34 && ch >= Text.height(Text.CELL) + 2;
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < rows; j++) {
                double v = fig.values()[i][j];
                Rectangle2D.Double cell = new Rectangle2D.Double(grid.x + i * cw, grid.y + grid.height - (j + 1) * ch, cw, ch);
                Color c = Double.isNaN(v) ? EMPTY : Palette.viridis(fig.fraction(v));
                g.colour(c);
                g.fill(cell);
                g.colour(Color.WHITE);
                g.stroke(new BasicStroke(1f));
                g.draw(cell);
                if (writeValues && !Double.isNaN(v)) {
                    g.colour(Palette.luminance(c) < 0.3 ? Color.WHITE : Color.BLACK);
                    g.text(String.format(Locale.ROOT, "%." + decimals + "f", v), Text.CELL, cell.getCenterX(),
                            cell.getCenterY(), Text.H.CENTER, Text.V.MIDDLE);
                }
            }
        }
        g.colour(Color.BLACK);
        double bottom = grid.y + grid.height;
        for (int i = 0; i < cols; i++) {
            g.text(fig.columns().get(i), Text.TICK, grid.x + (i + 0.5) * cw, bottom + 6, Text.H.CENTER, Text.V.TOP);
        }
        for (int j = 0; j < rows; j++) {
            g.text(fig.rows().get(j), Text.TICK, grid.x - 8, bottom - (j + 0.5) * ch, Text.H.RIGHT, Text.V.MIDDLE);
        }
        g.text(fig.xLabel(), Text.AXIS, grid.x + grid.width / 2, bottom + 6 + Text.height(Text.TICK) + 8,
                Text.H.CENTER, Text.V.TOP);
        g.verticalText(fig.yLabel(), Text.AXIS, PAD + Text.height(Text.AXIS) / 2, grid.y + grid.height / 2);
        paintColourBar(g);
    }

    private void paintColourBar(Canvas g) {
        double strip = grid.height / STRIPS;
        for (int k = 0; k < STRIPS; k++) {
            g.colour(Palette.viridis((k + 0.5) / STRIPS));
            // overlap by half a pixel so no seams show between strips
            g.fill(new Rectangle2D.Double(barX, grid.y + grid.height - (k + 1) * strip - 0.5, BAR_WIDTH, strip + 1));
        }
        g.colour(LinePainter.FRAME);
        g.stroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(barX, grid.y, BAR_WIDTH, grid.height));
        double labels = 0;
        for (Ticks.Tick t : fig.colourTicks()) {
            double y = grid.y + grid.height - fig.fraction(t.value()) * grid.height;
            g.colour(LinePainter.FRAME);
            g.draw(new Line2D.Double(barX + BAR_WIDTH, y, barX + BAR_WIDTH + 5, y));
            g.colour(Color.BLACK);
            g.text(t.label(), Text.TICK, barX + BAR_WIDTH + 9, y, Text.H.LEFT, Text.V.MIDDLE);
            labels = Math.max(labels, Text.width(t.label(), Text.TICK));
        }
        double lx = barX + BAR_WIDTH + 9 + labels + 10 + Text.height(Text.AXIS) / 2;
        g.verticalText(fig.colourLabel(), Text.AXIS, lx, grid.y + grid.height / 2);
    }

    /** Decimals for the cell values: two below 10, one below 100, none above. */
    static int decimals(double[][] values) {
        double max = 0;
        for (double[] col : values) {
            for (double v : col) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max < 10 ? 2 : max < 100 ? 1 : 0;
    }
}
