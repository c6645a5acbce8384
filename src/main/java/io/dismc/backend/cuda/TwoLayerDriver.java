package io.dismc.backend.cuda;

import io.dismc.backend.TwoLayerShape;

/**
 * The one driver of kernels/two_layer.cu: a typed launch per kernel, queued on the calling thread's
 * stream (twin: backend.cpu.TwoLayerPasses). Buffers hold every replica, replica after replica: weights
 * float (dim = shape.parameterCount() each), pre-activations / activations / derivatives / backward
 * factors K x P doubles, errors P doubles, data gradients dim doubles. Examples are shared by the
 * replicas (stride 0) or one minibatch each (stride = its size).
 */
public final class TwoLayerDriver {
    private static final int TILE = 64;
    private static final int MAX_GRID_Y = 65535;
    /** Rows up to which the products take the one-thread-per-entry form (the same sums as the tiled form). */
    static final int FEW_ROWS = 4;

    private final CudaDevice device;

    public TwoLayerDriver(CudaDevice device) {
        this.device = device;
    }

    private static String sizes(TwoLayerShape s, int p, int replicas) {
        return "N=" + s.n() + " K=" + s.k() + " P=" + p + " replicas=" + replicas;
    }

    /** H_r = W_r X_r^T (K x P) for X_r (P x N) at x + r strideX (doubles). */
    public void forwardProduct(TwoLayerShape s, DeviceBuffer w, DeviceBuffer x, long strideX, int p, int replicas, DeviceBuffer h) {
        product(true, w, s.parameterCount(), s.n(), x, strideX, h, (long) s.k() * p, p, s.k(), s.n(), p, replicas,
                sizes(s, p, replicas) + " (forward)");
    }

    /** G_r (the K N hidden part, row stride N, at grad + r dim) = B_r X_r, given X_r^T (N x P) at xt + r strideXt. */
    public void backwardProduct(TwoLayerShape s, DeviceBuffer back, DeviceBuffer xt, long strideXt, int p, int replicas,
                                DeviceBuffer grad) {
        product(false, back, (long) s.k() * p, p, xt, strideXt, grad, s.parameterCount(), s.n(), s.k(), p, s.n(), replicas,
                sizes(s, p, replicas) + " (backward)");
    }

    /**
     * C_r (m x cols, row stride ldc) = A_r (m x d, row stride lda) B_r^T, A float (the weights) or double:
     * one thread per entry for a few rows, else 64 x 64 tiles with the replicas split to fit the grid.
     */
    private void product(boolean floatA, DeviceBuffer a, long strideA, int lda, DeviceBuffer b, long strideB, DeviceBuffer c, long strideC,
                         int ldc, int m, int d, int cols, int replicas, String sizes) {
        if (m <= FEW_ROWS) {
            long entries = (long) replicas * m * cols;
            int block = Blocks.threads(entries);
            device.launch(floatA ? "matmul_nt_rows_weights" : "matmul_nt_rows", device.gridFor(entries, block), 1, block, 1, sizes, a,
                    strideA, lda, b, strideB, c, strideC, ldc, m, d, cols, replicas);
            return;
        }
        String kernel = floatA ? "matmul_nt_weights" : "matmul_nt";
        int rowTiles = ceil(m, TILE);
        int perLaunch = Math.max(1, MAX_GRID_Y / rowTiles);
        for (int first = 0; first < replicas; first += perLaunch) {
            int count = Math.min(perLaunch, replicas - first);
            device.launch(kernel, ceil(cols, TILE), rowTiles * count, 16, 16, sizes, a, strideA, lda, b, strideB, c, strideC, ldc, m, d,
                    cols, rowTiles, first);
        }
    }

    /** phi, dphi (K x P) from H, and the errors e = y - f (P), targets at y + r yStride. */
    public void forward(TwoLayerShape s, DeviceBuffer h, DeviceBuffer phi, DeviceBuffer dphi, DeviceBuffer w, DeviceBuffer y, long yStride,
                        int p, int replicas, DeviceBuffer err) {
        Blocks.spread(device, "two_layer_forward", (long) replicas * p, sizes(s, p, replicas), s.activation().ordinal(), h, phi, dphi, w,
                (long) s.parameterCount(), s.trainReadout() ? 1 : 0, s.k(), s.n(), p, replicas,
                s.readoutScale(), 1 / Math.sqrt(s.n()), y, yStride, err);
    }

    /** The backward factors into back (K x P) and, when the readout is trained, its gradient into grad. */
    public void backward(TwoLayerShape s, DeviceBuffer err, DeviceBuffer phi, DeviceBuffer dphi, DeviceBuffer w, int p, int replicas,
                         DeviceBuffer back, DeviceBuffer grad) {
        // a warp per (replica, unit)
        Blocks.spread(device, "two_layer_backward", 32L * replicas * s.k(), sizes(s, p, replicas), err, phi, dphi, w,
                (long) s.parameterCount(), s.trainReadout() ? 1 : 0, s.k(), s.n(), p, replicas, s.readoutScale(),
                1 / Math.sqrt(s.n()), back, grad);
    }

    /** The float gradient of a step (elastic term when elastic &gt; 0, anchors then required; hidden factor). */
    public void assemble(TwoLayerShape s, DeviceBuffer grad, DeviceBuffer w, DeviceBuffer anchors, double elastic, double hiddenFactor,
                         int replicas, DeviceBuffer out) {
        long dim = s.parameterCount();
        Blocks.spread(device, "two_layer_assemble", replicas * dim, sizes(s, 0, replicas), grad, w, LangevinDriver.orNull(anchors),
                elastic, hiddenFactor, (long) s.hidden(), dim, replicas, out);
    }

    /** The minibatches of step t: b rows of x (P x N) and y per replica, into xb (b x N), xbt (N x b), yb (b). */
    public void minibatch(int n, int p, int b, int replicas, DeviceBuffer x, DeviceBuffer y, DeviceBuffer ids, long seed, long t,
                          DeviceBuffer xb, DeviceBuffer xbt, DeviceBuffer yb) {
        device.launch("two_layer_minibatch", (int) Math.min((long) replicas * b, 65535L * 4), 1, Blocks.threads(n), 1,
                "N=" + n + " P=" + p + " batch=" + b + " replicas=" + replicas, x, y, n, p, b, replicas, ids, seed, t, xb, xbt, yb);
    }

    /** Bytes of a snapshot of this many replicas: the losses (doubles), then the weights (floats). */
    public static long snapshotBytes(TwoLayerShape s, int replicas) {
        return 8L * replicas + 4L * replicas * s.parameterCount();
    }

    /** The losses from the errors and a copy of the weights, packed into snapshot ({@link #snapshotBytes}). */
    public void snapshot(TwoLayerShape s, DeviceBuffer err, int p, int replicas, DeviceBuffer w, DeviceBuffer snapshot) {
        long dim = s.parameterCount();
        Blocks.spread(device, "two_layer_snapshot", Math.max(replicas * dim, replicas), sizes(s, p, replicas), err, p, replicas, w, dim,
                snapshot);
    }

    private static int ceil(long a, int b) {
        return (int) ((a + b - 1) / b);
    }
}
