package io.dismc.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric table in a text file: one example a line, values separated by commas (or semicolons, tabs or
 * spaces); blank lines and lines starting with '#' are skipped, and a first line that is not numeric is
 * taken as a header. Every line must have the same number of values.
 */
public final class CsvTable {
    private CsvTable() {}

    public static NpyArray read(Path file) {
        String text = new String(DataFiles.readAll(file), StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        int lineNo = 0;
        boolean first = true;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s*[,;\\t ]\\s*");
            double[] v = new double[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    v[i] = Double.parseDouble(parts[i]);
                }
            } catch (NumberFormatException e) {
                if (first) {
                    first = false;
                    continue; // header
                }
                throw new IllegalArgumentException(file + ", line " + lineNo + ": not a number (" + e.getMessage() + ")");
            }
            first = false;
            if (cols >= 0 && v.length != cols) {
                throw new IllegalArgumentException(file + ", line " + lineNo + ": " + v.length + " values, the lines above have " + cols);
            }
            cols = v.length;
            rows.add(v);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no numeric rows");
        }
        double[] data = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, data, r * cols, cols);
        }
        return new NpyArray(new int[] {rows.size(), cols}, data);
    }
}
