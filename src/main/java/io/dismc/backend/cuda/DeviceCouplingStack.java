package io.dismc.backend.cuda;

import io.dismc.backend.CouplingStack;

/** Hebbian numerators of a batch of networks in one device buffer: network b's N x N int16 at element b * N * N. */
public record DeviceCouplingStack(DeviceBuffer buffer, int count, int n, int p) implements CouplingStack {
    @Override
    public void close() {
        buffer.close();
    }
}
