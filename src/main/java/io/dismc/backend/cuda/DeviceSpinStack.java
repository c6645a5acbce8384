package io.dismc.backend.cuda;

import io.dismc.backend.SpinStack;

/** A spin stack in one device buffer: matrix b at byte b * rows * cols, row-major int8. */
public record DeviceSpinStack(DeviceBuffer buffer, int count, int rows, int cols) implements SpinStack {
    public long matrixBytes() {
        return (long) rows * cols;
    }

    @Override
    public void close() {
        buffer.close();
    }
}
