package io.dismc.backend.cuda;

import io.dismc.backend.SphereDescentRule;

/**
 * The one driver of kernels/sphere_descent.cu: typed launches queued on the calling thread's stream
 * (twin: backend.cpu.SphereDescent). Weights float, N per replica; coefficients and violation flags
 * P per replica; active, violations ints and steps longs, one per replica.
 */
public final class SphereDescentDriver {
    private final CudaDevice device;

    public SphereDescentDriver(CudaDevice device) {
        this.device = device;
    }

    private static String sizes(int n, int p, int replicas) {
        return "N=" + n + " P=" + p + " replicas=" + replicas;
    }

    /** The stabilities of the active replicas: coefficients of -dL/dw and violation flags. */
    public void fields(DeviceBuffer w, DeviceBuffer xi, int n, int p, int replicas, DeviceBuffer active, SphereDescentRule rule,
                       DeviceBuffer coef, DeviceBuffer violated) {
        Blocks.spread(device, "descent_fields", (long) replicas * p, sizes(n, p, replicas), w, xi, n, p, replicas, active,
                rule.kappa(), rule.lossExponent(), Math.sqrt(n), coef, violated);
    }

    /** Per active replica at step t: its violations; it stops, or counts step t. */
    public void decide(DeviceBuffer violated, int p, int replicas, long t, SphereDescentRule rule, DeviceBuffer active,
                       DeviceBuffer violations, DeviceBuffer steps) {
        // the block reduction halves a power of two: 32 .. 256 threads
        int block = Integer.highestOneBit(Blocks.threads(p));
        device.launch("descent_decide", replicas, 1, block, 1, sizes(0, p, replicas), violated, p, t, (long) rule.maxSteps(), active,
                violations, steps);
    }

    /** The float gradients of the active replicas from the coefficients and xi^T (P x N). */
    public void gradient(DeviceBuffer coef, DeviceBuffer xit, int n, int p, int replicas, DeviceBuffer active, DeviceBuffer grad) {
        Blocks.spread(device, "descent_gradient", (long) replicas * n, sizes(n, p, replicas), coef, xit, n, p, replicas,
                active, Math.sqrt(n), grad);
    }
}
