package io.dismc.backend.cpu;

import io.dismc.backend.CouplingStack;
import java.util.List;

/** Hebbian couplings in Java arrays, one network each: the CPU backend's resident data. */
public record HostCouplingStack(int n, int p, List<HebbianCouplings> networks) implements CouplingStack {
    public HostCouplingStack {
        networks = List.copyOf(networks);
    }

    @Override
    public int count() {
        return networks.size();
    }

    @Override
    public void close() {}
}
