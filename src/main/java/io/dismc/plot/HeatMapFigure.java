package io.dismc.plot;

import java.util.List;

/**
 * A heat map: one cell per (column, row) value pair, coloured by an observable on viridis.
 *
 * @param title        heading lines: the first is the title, the rest the caption
 * @param xLabel       horizontal axis title (the first swept parameter)
 * @param yLabel       vertical axis title (the second swept parameter)
 * @param columns      column labels, left to right (ascending)
 * @param rows         row labels, bottom to top (ascending)
 * @param values       values[column][row]; NaN: no data there
 * @param colourLabel  the colour bar's title: the observable
 * @param lo           value at the dark end of the colour bar
 * @param hi           value at the light end
 * @param lines        theory lines over the map, in cell units (column i and row j centred at i and j), in
 *                     legend order
 */
public record HeatMapFigure(List<String> title, String xLabel, String yLabel, List<String> columns, List<String> rows,
                            double[][] values, String colourLabel, double lo, double hi, List<PlotSeries> lines) {
    public HeatMapFigure {
        title = List.copyOf(title);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("heat map: " + values.length + " value columns for " + columns.size() + " labels");
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("heat map colour range must have hi > lo, got [" + lo + ", " + hi + "]");
        }
    }

    /** A heat map without lines. */
    public HeatMapFigure(List<String> title, String xLabel, String yLabel, List<String> columns, List<String> rows,
                         double[][] values, String colourLabel, double lo, double hi) {
        this(title, xLabel, yLabel, columns, rows, values, colourLabel, lo, hi, List.of());
    }

    /** The lines' legend entries, in order. */
    public List<String> legend() {
        return lines.stream().map(PlotSeries::label).toList();
    }

    /** Colour bar ticks. */
    public List<Ticks.Tick> colourTicks() {
        return Ticks.linear(lo, hi, 5);
    }

    /** Position of v on the colour bar, 0 to 1. */
    public double fraction(double v) {
        return Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
    }
}
