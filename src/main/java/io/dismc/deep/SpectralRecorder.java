package io.dismc.deep;

import java.util.ArrayList;
import java.util.List;

/**
 * The observables of a training run at its recorded steps (docs/models.md, section deep networks and
 * spectra): training and test loss, the top normalized singular values of every layer's weights, the
 * sharpness lambda_max(kappa H) at the iterate and at the centre of its last step ({@link Sharpness#central}) and, optionally, the top eigenvalue of the scaled NTK Gram
 * kappa J J^T / P. Each eigenvalue solve starts from the previous step's top eigenvector.
 */
public final class SpectralRecorder implements DeepTrainer.Observer {
    /**
     * One recorded step; topSingular[l - 1] holds layer l's top singular values / sqrt(fan-in); central is the
     * sharpness at the midpoint of this iterate and the previous one (NaN at step 0 or when not computed).
     */
    public record Snapshot(int step, double trainLoss, double testLoss, double sharpness, double centralSharpness, double ntkTop,
                           double[][] topSingular) {}

    private final DeepNetwork net;
    private final DeepDataset train;
    private final DeepDataset test;
    private final int top;
    private final boolean sharpness;
    private final boolean ntk;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private double[] hessianVector;
    private double[] centralVector;
    private double[] ntkVector;

    /**
     * @param test held-out set (null: no test loss, NaN)
     * @param top how many singular values per layer (0: none)
     * @param sharpness whether to compute the Hessian's top eigenvalue, plain and central (NaN otherwise)
     * @param ntk whether to compute the NTK Gram's top eigenvalue (NaN otherwise)
     */
    public SpectralRecorder(DeepNetwork net, DeepDataset train, DeepDataset test, int top, boolean sharpness, boolean ntk) {
        if (top < 0) {
            throw new IllegalArgumentException("top singular values: " + top);
        }
        this.net = net;
        this.train = train;
        this.test = test;
        this.top = top;
        this.sharpness = sharpness;
        this.ntk = ntk;
    }

    @Override
    public void at(int step, double[] w, double[] previous, double trainLoss) {
        boolean finite = Double.isFinite(trainLoss);
        double testLoss = test == null || !finite ? Double.NaN : LossSurface.loss(net, w, test);
        double s = Double.NaN;
        if (sharpness && finite) {
            TopEigen e = Sharpness.top(net, w, train, hessianVector);
            hessianVector = e.vector();
            s = e.value();
        }
        double c = Double.NaN;
        if (sharpness && finite && previous != null) {
            TopEigen e = Sharpness.central(net, w, previous, train, centralVector != null ? centralVector : hessianVector);
            centralVector = e.vector();
            c = e.value();
        }
        double k = Double.NaN;
        if (ntk && finite) {
            TopEigen e = Sharpness.topGaussNewton(net, w, train, ntkVector);
            ntkVector = e.vector();
            k = e.value();
        }
        double[][] sv = new double[net.depth()][];
        for (int l = 1; l <= net.depth(); l++) {
            sv[l - 1] = top == 0 || !finite ? new double[0]
                    : java.util.Arrays.copyOf(WeightSpectrum.singularValues(net.layer(w, l), net.rows(l), net.cols(l)),
                            Math.min(top, Math.min(net.rows(l), net.cols(l))));
        }
        snapshots.add(new Snapshot(step, trainLoss, testLoss, s, c, k, sv));
    }

    public List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    public Snapshot last() {
        return snapshots.get(snapshots.size() - 1);
    }
}
