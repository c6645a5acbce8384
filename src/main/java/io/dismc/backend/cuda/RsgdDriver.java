package io.dismc.backend.cuda;

/**
 * The one driver of kernels/rsgd.cu: replicated SGD of binary perceptrons, one block per independent
 * run (its y replicas in turn inside the block), every run of a batch in each launch. CPU twin:
 * io.dismc.backend.cpu.ReplicatedSgdRun.
 */
public final class RsgdDriver {
    /** Threads per block: fixed by the kernel's reductions (RSGD_THREADS). */
    public static final int THREADS = 128;
    /** Ints of per-run state the kernels keep (RSGD_STATE): epoch, solved, who, violations, min field, centre min, fewest. */
    public static final int STATE = 8;

    private final CudaDevice device;

    public RsgdDriver(CudaDevice device) {
        this.device = device;
    }

    /** The shared start of every run's replicas and the first check. */
    public void start(int n, int p, int y, int words, DeviceBuffer xbits, DeviceBuffer instance, DeviceBuffer seeds, DeviceBuffer ids,
                      DeviceBuffer hidden, DeviceBuffer weights, DeviceBuffer wbits, DeviceBuffer sums, DeviceBuffer cbits, int threshold,
                      DeviceBuffer state, DeviceBuffer best, int runs, String sizes) {
        device.launchSweep("rsgd_start", runs, THREADS, sizes, n, p, y, words, xbits, instance, seeds, ids, hidden, weights, wbits, sums,
                cbits, threshold, state, best);
    }

    /** Epochs e0 .. e0 + count - 1 of every run not yet solved; table: per epoch eta, lambda and the 2y + 1 tanh entries. */
    public void epochs(int n, int p, int y, int words, int batch, int batches, int maxEpochs, int e0, int count, DeviceBuffer xbits,
                       DeviceBuffer instance, DeviceBuffer seeds, DeviceBuffer ids, DeviceBuffer table, DeviceBuffer hidden,
                       DeviceBuffer weights, DeviceBuffer wbits, DeviceBuffer sums, DeviceBuffer cbits, DeviceBuffer orders,
                       DeviceBuffer replicaOrders, DeviceBuffer flags, int threshold, DeviceBuffer state, DeviceBuffer best, int runs,
                       String sizes) {
        device.launchSweep("rsgd_epochs", runs, THREADS, sizes + " epochs from " + e0, n, p, y, words, batch, batches, maxEpochs, e0,
                count, xbits, instance, seeds, ids, table, hidden, weights, wbits, sums, cbits, orders, replicaOrders, flags, threshold,
                state, best);
    }
}
