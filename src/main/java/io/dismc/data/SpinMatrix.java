package io.dismc.data;

import java.util.Arrays;

/**
 * A rows x cols matrix of +-1 spins, row-major, one byte each. Patterns are stored site-major
 * (row i holds xi_i^1..xi_i^P): the layout the pattern-form local field and the Hebbian product read.
 * Features F (N x D) use the same layout, so column k is feature z^k.
 */
public record SpinMatrix(int rows, int cols, byte[] data) {
    public SpinMatrix {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("SpinMatrix " + rows + "x" + cols + " needs " + (long) rows * cols
                    + " entries, got " + data.length);
        }
    }

    public byte get(int row, int col) {
        return data[row * cols + col];
    }

    /** Column c as a fresh array of length rows (a pattern or a feature). */
    public byte[] column(int c) {
        byte[] out = new byte[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = data[i * cols + c];
        }
        return out;
    }

    /** Builds a site-major matrix from columns (each of length rows). */
    public static SpinMatrix ofColumns(int rows, byte[][] columns) {
        int cols = columns.length;
        byte[] data = new byte[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int i = 0; i < rows; i++) {
                data[i * cols + c] = columns[c][i];
            }
        }
        return new SpinMatrix(rows, cols, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpinMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SpinMatrix[" + rows + "x" + cols + "]";
    }
}
