package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
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
 * colour bar titled with the observable (PaintScaleLegend).
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
        chart.addSubtitle(bar);
        return new Charts.Sized(chart, Charts.width(f.title(), 0), HEIGHT);
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
