package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A {@link LineFigure} as a JFreeChart: the panels stacked on one shared horizontal axis
 * (CombinedDomainXYPlot), means with standard-error bars (XYErrorRenderer), theory as lines without
 * markers, and one legend to the right listing each distinct entry once.
 */
final class LineCharts {
    static final int SINGLE_HEIGHT = 620;
    static final int HEADING_AND_AXIS = 150;
    static final int STACKED_PANEL_HEIGHT = 310;
    static final int LEGEND_ROW = 18;
    /** The plot area keeps at least this width beside a wide legend; the figure widens instead. */
    static final int MIN_PLOT_WIDTH = 540;
    /** Room for the vertical axis and the chart's padding; a legend entry's line sample, margins and frame. */
    static final int AXES_WIDTH = 110;
    static final int LEGEND_SAMPLE = 70;

    private LineCharts() {}

    static Charts.Sized chart(LineFigure f) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(TickedAxes.of(f.panels().get(0).x()));
        plot.setGap(14);
        plot.setOutlineVisible(false);
        for (LinePanel p : f.panels()) {
            plot.add(panel(p), 1);
        }
        LegendItemCollection items = new LegendItemCollection();
        Set<String> seen = new HashSet<>();
        for (XYPlot sub : plot.getSubplots()) { // stacked panels of one sweep repeat their curves' entries
            LegendItemCollection own = sub.getLegendItems();
            for (int i = 0; i < own.getItemCount(); i++) {
                if (seen.add(own.get(i).getLabel())) {
                    items.add(own.get(i));
                }
            }
        }
        plot.setFixedLegendItems(items);
        var chart = Charts.titled(f.title(), plot);
        if (items.getItemCount() > 0) {
            LegendTitle legend = new LegendTitle(plot);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setVerticalAlignment(VerticalAlignment.TOP);
            legend.setItemFont(Charts.LEGEND);
            legend.setFrame(new BlockBorder(Charts.GRID.darker()));
            legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 4));
            legend.setPadding(new RectangleInsets(4, 4, 4, 6));
            legend.setMargin(new RectangleInsets(8, 14, 0, 0));
            chart.addSubtitle(legend);
        }
        int n = f.panels().size();
        int height = n == 1 ? SINGLE_HEIGHT : HEADING_AND_AXIS + n * STACKED_PANEL_HEIGHT;
        height = Math.max(height, HEADING_AND_AXIS + items.getItemCount() * LEGEND_ROW);
        double legendWidth = 0;
        for (int i = 0; i < items.getItemCount(); i++) {
            legendWidth = Math.max(legendWidth, LEGEND_SAMPLE + Charts.textWidth(items.get(i).getLabel(), Charts.LEGEND));
        }
        return new Charts.Sized(chart, Charts.width(f.title(), AXES_WIDTH + MIN_PLOT_WIDTH + legendWidth), height);
    }

    /**
     * One panel: its vertical axis and three layers, drawn from the last: theory lines, error bars
     * (only where a standard error exists: one sample gives none), then the measured curves.
     */
    private static XYPlot panel(LinePanel p) {
        XYSeriesCollection curves = new XYSeriesCollection();
        YIntervalSeriesCollection errors = new YIntervalSeriesCollection();
        XYSeriesCollection theory = new XYSeriesCollection();
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(true, true);
        XYErrorRenderer bars = new XYErrorRenderer();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        List<String> curveLabels = new ArrayList<>();
        List<String> theoryLabels = new ArrayList<>();
        for (PlotSeries s : p.series()) {
            Style st = s.style();
            XYLineAndShapeRenderer r = s.theory() ? lines : points;
            XYSeriesCollection layer = s.theory() ? theory : curves;
            int i = layer.getSeriesCount();
            XYSeries line = new XYSeries(i, false, true); // in the given order: a vertical line is two points at one x
            YIntervalSeries bar = new YIntervalSeries(i, false, true);
            for (int k = 0; k < s.x().length; k++) {
                line.add(s.x()[k], s.y()[k]);
                double e = s.err() == null ? 0 : s.err()[k];
                if (e > 0) {
                    bar.add(s.x()[k], s.y()[k], lowerEnd(p.y(), s.y()[k] - e), s.y()[k] + e);
                }
            }
            layer.addSeries(line);
            r.setSeriesPaint(i, st.colour());
            r.setSeriesStroke(i, st.stroke(s.theory() ? 1.8f : 1.5f));
            (s.theory() ? theoryLabels : curveLabels).add(s.label());
            if (s.theory()) {
                continue;
            }
            errors.addSeries(bar);
            bars.setSeriesPaint(i, st.colour());
            if (st.hasMarker()) {
                points.setSeriesShape(i, st.marker().shape());
                points.setSeriesOutlinePaint(i, st.colour().darker().darker());
            } else {
                points.setSeriesShapesVisible(i, false);
            }
        }
        points.setDrawOutlines(true);
        points.setUseOutlinePaint(true);
        points.setDefaultOutlineStroke(new BasicStroke(0.8f));
        points.setLegendItemLabelGenerator((d, i) -> curveLabels.get(i));
        lines.setLegendItemLabelGenerator((d, i) -> theoryLabels.get(i));
        for (XYLineAndShapeRenderer r : List.of(points, lines)) {
            r.setDrawSeriesLineAsPath(true); // dash patterns run on across points
            r.setLegendLine(new Line2D.Double(-17, 0, 17, 0)); // long enough to show the dash pattern
        }
        bars.setDefaultLinesVisible(false);
        bars.setDefaultShapesVisible(false);
        bars.setDefaultSeriesVisibleInLegend(false);
        bars.setDrawXError(false);
        bars.setCapLength(6);
        bars.setErrorStroke(new BasicStroke(1.1f));
        XYPlot plot = new XYPlot();
        plot.setRangeAxis(TickedAxes.of(p.y()));
        plot.setDataset(0, curves);
        plot.setRenderer(0, points);
        plot.setDataset(1, errors);
        plot.setRenderer(1, bars);
        plot.setDataset(2, theory);
        plot.setRenderer(2, lines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        Charts.style(plot);
        return plot;
    }

    /**
     * A bar's lower end, moved well below a log axis when it lies more than a decade under it or at
     * or below zero: the plot's clip then cuts the bar at the axis and hides its lower cap.
     */
    static double lowerEnd(Axis y, double low) {
        return y.log() && low < y.lo() / 10 ? y.lo() / 10 : low;
    }
}
