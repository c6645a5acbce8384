package io.dismc.backend;

/**
 * What a backend did for a run, counted by the backend itself (so the numbers mean the same on a GPU
 * and on the emulating driver): kernel launches; replicas per sweep launch (mean and max: how full a
 * launch is); bytes across the bus each way; device allocations; host waits on the device
 * (synchronizations); and units finished. run.json records them under "device_counters" with these
 * keys; the CPU backend counts its batched kernel calls as launches and moves no bytes.
 */
public record DeviceCounters(long launches, double sweepLaunchReplicasMean, long sweepLaunchReplicasMax, long bytesHostToDevice,
                             long bytesDeviceToHost, long allocations, long synchronizations, long units) {

    /** The keys run.json uses, in this order. */
    public static final java.util.List<String> KEYS = java.util.List.of("launches", "sweep_launch_replicas_mean",
            "sweep_launch_replicas_max", "bytes_host_to_device", "bytes_device_to_host", "allocations", "synchronizations", "units");

    /** The counts since an earlier snapshot (the maxima are of the whole run). */
    public DeviceCounters since(DeviceCounters before) {
        return new DeviceCounters(launches - before.launches, sweepLaunchReplicasMean, sweepLaunchReplicasMax,
                bytesHostToDevice - before.bytesHostToDevice, bytesDeviceToHost - before.bytesDeviceToHost,
                allocations - before.allocations, synchronizations - before.synchronizations, units - before.units);
    }
}
