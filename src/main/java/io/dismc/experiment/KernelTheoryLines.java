package io.dismc.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Theory lines of the kernel experiments (bayes-kernel, flow-kernel, transfer) built from observables that are theory
 * (aNBK, aNTK, NNGP, NTK predictors, computed per sample on its data): their means along the figure's horizontal
 * parameter, one line per combination of the swept parameters that change the task or the theory. Parameters that
 * change only the simulated networks (width, sampler schedule) do not split the lines.
 */
final class KernelTheoryLines {
    private KernelTheoryLines() {}

    /** An observable drawn as a theory line, with its legend label. */
    record Line(String observable, String label) {}

    static List<TheoryCurve> of(List<PointSummary> summaries, List<String> swept, String figureX, List<String> networkOnly,
                                List<Line> lines) {
        String x = horizontal(summaries, swept, figureX);
        List<String> groupBy = new ArrayList<>(swept);
        groupBy.remove(x);
        groupBy.removeAll(networkOnly);
        Map<List<Object>, List<PointSummary>> groups = new LinkedHashMap<>();
        for (PointSummary s : summaries) {
            List<Object> key = new ArrayList<>();
            for (String g : groupBy) {
                key.add(s.point().values().get(g));
            }
            groups.computeIfAbsent(key, q -> new ArrayList<>()).add(s);
        }
        List<TheoryCurve> out = new ArrayList<>();
        for (Line line : lines) {
            for (Map.Entry<List<Object>, List<PointSummary>> e : groups.entrySet()) {
                TreeMap<Double, double[]> at = new TreeMap<>(); // x -> (sum, count)
                for (PointSummary s : e.getValue()) {
                    Stat st = s.stats().get(line.observable());
                    Object xv = s.point().values().get(x);
                    if (st == null || Double.isNaN(st.mean()) || !(xv instanceof Number)) {
                        continue;
                    }
                    double[] acc = at.computeIfAbsent(((Number) xv).doubleValue(), q -> new double[2]);
                    acc[0] += st.mean();
                    acc[1]++;
                }
                if (at.isEmpty()) {
                    continue;
                }
                double[] xs = new double[at.size()];
                double[] ys = new double[at.size()];
                int i = 0;
                for (Map.Entry<Double, double[]> v : at.entrySet()) {
                    xs[i] = v.getKey();
                    ys[i++] = v.getValue()[0] / v.getValue()[1];
                }
                TheoryCurve c = new TheoryCurve(line.label() + label(groupBy, e.getKey()), xs, ys).of(line.observable());
                for (int g = 0; g < groupBy.size(); g++) {
                    c = c.at(groupBy.get(g), e.getKey().get(g));
                }
                out.add(c);
            }
        }
        return out;
    }

    /** The figure's horizontal parameter, chosen as the plotter chooses it (plot.LineFigures.horizontal). */
    static String horizontal(List<PointSummary> summaries, List<String> swept, String figureX) {
        if (swept.contains(figureX) || swept.isEmpty()) {
            return figureX;
        }
        for (String p : swept) {
            if (summaries.stream().allMatch(s -> s.point().values().get(p) instanceof Number)) {
                return p;
            }
        }
        return figureX;
    }

    private static String label(List<String> names, List<Object> values) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + "=" + Point.canonical(values.get(i)));
        }
        return ", " + String.join(", ", parts);
    }
}
