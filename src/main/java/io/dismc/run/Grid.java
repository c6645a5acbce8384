package io.dismc.run;

import io.dismc.params.Param;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import io.dismc.experiment.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cartesian product of the parameter lists (first parameter outermost), validated point by
 * point, and its units (point x sample).
 */
public final class Grid {
    /** Refuse sweeps that could not plausibly be meant. */
    public static final long MAX_UNITS = 10_000_000L;

    private Grid() {}

    public static List<Point> points(Experiment<?> experiment, Map<String, List<Object>> values) {
        List<Param<?>> params = experiment.params();
        long total = 1;
        for (Param<?> p : params) {
            total *= values.get(p.name()).size();
            if (total > MAX_UNITS) {
                throw new io.dismc.params.UsageError("the sweep has more than " + MAX_UNITS + " parameter points");
            }
        }
        List<Point> points = new ArrayList<>();
        int[] idx = new int[params.size()];
        for (int count = 0; count < total; count++) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (int k = 0; k < params.size(); k++) {
                v.put(params.get(k).name(), values.get(params.get(k).name()).get(idx[k]));
            }
            Point point = new Point(count, experiment.name(), v);
            experiment.validate(point);
            points.add(point);
            for (int k = params.size() - 1; k >= 0; k--) {
                if (++idx[k] < values.get(params.get(k).name()).size()) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return points;
    }

    public static List<Unit> units(List<Point> points, int samples, long seed) {
        if ((long) points.size() * samples > MAX_UNITS) {
            throw new io.dismc.params.UsageError("--samples: " + points.size() + " points x " + samples
                    + " samples exceeds " + MAX_UNITS + " units");
        }
        List<Unit> units = new ArrayList<>();
        for (Point p : points) {
            for (int s = 0; s < samples; s++) {
                units.add(new Unit(p, s, seed));
            }
        }
        return units;
    }

    /** Names of the parameters that take more than one value (the swept axes). */
    public static List<String> sweptParams(Experiment<?> experiment, Map<String, List<Object>> values) {
        List<String> out = new ArrayList<>();
        for (Param<?> p : experiment.params()) {
            if (values.get(p.name()).size() > 1) {
                out.add(p.name());
            }
        }
        return out;
    }
}
