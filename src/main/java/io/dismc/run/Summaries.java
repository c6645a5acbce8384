package io.dismc.run;

import io.dismc.experiment.Point;
import io.dismc.experiment.PointSummary;
import io.dismc.experiment.Stat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Point summaries from journal records. */
public final class Summaries {
    private Summaries() {}

    /** Groups records by point (in point order) and summarizes each observable. */
    public static List<PointSummary> of(List<Point> points, List<UnitRecord> records, List<String> observables) {
        Map<Integer, List<UnitRecord>> byPoint = new TreeMap<>();
        for (UnitRecord r : records) {
            byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
        }
        List<PointSummary> out = new ArrayList<>();
        for (Point p : points) {
            List<UnitRecord> rs = byPoint.get(p.index());
            if (rs == null) {
                continue;
            }
            Map<String, Stat> stats = new LinkedHashMap<>();
            for (String o : observables) {
                double[] v = rs.stream().mapToDouble(r -> r.values().get(o)).toArray();
                stats.put(o, Stat.of(v));
            }
            out.add(new PointSummary(p, stats));
        }
        return out;
    }
}
