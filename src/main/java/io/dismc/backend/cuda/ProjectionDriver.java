package io.dismc.backend.cuda;

/**
 * The one driver of kernels/projection.cu: sign(F C) by the own tiled kernel (or the signs after
 * cuBLAS), and sparse mixtures, for stacks of instances. CPU twin: io.dismc.backend.cpu.SignProjection.
 */
public final class ProjectionDriver {
    private static final int TILE = 64;
    private final CudaDevice device;

    public ProjectionDriver(CudaDevice device) {
        this.device = device;
    }

    static int ceil(long a, int b) {
        return (int) ((a + b - 1) / b);
    }

    public void projectSpins(DeviceBuffer f, DeviceBuffer c, DeviceBuffer out, int n, int d, int p, int matrices) {
        device.launchZ("sign_projection_spins", ceil(p, TILE), ceil(n, TILE), matrices, 16, 16, sizes(n, d, p, matrices), f, c, out, n, d, p);
    }

    public void projectReal(DeviceBuffer f, DeviceBuffer c, DeviceBuffer out, int n, int d, int p, int matrices) {
        device.launchZ("sign_projection_real", ceil(p, TILE), ceil(n, TILE), matrices, 16, 16, sizes(n, d, p, matrices), f, c, out, n, d, p);
    }

    public void mixturesSpins(DeviceBuffer f, DeviceBuffer chosen, DeviceBuffer weights, DeviceBuffer out, int n, int d, int p, int l,
                              int matrices) {
        device.launch("sparse_mixtures_spins", device.gridFor((long) n * p, 256), matrices, 256, 1, sizes(n, d, p, matrices) + " L=" + l,
                f, chosen, weights, out, n, d, p, l);
    }

    public void mixturesReal(DeviceBuffer f, DeviceBuffer chosen, DeviceBuffer weights, DeviceBuffer out, int n, int d, int p, int l,
                             int matrices) {
        device.launch("sparse_mixtures_real", device.gridFor((long) n * p, 256), matrices, 256, 1, sizes(n, d, p, matrices) + " L=" + l,
                f, chosen, weights, out, n, d, p, l);
    }

    /** out = sign(values), sign(0) = +1, count entries. */
    public void signOf(DeviceBuffer values, DeviceBuffer out, long count) {
        device.launch("sign_of", device.gridFor(count, 256), 1, 256, 1, "signs " + count, values, out, count);
    }

    /** +-1 bytes as doubles (cuBLAS's input). */
    public void spinsToDouble(DeviceBuffer in, DeviceBuffer out, long count) {
        device.launch("spins_to_double", device.gridFor(count, 256), 1, 256, 1, "count=" + count, in, out, count);
    }

    public static String sizes(int n, int d, int p, int matrices) {
        return "N=" + n + " D=" + d + " P=" + p + " instances=" + matrices;
    }
}
