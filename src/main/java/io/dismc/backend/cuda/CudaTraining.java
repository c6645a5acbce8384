package io.dismc.backend.cuda;

import io.dismc.backend.TrainingOps;
import io.dismc.dynamics.LangevinSpec;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import java.util.List;

/** The CUDA backend's training operations: kernels/langevin.cu and kernels/two_layer.cu. */
public final class CudaTraining implements TrainingOps, AutoCloseable {
    private final CudaDevice device;
    private final CudaTwoLayerPasses twoLayer;

    public CudaTraining(CudaDevice device) {
        this.device = device;
        this.twoLayer = new CudaTwoLayerPasses(device);
    }

    private int grid(long count) {
        return device.gridFor(count, 256);
    }

    @Override
    public void langevinStep(float[][] weights, float[][] grads, LangevinSpec spec, List<RandomStream> streams, long step) {
        int r = weights.length;
        int n = weights[0].length;
        float[] w = new float[r * n];
        float[] g = grads == null ? new float[0] : new float[r * n];
        long[] ids = new long[r];
        for (int k = 0; k < r; k++) {
            if (weights[k].length != n) {
                throw new IllegalArgumentException("all replicas need the same number of weights");
            }
            System.arraycopy(weights[k], 0, w, k * n, n);
            if (grads != null) {
                System.arraycopy(grads[k], 0, g, k * n, n);
            }
            ids[k] = streams.get(k).streamId();
        }
        long seed = streams.get(0).seed();
        String sizes = "n=" + n + " replicas=" + r;
        try (DeviceBuffer dw = device.upload(w, "weights");
             DeviceBuffer dg = device.upload(g, "gradients");
             DeviceBuffer ds = device.upload(ids, "stream ids")) {
            device.launch("langevin_step", grid((long) r * n), 1, 256, 1, sizes, dw, dg, grads == null ? 0 : 1, n, r, ds, seed,
                    step, spec.eta(), spec.temperature(), spec.weightDecay());
            if (spec.sphere()) {
                device.launch("sphere_project", r, 1, 256, 1, sizes, dw, n);
            }
            device.download(dw, w, "weights");
        }
        for (int k = 0; k < r; k++) {
            System.arraycopy(w, k * n, weights[k], 0, n);
        }
    }

    @Override
    public double[] twoLayerGradients(TwoLayerNetwork net, Dataset data, float[][] weights, double[][] grads) {
        return twoLayer.gradients(net, data, weights, grads);
    }

    @Override
    public void close() {
        twoLayer.close();
    }
}
