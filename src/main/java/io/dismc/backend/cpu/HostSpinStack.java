package io.dismc.backend.cpu;

import io.dismc.backend.SpinStack;
import io.dismc.data.SpinMatrix;
import java.util.List;

/** A spin stack in Java arrays, one matrix each: the CPU backend's resident data. */
public record HostSpinStack(int rows, int cols, List<SpinMatrix> matrices) implements SpinStack {
    public HostSpinStack {
        for (SpinMatrix m : matrices) {
            if (m.rows() != rows || m.cols() != cols) {
                throw new IllegalArgumentException("a stack of " + rows + " x " + cols + " matrices got one of " + m.rows() + " x " + m.cols());
            }
        }
        matrices = List.copyOf(matrices);
    }

    @Override
    public int count() {
        return matrices.size();
    }

    public byte[] data(int b) {
        return matrices.get(b).data();
    }

    @Override
    public void close() {}
}
