package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A {@link HeatMapFigure} as a JFreeChart: one block per (column, row) coloured on viridis
 * (XYBlockRenderer), its value written in it, every column and row labelled (SymbolAxis), a
 * colour bar titled with the observable (PaintScaleLegend), and theory lines over the cells (white, with
 * a dark outline so they show on every colour; one dash per line, named in a legend below).
 */
final class HeatMapCharts {
    static final int HEIGHT = 620;
    static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color EMPTY = new Color(0xDD, 0xDD, 0xDD);
    /** Values are written in the cells while the grid has at most this many columns and rows. */
    static final int MAX_WRITTEN_COLUMNS = 20;
    static final int MAX_WRITTEN_ROWS = 24;

    private HeatMapCharts() {}

    /** Viridis over [lo, hi]; no data (NaN) in grey. */
    record Viridis(HeatMapFigure fig) implements PaintScale {
        @Override
        public double getLowerBound() {
            return fig.lo();
        }

        @Override
        public double getUpperBound() {
            return fig.hi();
        }

        @Override
        public Paint getPaint(double v) {
            return Double.isNaN(v) ? EMPTY : Palette.viridis(fig.fraction(v));
        }
    }

    static Charts.Sized chart(HeatMapFigure f) {
        int cols = f.columns().size();
        int rows = f.rows().size();
        double[][] cells = new double[3][cols * rows];
        Viridis scale = new Viridis(f);
        XYPlot plot = new XYPlot();
        int decimals = decimals(f.values());
        boolean write = cols <= MAX_WRITTEN_COLUMNS && rows <= MAX_WRITTEN_ROWS;
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < rows; j++) {
                double v = f.values()[i][j];
                int k = i * rows + j;
                cells[0][k] = i;
                cells[1][k] = j;
                cells[2][k] = v;
                if (write && !Double.isNaN(v)) {
                    XYTextAnnotation text = new XYTextAnnotation(String.format(Locale.ROOT, "%." + decimals + "f", v), i, j);
                    text.setFont(CELL);
                    text.setPaint(Palette.luminance(Palette.viridis(f.fraction(v))) < 0.3 ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(text, false);
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(f.colourLabel(), cells);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(scale);
        blocks.setBlockWidth(0.98); // the white between blocks separates the cells
        blocks.setBlockHeight(0.97);
        plot.setDataset(data);
        plot.setRenderer(blocks);
        if (!f.lines().isEmpty()) {
            // each line twice: a dark wide stroke under a white dashed one
            XYSeriesCollection under = new XYSeriesCollection();
            XYSeriesCollection over = new XYSeriesCollection();
            XYLineAndShapeRenderer dark = new XYLineAndShapeRenderer(true, false);
            XYLineAndShapeRenderer light = new XYLineAndShapeRenderer(true, false);
            for (int k = 0; k < f.lines().size(); k++) {
                HeatMapFigure.Line line = f.lines().get(k);
                XYSeries a = new XYSeries(line.name() + " ", false, true);
                XYSeries b = new XYSeries(line.name(), false, true);
                for (int i = 0; i < line.x().length; i++) {
                    a.add(line.x()[i], line.y()[i]);
                    b.add(line.x()[i], line.y()[i]);
                }
                under.addSeries(a);
                over.addSeries(b);
                Style style = new Style(Color.WHITE, null, k % Style.DASHES.length);
                dark.setSeriesPaint(k, new Color(0x22, 0x22, 0x22));
                dark.setSeriesStroke(k, new BasicStroke(4.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                dark.setSeriesVisibleInLegend(k, false);
                light.setSeriesPaint(k, Color.WHITE);
                light.setSeriesStroke(k, style.stroke(2.2f));
            }
            for (XYLineAndShapeRenderer r : List.of(dark, light)) {
                r.setDrawSeriesLineAsPath(true);
                r.setLegendLine(new java.awt.geom.Line2D.Double(-17, 0, 17, 0));
            }
            // drawn in index order: the cells, the dark strokes, the white dashes on top
            plot.setDataset(1, under);
            plot.setRenderer(1, dark);
            plot.setDataset(2, over);
            plot.setRenderer(2, light);
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        }
        plot.setDomainAxis(categories(f.xLabel(), f.columns().toArray(String[]::new)));
        plot.setRangeAxis(categories(f.yLabel(), f.rows().toArray(String[]::new)));
        Charts.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);

        PaintScaleLegend bar = new PaintScaleLegend(scale, TickedAxes.of(new Axis(f.colourLabel(), f.lo(), f.hi(), false,
                f.colourTicks())));
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(22);
        bar.setSubdivisionCount(128);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(Charts.FRAME);
        bar.setStripOutlineStroke(new BasicStroke(1f));
        bar.setAxisOffset(0);
        bar.setMargin(new RectangleInsets(4, 20, 48, 4)); // bottom: the horizontal axis' height, so the bar spans the grid
        JFreeChart chart = Charts.titled(f.title(), plot);
        if (!f.lines().isEmpty()) {
            // added before the colour bar, so that it spans the width and the bar still spans only the grid
            LegendTitle legend = new LegendTitle(plot.getRenderer(2));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(Charts.LEGEND);
            legend.setBackgroundPaint(new Color(0x88, 0x88, 0x88));
            legend.setItemPaint(Color.WHITE);
            legend.setFrame(new BlockBorder(Charts.GRID.darker()));
            legend.setMargin(new RectangleInsets(8, 0, 0, 0));
            chart.addSubtitle(legend);
        }
        chart.addSubtitle(bar);
        return new Charts.Sized(chart, Charts.width(f.title(), 0), HEIGHT + (f.lines().isEmpty() ? 0 : 40));
    }

    /** An axis with one labelled position per column (or row), 0, 1, ..., and half a cell of margin. */
    private static SymbolAxis categories(String label, String[] names) {
        SymbolAxis axis = new SymbolAxis(label, names);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.5, names.length - 0.5);
        Charts.style(axis);
        axis.setTickMarksVisible(false); // a label centred on its cell needs no mark
        axis.setMinorTickMarksVisible(false);
        return axis;
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
