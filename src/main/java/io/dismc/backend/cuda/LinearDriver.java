package io.dismc.backend.cuda;

/**
 * The one driver of kernels/linear.cu: typed launches of the Gaussian-matrix fill and of the row (F x) and
 * column (F^T y) products, stored or regenerated. CPU twin: io.dismc.backend.cpu.MatrixEntries (with
 * StoredMatrices and RegeneratedMatrices).
 */
public final class LinearDriver {
    /** Rows per block of gaussian_rows (4 threads per row). */
    static final int ROWS_PER_BLOCK = 64;
    static final int BLOCK = 256;
    private final CudaDevice device;

    public LinearDriver(CudaDevice device) {
        this.device = device;
    }

    /** Matrix b of out: count entries, gaussian e of stream id streams[b] under seed, times scale. */
    public void fill(long seed, DeviceBuffer streams, long count, int matrices, double scale, DeviceBuffer out) {
        device.launch("gaussian_fill", device.gridFor((count + 1) / 2, BLOCK), matrices, BLOCK, 1, "gaussian matrices " + matrices + " x " + count,
                seed, streams, count, scale, out);
    }

    /** out[c] = F_{instances[c]} x[c] (M each) for the count active instances. f: the stored matrices, or any buffer when regenerating. */
    public void rows(DeviceBuffer f, boolean stored, long seed, DeviceBuffer streams, DeviceBuffer instances, int count, int m, int n,
                     double scale, boolean squared, DeviceBuffer x, DeviceBuffer out) {
        device.launch("gaussian_rows", (m + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK, count, BLOCK, 1, sizes(m, n, count, stored), f,
                stored ? 1 : 0, seed, streams, instances, m, n, scale, squared ? 1 : 0, x, out);
    }

    /** out[c] = F_{instances[c]}^T y[c] (N each). */
    public void columns(DeviceBuffer f, boolean stored, long seed, DeviceBuffer streams, DeviceBuffer instances, int count, int m, int n,
                        double scale, boolean squared, DeviceBuffer y, DeviceBuffer out) {
        device.launch("gaussian_columns", device.gridFor((n + 1L) / 2, BLOCK), count, BLOCK, 1, sizes(m, n, count, stored), f,
                stored ? 1 : 0, seed, streams, instances, m, n, scale, squared ? 1 : 0, y, out);
    }

    static String sizes(int m, int n, int count, boolean stored) {
        return "M=" + m + " N=" + n + " instances=" + count + (stored ? " stored" : " regenerated");
    }
}
