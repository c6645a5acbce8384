package io.dismc.experiment;

import java.util.Map;

/** Mean and standard error of every observable at one parameter point. */
public record PointSummary(Point point, Map<String, Stat> stats) {

    public int count() {
        return stats.values().stream().mapToInt(Stat::count).max().orElse(0);
    }
}
