package io.dismc.backend.cuda;

/**
 * The one driver of kernels/rng.cu: typed launches of its fills. CPU twin: io.dismc.backend.cpu.RandomFills.
 */
public final class RngDriver {
    private final CudaDevice device;

    public RngDriver(CudaDevice device) {
        this.device = device;
    }

    private int grid(long count) {
        return device.gridFor(count, 256);
    }

    /** matrices x count spins: matrix b from stream id streams[b], all under seed. */
    public void spins(long seed, DeviceBuffer streams, long count, int matrices, DeviceBuffer out) {
        device.launch("philox_spins", grid((count + 31) / 32), matrices, 256, 1, "spins " + matrices + " x " + count, seed, streams,
                count, out);
    }

    public void gaussians(long seed, DeviceBuffer streams, long count, int matrices, DeviceBuffer out) {
        device.launch("philox_gaussians", grid((count + 1) / 2), matrices, 256, 1, "gaussians " + matrices + " x " + count, seed,
                streams, count, out);
    }

    /** Words first .. first + count - 1 of one stream (the benchmark's raw generator rate). */
    public void words(long seed, long stream, long first, long count, DeviceBuffer out) {
        device.launch("philox_words", grid(count / 4 + 1), 1, 256, 1, "words " + count, seed, stream, first, count, out);
    }

    public void snap(DeviceBuffer values, long count, double step) {
        device.launch("snap_to_grid", grid(count), 1, 256, 1, "snap " + count, values, count, step);
    }

    public void binarize(DeviceBuffer values, long count) {
        device.launch("binarize", grid(count), 1, 256, 1, "binarize " + count, values, count);
    }

    /** --rng curand: spins from bit 0 of cuRAND words. */
    public void wordsToSpins(DeviceBuffer words, long count, jcuda.driver.CUdeviceptr out) {
        device.launch("words_to_spins", grid(count), 1, 256, 1, "count=" + count, words, count, out);
    }
}
