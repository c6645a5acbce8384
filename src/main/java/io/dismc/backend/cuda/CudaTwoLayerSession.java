package io.dismc.backend.cuda;

import io.dismc.backend.Examples;
import io.dismc.backend.TrainingSnapshot;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.backend.TwoLayerShape;
import io.dismc.rng.RandomStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-layer replicas training on the GPU with everything resident: the examples, weights, anchors and
 * stream ids are uploaded once when the session opens, the work buffers come from the thread's pool
 * once, and a step is six queued launches (seven with SGD minibatches) with no transfer and no wait.
 * A snapshot is one more launch and one download of the packed losses and weights.
 */
final class CudaTwoLayerSession implements TwoLayerSession {
    private final CudaDevice device;
    private final TwoLayerDriver twoLayer;
    private final LangevinDriver langevin;
    private final TwoLayerShape shape;
    private final TwoLayerRule rule;
    private final int replicas;
    private final int n;
    /** Examples per pass: P (full batch) or the minibatch size. */
    private final int rows;
    private final int allRows;
    private final long seed;
    private final Thread owner = Thread.currentThread();
    private final List<DeviceBuffer> held = new ArrayList<>();
    private final DeviceBuffer x;
    private final DeviceBuffer xt;
    private final DeviceBuffer y;
    private final DeviceBuffer xb;
    private final DeviceBuffer xbt;
    private final DeviceBuffer yb;
    private final DeviceBuffer w;
    private final DeviceBuffer anchors;
    private final DeviceBuffer ids;
    private final DeviceBuffer h;
    private final DeviceBuffer phi;
    private final DeviceBuffer dphi;
    private final DeviceBuffer err;
    private final DeviceBuffer grad;
    private final DeviceBuffer update;
    private final DeviceBuffer packed;
    private int step;
    private boolean fresh;
    private boolean closed;

    CudaTwoLayerSession(CudaDevice device, TwoLayerDriver twoLayer, LangevinDriver langevin, TwoLayerShape shape, Examples data,
                        TwoLayerRule rule, float[][] starts, float[][] anchorWeights, List<RandomStream> streams) {
        this.device = device;
        this.twoLayer = twoLayer;
        this.langevin = langevin;
        this.shape = shape;
        this.rule = rule;
        this.replicas = starts.length;
        this.n = shape.n();
        this.allRows = data.p();
        this.rows = rule.batch() == 0 ? data.p() : rule.batch();
        this.seed = streams.get(0).seed();
        int dim = shape.parameterCount();
        long kp = (long) shape.k() * rows;
        try {
            x = hold(device.upload(data.x(), "two-layer inputs X (" + data.p() + " x " + n + ")"));
            y = hold(device.upload(data.y(), "two-layer targets"));
            if (rule.batch() == 0) {
                xt = hold(device.upload(data.xt(), "two-layer inputs X^T"));
                xb = xbt = yb = null;
            } else {
                xt = null;
                xb = hold(device.alloc(8L * replicas * rows * n, "minibatch inputs"));
                xbt = hold(device.alloc(8L * replicas * rows * n, "minibatch inputs transposed"));
                yb = hold(device.alloc(8L * replicas * rows, "minibatch targets"));
            }
            w = hold(device.upload(flatten(starts, dim), "two-layer weights"));
            anchors = rule.elastic() > 0 ? hold(device.upload(flatten(anchorWeights, dim), "elastic anchors")) : null;
            long[] streamIds = new long[replicas];
            for (int r = 0; r < replicas; r++) {
                streamIds[r] = streams.get(r).streamId();
            }
            ids = hold(device.upload(streamIds, "stream ids"));
            h = hold(device.alloc(8 * kp * replicas, "pre-activations (K x P per replica)"));
            phi = hold(device.alloc(8 * kp * replicas, "activations"));
            dphi = hold(device.alloc(8 * kp * replicas, "activation derivatives"));
            err = hold(device.alloc(8L * replicas * rows, "errors y - f"));
            grad = hold(device.alloc(8L * replicas * dim, "data gradients"));
            update = hold(device.alloc(4L * replicas * dim, "step gradients"));
            packed = hold(device.alloc(TwoLayerDriver.snapshotBytes(shape, replicas), "snapshot"));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private DeviceBuffer hold(DeviceBuffer b) {
        held.add(b);
        return b;
    }

    private static float[] flatten(float[][] v, int dim) {
        float[] out = new float[v.length * dim];
        for (int r = 0; r < v.length; r++) {
            System.arraycopy(v[r], 0, out, r * dim, dim);
        }
        return out;
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("the training session is closed");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a CUDA training session is used on the thread that opened it (its stream)");
        }
    }

    @Override
    public int step() {
        return step;
    }

    /** Loss and data gradient at the current weights, for step t's examples. */
    private void pass(long t) {
        DeviceBuffer inputs = x;
        DeviceBuffer inputsT = xt;
        DeviceBuffer targets = y;
        long stride = 0;
        long yStride = 0;
        if (rule.batch() > 0) {
            twoLayer.minibatch(n, allRows, rows, replicas, x, y, ids, seed, t, xb, xbt, yb);
            inputs = xb;
            inputsT = xbt;
            targets = yb;
            stride = (long) rows * n;
            yStride = rows;
        }
        twoLayer.forwardProduct(shape, w, inputs, stride, rows, replicas, h);
        twoLayer.forward(shape, h, phi, dphi, w, targets, yStride, rows, replicas, err);
        // the backward factors overwrite the pre-activations, which are no longer needed
        twoLayer.backward(shape, err, phi, dphi, w, rows, replicas, h, grad);
        twoLayer.backwardProduct(shape, h, inputsT, stride, rows, replicas, grad);
    }

    @Override
    public void advanceTo(int target) {
        check();
        if (target < step) {
            throw new IllegalArgumentException("step " + target + " is behind the session's step " + step);
        }
        for (; step < target; step++) {
            if (!fresh) {
                pass(step);
            }
            fresh = false;
            twoLayer.assemble(shape, grad, w, anchors, rule.elastic(), rule.hiddenFactor(), replicas, update);
            langevin.step(w, update, null, shape.parameterCount(), replicas, ids, seed, step, rule.step());
        }
    }

    @Override
    public TrainingSnapshot snapshot() {
        check();
        if (!fresh) {
            pass(step);
            fresh = true;
        }
        int dim = shape.parameterCount();
        twoLayer.snapshot(shape, err, rows, replicas, w, packed);
        byte[] bytes = new byte[(int) TwoLayerDriver.snapshotBytes(shape, replicas)];
        device.download(packed, bytes, "losses and weights");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] loss = new double[replicas];
        b.asDoubleBuffer().get(loss);
        b.position(8 * replicas);
        java.nio.FloatBuffer fb = b.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[][] weights = new float[replicas][dim];
        for (int r = 0; r < replicas; r++) {
            fb.get(weights[r]);
        }
        return new TrainingSnapshot(step, weights, loss);
    }

    @Override
    public float[][] weights() {
        check();
        int dim = shape.parameterCount();
        float[] flat = new float[replicas * dim];
        device.download(w, flat, "two-layer weights");
        float[][] out = new float[replicas][];
        for (int r = 0; r < replicas; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * dim, (r + 1) * dim);
        }
        return out;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            // back to the thread's pool: the stream orders any later reuse after the queued work
            held.forEach(DeviceBuffer::close);
            held.clear();
        }
    }
}
