package io.dismc.backend.cuda;

import io.dismc.backend.LinearOps;

/** The CUDA backend's linear operations (kernels/linear.cu): Gaussian matrices resident on the device or regenerated there. */
public final class CudaLinear implements LinearOps {
    private final CudaDevice device;
    private final LinearDriver driver;

    public CudaLinear(CudaDevice device) {
        this.device = device;
        this.driver = new LinearDriver(device);
    }

    @Override
    public DeviceGaussianMatrices gaussianMatrices(long seed, long[] streams, int rows, int columns, boolean stored) {
        return new DeviceGaussianMatrices(device, driver, seed, streams, rows, columns, stored);
    }

    /** The stored matrices, or the packed vectors of a product (in, out, instance list) when regenerating. */
    @Override
    public long bytes(int batch, int rows, int columns, boolean stored) {
        long vectors = 16L * batch * ((long) rows + columns) + 8L * batch;
        return stored ? 8L * batch * rows * columns + vectors : vectors;
    }
}
