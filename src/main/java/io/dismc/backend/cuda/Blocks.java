package io.dismc.backend.cuda;

/**
 * Block sizes of the grid-stride kernels: 256 threads, or fewer (a multiple of the 32-thread warp) when
 * the work has fewer elements, so that a small problem does not launch idle threads.
 */
final class Blocks {
    static final int MAX = 256;

    private Blocks() {}

    static int threads(long count) {
        return (int) Math.min(MAX, Math.max(32, (count + 31) / 32 * 32));
    }

    /** Launches a grid-stride kernel over count elements (the drivers' typed methods call it). */
    static void spread(CudaDevice device, String kernel, long count, String sizes, Object... args) {
        int block = threads(count);
        device.launch(kernel, device.gridFor(count, block), 1, block, 1, sizes, args);
    }
}
