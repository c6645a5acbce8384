package io.dismc.backend.cuda;

import io.dismc.backend.LangevinSpec;

/**
 * The one driver of kernels/langevin.cu: typed launches of langevin_step and sphere_project, queued on
 * the calling thread's stream (twin: backend.cpu.LangevinStep). Weights are float, n per replica,
 * replica after replica; a null buffer is a null pointer (no gradient, every replica active).
 */
public final class LangevinDriver {
    private final CudaDevice device;

    public LangevinDriver(CudaDevice device) {
        this.device = device;
    }

    /**
     * One step of every active replica, then the projection on |w|^2 = n when spec.sphere(): noise draws
     * (step n + i) of stream ids[r] of the seed.
     *
     * @param grad   float gradients like w, or null
     * @param active one int per replica (0: leave it), or null
     * @param ids    the replicas' stream ids (unsigned 64-bit)
     */
    public void step(DeviceBuffer w, DeviceBuffer grad, DeviceBuffer active, int n, int replicas, DeviceBuffer ids, long seed, long step,
                     LangevinSpec spec) {
        String sizes = "n=" + n + " replicas=" + replicas;
        Blocks.spread(device, "langevin_step", (long) replicas * n, sizes, w, orNull(grad), orNull(active),
                n, replicas, ids, seed, step, spec.eta(), spec.temperature(), spec.weightDecay());
        if (spec.sphere()) {
            device.launch("sphere_project", replicas, 1, Blocks.threads(n), 1, sizes, w, orNull(active), n);
        }
    }

    /** A kernel's pointer argument: the buffer, or the null pointer. */
    static Object orNull(DeviceBuffer b) {
        return b == null ? (Object) 0L : b;
    }
}
