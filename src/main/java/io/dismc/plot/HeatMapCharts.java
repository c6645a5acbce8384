package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Locale;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A {@link HeatMapFigure} as a JFreeChart: one block per (column, row) coloured on viridis
 * (XYBlockRenderer), its value written in it, every column and row labelled (SymbolAxis), and a
 * colour bar titled with the observable (PaintScaleLegend); theory lines over the cells, each on a white
 * halo, with their legend under the map.
 */
final class HeatMapCharts {
    static final int HEIGHT = 620;
    static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color EMPTY = new Color(0xDD, 0xDD, 0xDD);
    /** Values are written in the cells while the grid has at most this many columns and rows. */
    static final int MAX_WRITTEN_COLUMNS = 20;
    static final int MAX_WRITTEN_ROWS = 24;
    static final float LINE_WIDTH = 2.4f;
    /** Height of a legend of lines under the map: its frame and margin, and one row per entry. */
    static final int LEGEND_BASE = 24;
    static final int LEGEND_ROW = 18;
    static final int LEGEND_SAMPLE = 70;

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
        List<XYTextAnnotation> texts = new ArrayList<>();
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
                    texts.add(text);
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
        plot.setDomainAxis(categories(f.xLabel(), f.columns().toArray(String[]::new)));
        plot.setRangeAxis(categories(f.yLabel(), f.rows().toArray(String[]::new)));
        Charts.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);

        if (f.lines().isEmpty()) {
            texts.forEach(t -> plot.addAnnotation(t, false));
        } else {
            overlay(plot, f, texts);
        }

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
        chart.addSubtitle(bar);
        double legendWidth = 0;
        if (!f.lines().isEmpty()) {
            // one entry per row: the labels are sentences (what a line is and where it comes from)
            ColumnArrangement rowsOf = new ColumnArrangement(HorizontalAlignment.LEFT, VerticalAlignment.TOP, 0, 0);
            LegendTitle legend = new LegendTitle(plot, rowsOf, rowsOf);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(Charts.LEGEND);
            legend.setFrame(new BlockBorder(Charts.GRID.darker()));
            legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 4));
            legend.setPadding(new RectangleInsets(4, 4, 4, 6));
            legend.setMargin(new RectangleInsets(8, 0, 0, 0));
            chart.addSubtitle(legend);
            for (String label : f.legend()) {
                legendWidth = Math.max(legendWidth, LEGEND_SAMPLE + Charts.textWidth(label, Charts.LEGEND));
            }
        }
        int height = HEIGHT + (f.lines().isEmpty() ? 0 : LEGEND_BASE + f.lines().size() * LEGEND_ROW);
        return new Charts.Sized(chart, Charts.width(f.title(), legendWidth + 140), height);
    }

    /**
     * The theory lines over the cells: each drawn over a wider white halo so that it reads on dark and
     * light cells alike; the legend lists the lines only (the colour bar explains the cells). The cell
     * values are drawn after the lines (the line layer's foreground), so a line never hides a number.
     */
    private static void overlay(XYPlot plot, HeatMapFigure f, List<XYTextAnnotation> texts) {
        XYSeriesCollection halos = new XYSeriesCollection();
        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer haloRenderer = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        LegendItemCollection items = new LegendItemCollection();
        Line2D sample = new Line2D.Double(-17, 0, 17, 0);
        for (int i = 0; i < f.lines().size(); i++) {
            PlotSeries s = f.lines().get(i);
            XYSeries line = new XYSeries(i, false, true);
            for (int k = 0; k < s.x().length; k++) {
                line.add(s.x()[k], s.y()[k]);
            }
            halos.addSeries(line);
            try {
                lines.addSeries(line.createCopy(0, line.getItemCount() - 1));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
            haloRenderer.setSeriesPaint(i, Color.WHITE);
            haloRenderer.setSeriesStroke(i, new BasicStroke(LINE_WIDTH + 3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            BasicStroke stroke = s.style().stroke(LINE_WIDTH);
            lineRenderer.setSeriesPaint(i, s.style().colour());
            lineRenderer.setSeriesStroke(i, stroke);
            items.add(new LegendItem(s.label(), null, null, null, sample, stroke, s.style().colour()));
        }
        for (XYLineAndShapeRenderer r : List.of(haloRenderer, lineRenderer)) {
            r.setDrawSeriesLineAsPath(true);
            r.setDefaultSeriesVisibleInLegend(false);
        }
        texts.forEach(t -> lineRenderer.addAnnotation(t, Layer.FOREGROUND));
        plot.setDataset(1, halos);
        plot.setRenderer(1, haloRenderer);
        plot.setDataset(2, lines);
        plot.setRenderer(2, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // cells, then halos, then lines
        plot.setFixedLegendItems(items);
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
