package io.dismc.backend.cuda;

/**
 * The one driver of kernels/anneal.cu: simulated annealing of binary perceptrons, each replica on its
 * own instance of the stack. CPU twin: io.dismc.backend.cpu.BinaryAnnealing.
 */
public final class AnnealDriver {
    private final CudaDevice device;

    public AnnealDriver(CudaDevice device) {
        this.device = device;
    }

    public void fields(int n, int p, DeviceBuffer xi, DeviceBuffer instance, DeviceBuffer weights, DeviceBuffer fields, int replicas,
                       String sizes) {
        device.launch("anneal_fields", (p + 255) / 256, replicas, 256, 1, sizes, n, p, xi, instance, weights, fields);
    }

    public void anneal(int n, int p, DeviceBuffer xi, DeviceBuffer instance, DeviceBuffer weights, DeviceBuffer fields, DeviceBuffer perm,
                       DeviceBuffer streams, long seed, int sweep0, int count, int maxSweeps, double beta0, double beta1, double threshold,
                       int energyExponent, double sqrtN, DeviceBuffer energy, DeviceBuffer steps, int replicas, String sizes) {
        device.launchSweep("perceptron_anneal", replicas, SweepDriver.threadsFor(p), sizes + " sweeps from " + sweep0, n, p, xi, instance,
                weights, fields, perm, streams, seed, sweep0, count, maxSweeps, beta0, beta1, threshold, energyExponent, sqrtN, energy, steps);
    }
}
