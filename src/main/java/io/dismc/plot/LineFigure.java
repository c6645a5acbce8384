package io.dismc.plot;

import java.util.List;

/**
 * A figure of curve panels stacked top to bottom under one title.
 *
 * @param title   the heading lines: the first is the title, the rest the caption
 * @param panels  the panels, top to bottom
 */
public record LineFigure(List<String> title, List<LinePanel> panels) {
    public LineFigure {
        title = List.copyOf(title);
        panels = List.copyOf(panels);
    }
}
