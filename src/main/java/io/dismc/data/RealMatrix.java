package io.dismc.data;

/** A rows x cols matrix of doubles, row-major. */
public record RealMatrix(int rows, int cols, double[] data) {
    public RealMatrix {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("RealMatrix " + rows + "x" + cols + " needs " + (long) rows * cols
                    + " entries, got " + data.length);
        }
    }

    public double get(int row, int col) {
        return data[row * cols + col];
    }

    @Override
    public String toString() {
        return "RealMatrix[" + rows + "x" + cols + "]";
    }
}
