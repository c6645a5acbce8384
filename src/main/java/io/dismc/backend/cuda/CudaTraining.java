package io.dismc.backend.cuda;

import io.dismc.backend.Constraints;
import io.dismc.backend.DescentResult;
import io.dismc.backend.Examples;
import io.dismc.backend.SphereDescentRule;
import io.dismc.backend.TrainingOps;
import io.dismc.backend.TwoLayerRule;
import io.dismc.backend.TwoLayerSession;
import io.dismc.backend.TwoLayerShape;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The CUDA backend's training operations, state resident on the device: kernels/two_layer.cu,
 * kernels/langevin.cu and kernels/sphere_descent.cu through their drivers.
 */
public final class CudaTraining implements TrainingOps, AutoCloseable {
    /**
     * Steps of spherical descent between two reads of the replicas still moving. The device records
     * each replica's stop itself (at the step the CPU stops), so this only bounds the idle launches
     * after the last replica stopped (at most CHECK_EVERY - 1 steps of launches that skip every
     * replica), against one host wait per CHECK_EVERY steps.
     */
    static final int CHECK_EVERY = 16;

    private final CudaDevice device;
    private final TwoLayerDriver twoLayer;
    private final LangevinDriver langevin;
    private final SphereDescentDriver descent;

    public CudaTraining(CudaDevice device) {
        this.device = device;
        this.twoLayer = new TwoLayerDriver(device);
        this.langevin = new LangevinDriver(device);
        this.descent = new SphereDescentDriver(device);
    }

    @Override
    public TwoLayerSession openTwoLayer(TwoLayerShape shape, Examples data, TwoLayerRule rule, float[][] starts, float[][] anchors,
                                        List<RandomStream> streams) {
        TrainingOps.checkTwoLayer(shape, data, rule, starts, anchors, streams);
        return new CudaTwoLayerSession(device, twoLayer, langevin, shape, data, rule, starts, anchors, streams);
    }

    @Override
    public List<DescentResult> sphericalDescent(Constraints c, SphereDescentRule rule, float[][] starts, List<RandomStream> streams) {
        TrainingOps.checkDescent(c, starts, streams);
        int replicas = starts.length;
        int n = c.n();
        int p = c.p();
        float[] w0 = new float[replicas * n];
        long[] ids = new long[replicas];
        int[] active = new int[replicas];
        for (int r = 0; r < replicas; r++) {
            System.arraycopy(starts[r], 0, w0, r * n, n);
            ids[r] = streams.get(r).streamId();
            active[r] = 1;
        }
        double[] xit = new double[n * p];
        double[] xi = c.xi();
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < p; mu++) {
                xit[mu * n + i] = xi[i * p + mu];
            }
        }
        long seed = streams.get(0).seed();
        try (DeviceBuffer dxi = device.upload(xi, "perceptron inputs xi (N x P)");
             DeviceBuffer dxit = device.upload(xit, "perceptron inputs xi^T");
             DeviceBuffer w = device.upload(w0, "weights");
             DeviceBuffer dids = device.upload(ids, "stream ids");
             DeviceBuffer dactive = device.upload(active, "active replicas");
             DeviceBuffer violations = device.zeros(4L * replicas, "violations");
             DeviceBuffer steps = device.zeros(8L * replicas, "steps");
             DeviceBuffer coef = device.alloc(8L * replicas * p, "loss coefficients");
             DeviceBuffer violated = device.alloc(4L * replicas * p, "violation flags");
             DeviceBuffer grad = device.alloc(4L * replicas * n, "gradients")) {
            int[] moving = new int[replicas];
            for (long t = 0; t <= rule.maxSteps(); t++) {
                descent.fields(w, dxi, n, p, replicas, dactive, rule, coef, violated);
                descent.decide(violated, p, replicas, t, rule, dactive, violations, steps);
                descent.gradient(coef, dxit, n, p, replicas, dactive, grad);
                langevin.step(w, grad, dactive, n, replicas, dids, seed, t, rule.step());
                if ((t + 1) % CHECK_EVERY == 0 && t < rule.maxSteps()) {
                    device.download(dactive, moving, "active replicas");
                    if (none(moving)) {
                        break;
                    }
                }
            }
            float[] wf = new float[replicas * n];
            int[] v = new int[replicas];
            long[] s = new long[replicas];
            device.download(w, wf, "weights");
            device.download(violations, v, "violations");
            device.download(steps, s, "steps");
            List<DescentResult> out = new ArrayList<>(replicas);
            for (int r = 0; r < replicas; r++) {
                out.add(new DescentResult(java.util.Arrays.copyOfRange(wf, r * n, (r + 1) * n), v[r], s[r]));
            }
            return out;
        }
    }

    private static boolean none(int[] active) {
        for (int a : active) {
            if (a != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        // sessions hold their own buffers; the device frees the pools when it closes
    }
}
