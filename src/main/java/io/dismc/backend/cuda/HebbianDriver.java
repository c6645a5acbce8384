package io.dismc.backend.cuda;

/**
 * The one driver of kernels/hebbian.cu: bit-packing and the XOR/popcount Hebbian product, for stacks
 * of patterns. CPU twin: io.dismc.backend.cpu.HebbianProduct.
 */
public final class HebbianDriver {
    private final CudaDevice device;

    public HebbianDriver(CudaDevice device) {
        this.device = device;
    }

    public void pack(DeviceBuffer xi, DeviceBuffer bits, int n, int p, int words, int matrices) {
        device.launch("pack_spins", device.gridFor((long) n * words, 256), matrices, 256, 1, sizes(n, p, matrices), xi, bits, n, p, words);
    }

    public void popcount(DeviceBuffer bits, DeviceBuffer j, int n, int p, int words, int matrices) {
        int tiles = (n + 31) / 32;
        device.launchZ("hebbian_popcount", tiles, tiles, matrices, 32, 8, sizes(n, p, matrices), bits, j, n, p, words);
    }

    static String sizes(int n, int p, int matrices) {
        return "N=" + n + " P=" + p + " instances=" + matrices;
    }
}
