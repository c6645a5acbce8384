package io.dismc.backend;

import java.util.concurrent.atomic.AtomicLong;

/** The running totals behind {@link DeviceCounters}, safe to bump from every host thread. */
public final class Counters {
    private final AtomicLong launches = new AtomicLong();
    private final AtomicLong sweepLaunches = new AtomicLong();
    private final AtomicLong sweepReplicas = new AtomicLong();
    private final AtomicLong sweepReplicasMax = new AtomicLong();
    private final AtomicLong toDevice = new AtomicLong();
    private final AtomicLong toHost = new AtomicLong();
    private final AtomicLong allocations = new AtomicLong();
    private final AtomicLong synchronizations = new AtomicLong();
    private final AtomicLong units = new AtomicLong();

    public void launch() {
        launches.incrementAndGet();
    }

    /** A launch of a sweep kernel (Hopfield dynamics, perceptron annealing) over this many replicas. */
    public void sweepLaunch(int replicas) {
        launches.incrementAndGet();
        sweepLaunches.incrementAndGet();
        sweepReplicas.addAndGet(replicas);
        sweepReplicasMax.accumulateAndGet(replicas, Math::max);
    }

    public void toDevice(long bytes) {
        toDevice.addAndGet(bytes);
    }

    public void toHost(long bytes) {
        toHost.addAndGet(bytes);
    }

    public void allocation() {
        allocations.incrementAndGet();
    }

    public void synchronization() {
        synchronizations.incrementAndGet();
    }

    public void units(int n) {
        units.addAndGet(n);
    }

    public DeviceCounters snapshot() {
        long sl = sweepLaunches.get();
        return new DeviceCounters(launches.get(), sl == 0 ? 0 : (double) sweepReplicas.get() / sl, sweepReplicasMax.get(),
                toDevice.get(), toHost.get(), allocations.get(), synchronizations.get(), units.get());
    }
}
