package io.dismc.plot;

import java.util.List;

/** One panel of curves: two axes and the series drawn against them, in legend order. */
public record LinePanel(Axis x, Axis y, List<PlotSeries> series) {
    public LinePanel {
        series = List.copyOf(series);
    }

    /** The legend entries, in order. */
    public List<String> legend() {
        return series.stream().map(PlotSeries::label).toList();
    }
}
