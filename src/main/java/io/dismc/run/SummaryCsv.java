package io.dismc.run;

import io.dismc.experiment.Stat;
import io.dismc.experiment.PointSummary;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads summary.csv back into point summaries, so figures can be redrawn from the files alone. */
public final class SummaryCsv {
    private SummaryCsv() {}

    public static List<PointSummary> read(Path file, Experiment<?> e) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UsageError("plot: cannot read " + file + " (" + ex.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new UsageError("plot: " + file + " is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int k = 0; k < header.size(); k++) {
            col.put(header.get(k), k);
        }
        List<String> needed = new ArrayList<>();
        for (Param<?> p : e.params()) {
            needed.add(Csv.column(p.name()));
        }
        needed.add("count");
        for (String o : e.observables()) {
            needed.add(o + "_mean");
            needed.add(o + "_se");
        }
        for (String c : needed) {
            if (!col.containsKey(c)) {
                throw new UsageError("plot: " + file + " lacks the column '" + c + "'");
            }
        }
        List<PointSummary> out = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            if (lines.get(row).isBlank()) {
                continue;
            }
            String[] f = lines.get(row).split(",", -1);
            if (f.length != header.size()) {
                throw new UsageError("plot: " + file + " line " + (row + 1) + " has " + f.length + " fields, the header " + header.size());
            }
            try {
                Map<String, Object> values = new LinkedHashMap<>();
                for (Param<?> p : e.params()) {
                    String t = f[col.get(Csv.column(p.name()))];
                    values.put(p.name(), switch (p.kind()) {
                        case INT -> Integer.parseInt(t);
                        case REAL -> Double.parseDouble(t);
                        case CHOICE -> t;
                    });
                }
                int count = Integer.parseInt(f[col.get("count")]);
                Map<String, Stat> stats = new LinkedHashMap<>();
                for (String o : e.observables()) {
                    stats.put(o, new Stat(Double.parseDouble(f[col.get(o + "_mean")]), Double.parseDouble(f[col.get(o + "_se")]), count));
                }
                out.add(new PointSummary(new Point(row - 1, e.name(), values), stats));
            } catch (NumberFormatException ex) {
                throw new UsageError("plot: " + file + " line " + (row + 1) + " holds a value that is not a number (" + ex.getMessage() + ")");
            }
        }
        return out;
    }
}
