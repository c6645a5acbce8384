package io.dismc.backend.cuda;

import io.dismc.backend.GaussianMatrices;

/**
 * A stack of Gaussian matrices on the device (kernels/linear.cu): stored (filled once on the device, never
 * crossing the bus) or regenerated inside every product. A product uploads the active instances' vectors
 * packed in one buffer with their instance list, runs one launch for all of them, and downloads the
 * packed results: N + M doubles per instance cross per product, the matrices never do.
 */
public final class DeviceGaussianMatrices implements GaussianMatrices {
    private final CudaDevice device;
    private final LinearDriver driver;
    private final long seed;
    private final int batch;
    private final int m;
    private final int n;
    private final boolean stored;
    private final double scale;
    private final DeviceBuffer streams;
    private final DeviceBuffer matrices;

    DeviceGaussianMatrices(CudaDevice device, LinearDriver driver, long seed, long[] streamIds, int m, int n, boolean stored) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("a Gaussian matrix needs M >= 1 and N >= 1, got " + m + " x " + n);
        }
        if (streamIds.length < 1 || streamIds.length > 65535) {
            throw new IllegalArgumentException("1 to 65535 matrices per stack, got " + streamIds.length);
        }
        this.device = device;
        this.driver = driver;
        this.seed = seed;
        this.batch = streamIds.length;
        this.m = m;
        this.n = n;
        this.stored = stored;
        this.scale = 1.0 / Math.sqrt(n); // as io.dismc.backend.cpu.MatrixEntries.scale
        this.streams = device.upload(streamIds, "matrix stream ids");
        long count = (long) m * n;
        DeviceBuffer f = null;
        try {
            f = stored ? device.alloc(8L * count * batch, batch + " Gaussian matrices " + m + " x " + n) : device.alloc(8, "no stored matrix");
            if (stored) {
                driver.fill(seed, streams, count, batch, scale, f);
            }
        } catch (RuntimeException e) {
            streams.close();
            if (f != null) {
                f.close();
            }
            throw e;
        }
        this.matrices = f;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public int rows() {
        return m;
    }

    @Override
    public int columns() {
        return n;
    }

    public boolean stored() {
        return stored;
    }

    /** Matrix b as stored on the device, row-major (tests compare it with the CPU's entries). */
    public double[] entries(int b) {
        if (!stored) {
            throw new IllegalStateException("regenerated matrices are not stored");
        }
        double[] out = new double[Math.toIntExact((long) m * n)];
        device.download(matrices, 8L * b * m * n, out, "Gaussian matrix " + b);
        return out;
    }

    @Override
    public void multiply(double[][] x, double[][] out, boolean[] active, boolean squared) {
        product(x, n, out, m, active, squared, true);
    }

    @Override
    public void multiplyTransposed(double[][] y, double[][] out, boolean[] active, boolean squared) {
        product(y, m, out, n, active, squared, false);
    }

    private void product(double[][] in, int inLen, double[][] out, int outLen, boolean[] active, boolean squared, boolean rows) {
        if (in.length != batch || out.length != batch || active.length != batch) {
            throw new IllegalArgumentException("products take one vector per matrix: " + batch + " matrices, got " + in.length + " inputs, "
                    + out.length + " outputs, " + active.length + " flags");
        }
        int count = 0;
        for (boolean a : active) {
            count += a ? 1 : 0;
        }
        if (count == 0) {
            return;
        }
        int[] which = new int[count];
        double[] packed = new double[Math.multiplyExact(count, inLen)];
        for (int b = 0, c = 0; b < batch; b++) {
            if (active[b]) {
                if (in[b].length < inLen || out[b].length < outLen) {
                    throw new IllegalArgumentException("vector of matrix " + b + " is too short: need " + inLen + " in and " + outLen + " out");
                }
                which[c] = b;
                System.arraycopy(in[b], 0, packed, c * inLen, inLen);
                c++;
            }
        }
        double[] result = new double[Math.multiplyExact(count, outLen)];
        try (DeviceBuffer dIn = device.upload(packed, "product inputs");
             DeviceBuffer dWhich = device.upload(which, "active instances");
             DeviceBuffer dOut = device.alloc(8L * result.length, "product outputs")) {
            if (rows) {
                driver.rows(matrices, stored, seed, streams, dWhich, count, m, n, scale, squared, dIn, dOut);
            } else {
                driver.columns(matrices, stored, seed, streams, dWhich, count, m, n, scale, squared, dIn, dOut);
            }
            device.download(dOut, result, "product outputs");
        }
        for (int c = 0; c < count; c++) {
            System.arraycopy(result, c * outLen, out[which[c]], 0, outLen);
        }
    }

    @Override
    public void close() {
        matrices.close();
        streams.close();
    }
}
