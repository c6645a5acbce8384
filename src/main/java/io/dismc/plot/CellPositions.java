package io.dismc.plot;

import java.util.List;

/**
 * Where a value lies on a heat map's axis of cells: the i-th value sits at the centre i of its cell, and
 * values between two centres are placed between them, on a log scale when every value of the axis is
 * positive (the sweeps are mostly near-geometric, like 0.01, 0.03, 0.1, 0.3), else linearly. Beyond the
 * first and last centres the end intervals continue, so a line leaves the grid through the right edge;
 * what lies beyond the half-cell margin is clipped by the plot.
 */
final class CellPositions {
    private final double[] values;
    private final boolean log;

    /** values: the axis' values, ascending (at least one). */
    CellPositions(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an axis of cells needs at least one value");
        }
        this.values = values.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 1; i < this.values.length; i++) {
            if (!(this.values[i] > this.values[i - 1])) {
                throw new IllegalArgumentException("cell values must ascend: " + values);
            }
        }
        this.log = this.values[0] > 0;
    }

    /** Whether positions between centres follow the logarithm of the value. */
    boolean logarithmic() {
        return log;
    }

    /** The position of v in cell units (centre i at i); NaN for a value the scale cannot place (not positive on a log scale). */
    double position(double v) {
        if (!Double.isFinite(v) || (log && !(v > 0))) {
            return Double.NaN;
        }
        int n = values.length;
        if (n == 1) {
            return v == values[0] ? 0 : Double.NaN; // one cell has no scale
        }
        int i = 0; // the interval [values[i], values[i+1]] that holds v, or the end one beyond the grid
        while (i < n - 2 && v > values[i + 1]) {
            i++;
        }
        double a = scale(values[i]);
        double b = scale(values[i + 1]);
        return i + (scale(v) - a) / (b - a);
    }

    private double scale(double v) {
        return log ? Math.log(v) : v;
    }
}
