package io.dismc.backend.cpu;

import io.dismc.backend.RealStack;
import io.dismc.data.RealMatrix;
import java.util.List;

/** A real stack in Java arrays, one matrix each: the CPU backend's resident data. */
public record HostRealStack(int rows, int cols, List<RealMatrix> matrices) implements RealStack {
    public HostRealStack {
        matrices = List.copyOf(matrices);
    }

    @Override
    public int count() {
        return matrices.size();
    }

    public double[] data(int b) {
        return matrices.get(b).data();
    }

    @Override
    public void close() {}
}
