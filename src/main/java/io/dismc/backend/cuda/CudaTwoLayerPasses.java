package io.dismc.backend.cuda;

import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.TwoLayerNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The two-layer network's passes on the GPU (kernels/two_layer.cu), batched over the replicas of one
 * dataset: matmul_nt for H = W X^T, two_layer_activate, two_layer_output for f, then on the host the
 * residuals (P numbers per replica), two_layer_backward for the factors B and the readout gradient,
 * and matmul_nt again for B X (with X^T as the shared operand). The dataset's inputs stay on the
 * device between calls: each host thread keeps the last dataset it used (units run one at a time per
 * thread), so a training run uploads them once.
 */
public final class CudaTwoLayerPasses implements AutoCloseable {
    private static final int TILE = 64;
    private static final int MAX_GRID_Y = 65535;

    private final CudaDevice device;
    private final ThreadLocal<Resident> resident = new ThreadLocal<>();
    private final List<Resident> all = new ArrayList<>();

    public CudaTwoLayerPasses(CudaDevice device) {
        this.device = device;
    }

    /** A dataset's inputs on the device: X (P x N) and X^T (N x P), row-major doubles. */
    private record Resident(Dataset data, DeviceBuffer x, DeviceBuffer xt) {
        void free() {
            x.close();
            xt.close();
        }
    }

    private Resident inputs(Dataset data) {
        Resident r = resident.get();
        if (r != null && r.data() == data) {
            return r;
        }
        if (r != null) {
            r.free();
            synchronized (all) {
                all.remove(r);
            }
        }
        DeviceBuffer x = device.upload(data.x(), "two-layer inputs X (" + data.p() + " x " + data.n() + ")");
        DeviceBuffer xt;
        try {
            xt = device.upload(data.xt(), "two-layer inputs X^T");
        } catch (RuntimeException e) {
            x.close();
            throw e;
        }
        r = new Resident(data, x, xt);
        resident.set(r);
        synchronized (all) {
            all.add(r);
        }
        return r;
    }

    /** See {@link io.dismc.backend.Backend#twoLayerGradients}. */
    public double[] gradients(TwoLayerNetwork net, Dataset data, float[][] weights, double[][] grads) {
        int replicas = weights.length;
        int n = net.n();
        int k = net.k();
        int p = data.p();
        int dim = net.parameterCount();
        double[] w = new double[replicas * dim];
        for (int r = 0; r < replicas; r++) {
            for (int i = 0; i < dim; i++) {
                w[r * dim + i] = weights[r][i];
            }
        }
        Resident in = inputs(data);
        int trained = net.trainReadout() ? 1 : 0;
        double scale = net.readoutScale();
        double inv = 1 / Math.sqrt(n);
        long kp = (long) k * p;
        String sizes = "N=" + n + " K=" + k + " P=" + p + " replicas=" + replicas;
        double[] f = new double[replicas * p];
        double[] g = new double[replicas * dim];
        try (DeviceBuffer dw = device.upload(w, "two-layer weights");
             DeviceBuffer h = device.alloc(8 * kp * replicas, "pre-activations (K x P per replica)");
             DeviceBuffer phi = device.alloc(8 * kp * replicas, "activations");
             DeviceBuffer dphi = device.alloc(8 * kp * replicas, "activation derivatives");
             DeviceBuffer df = device.alloc(8L * replicas * p, "outputs")) {
            int rowTiles = ceil(k, TILE);
            int replicasPerLaunch = Math.max(1, MAX_GRID_Y / rowTiles);
            for (int first = 0; first < replicas; first += replicasPerLaunch) {
                int count = Math.min(replicasPerLaunch, replicas - first);
                device.launch("matmul_nt", ceil(p, TILE), rowTiles * count, 16, 16, sizes + " (forward)",
                        dw, (long) dim, n, in.x(), h, kp, p, k, n, p, rowTiles, first);
            }
            device.launch("two_layer_activate", device.gridFor(kp * replicas, 256), 1, 256, 1, sizes,
                    net.activation().ordinal(), h, phi, dphi, kp * replicas, inv);
            device.launch("two_layer_output", device.gridFor((long) replicas * p, 256), 1, 256, 1, sizes,
                    phi, dw, (long) dim, trained, k, n, p, replicas, scale, df);
            device.download(df, f, "outputs");
            double[] loss = new double[replicas];
            double[] res = new double[replicas * p];
            double[] y = data.y();
            for (int r = 0; r < replicas; r++) {
                double s = 0;
                for (int mu = 0; mu < p; mu++) {
                    double e = y[mu] - f[r * p + mu];
                    s += e * e;
                    res[r * p + mu] = -e / p;
                }
                loss[r] = s / (2 * p);
            }
            try (DeviceBuffer dres = device.upload(res, "residuals");
                 DeviceBuffer dg = device.alloc(8L * replicas * dim, "gradients")) {
                // the factors B overwrite the pre-activations, which are no longer needed
                device.launch("two_layer_backward", device.gridFor(32L * replicas * k, 256), 1, 256, 1, sizes,
                        dres, phi, dphi, dw, (long) dim, trained, k, n, p, replicas, scale, inv, h, dg);
                for (int first = 0; first < replicas; first += replicasPerLaunch) {
                    int count = Math.min(replicasPerLaunch, replicas - first);
                    device.launch("matmul_nt", ceil(n, TILE), rowTiles * count, 16, 16, sizes + " (backward)",
                            h, kp, p, in.xt(), dg, (long) dim, n, k, p, n, rowTiles, first);
                }
                device.download(dg, g, "gradients");
            }
            for (int r = 0; r < replicas; r++) {
                System.arraycopy(g, r * dim, grads[r], 0, dim);
            }
            return loss;
        }
    }

    private static int ceil(long a, int b) {
        return (int) ((a + b - 1) / b);
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(Resident::free);
            all.clear();
        }
    }
}
