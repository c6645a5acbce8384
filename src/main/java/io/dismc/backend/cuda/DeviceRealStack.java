package io.dismc.backend.cuda;

import io.dismc.backend.RealStack;

/** A real stack in one device buffer: matrix b at double b * rows * cols, row-major. */
public record DeviceRealStack(DeviceBuffer buffer, int count, int rows, int cols) implements RealStack {
    public long matrixEntries() {
        return (long) rows * cols;
    }

    @Override
    public void close() {
        buffer.close();
    }
}
