package io.dismc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * What every figure shares: fonts and colours, the heading (title and caption lines), and the two
 * files, a PNG (JFreeChart into an antialiased bitmap) and an SVG (JFreeSVG, text kept as text).
 * Both are byte-for-byte reproducible: fixed fonts and sizes, SVG ids and numbers that depend on
 * nothing but the figure.
 */
final class Charts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color FRAME = new Color(0x33, 0x33, 0x33);
    static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    /** The PNG's SansSerif is DejaVu Sans where it is installed; SVG viewers without it fall back in order. */
    static final String SVG_FONTS = "\"DejaVu Sans\", Verdana, Arial, Helvetica, sans-serif";
    static final int MIN_WIDTH = 900;

    static {
        // draw rotated text (vertical axis titles, the colour bar's) with drawString, not as glyph
        // outlines: the outlines were a workaround for a JDK 1.4 bug, and the SVG would lose the text
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** A chart and the size it is drawn at. */
    record Sized(JFreeChart chart, int width, int height) {}

    private Charts() {}

    /** A white chart with the heading's first line as title and the others as caption lines under it. */
    static JFreeChart titled(List<String> heading, Plot plot) {
        JFreeChart chart = new JFreeChart(heading.isEmpty() ? null : heading.get(0), TITLE, plot, false);
        for (String line : heading.subList(Math.min(1, heading.size()), heading.size())) {
            TextTitle caption = new TextTitle(line, CAPTION);
            caption.setPadding(new RectangleInsets(2, 0, 2, 0));
            chart.addSubtitle(caption);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(10, 12, 10, 12));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return chart;
    }

    /** The figure's width: at least {@code least}, wider when a heading line needs it (titles do not wrap). */
    static int width(List<String> heading, double least) {
        double w = 0;
        for (int i = 0; i < heading.size(); i++) {
            w = Math.max(w, textWidth(heading.get(i), i == 0 ? TITLE : CAPTION));
        }
        return (int) Math.ceil(Math.max(Math.max(MIN_WIDTH, least), w + 60));
    }

    /** Width of a line of text in pixels, measured as it is drawn (antialiased, fractional metrics). */
    static double textWidth(String s, Font f) {
        return f.getStringBounds(s, new FontRenderContext(null, true, true)).getWidth();
    }

    /** A panel's looks: white, framed, light grid lines at the labelled ticks, axes against the frame. */
    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(FRAME);
        plot.setOutlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** An axis' looks: the fonts, outside tick marks (shorter for minor ticks), no line of its own (the frame is one). */
    static void style(ValueAxis axis) {
        axis.setLabelFont(AXIS);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setTickMarkPaint(FRAME);
        axis.setTickMarkInsideLength(0);
        axis.setTickMarkOutsideLength(5);
        axis.setMinorTickMarksVisible(true);
        axis.setMinorTickMarkInsideLength(0);
        axis.setMinorTickMarkOutsideLength(3);
        axis.setAxisLineVisible(false);
    }

    static byte[] png(Sized s) throws IOException {
        BufferedImage img = s.chart().createBufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeBufferedImageAsPNG(out, img);
        return out.toByteArray();
    }

    static byte[] svg(Sized s) {
        SVGGraphics2D g = new SVGGraphics2D(s.width(), s.height());
        g.setDefsKeyPrefix("dismc-"); // the default prefix is a clock reading: every file would differ
        g.setFontFunction(family -> SVG_FONTS);
        g.setGeomDoubleConverter(Charts::decimal);
        g.setTransformDoubleConverter(Charts::decimal);
        s.chart().draw(g, new Rectangle2D.Double(0, 0, s.width(), s.height()));
        return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }

    /** Coordinates to a hundredth of a pixel: shorter files, and no digits that carry nothing. */
    private static String decimal(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
