package io.dismc.deep;

import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-training observables of one run (docs/models.md, section deep networks and spectra), as an
 * experiment's table would carry them: final (tail-averaged) training loss, test loss, the sharpness
 * lambda_max(kappa H) at the last iterate and at the centre of the last step, the top eigenvalue of the
 * scaled NTK Gram kappa J J^T / P, the edge-of-stability threshold 2/eta, and every layer's top singular
 * values against its initial Marchenko-Pastur bulk. Curvature values are NaN for a diverged run.
 */
public record TrainingSummary(double trainLoss, double testLoss, boolean diverged, double sharpness, double centralSharpness,
                              double ntkTop, double twoOverEta, List<WeightSpectrum.Layer> layers) {

    /**
     * @param test held-out set (null: NaN test loss)
     * @param top singular values kept per layer
     */
    public static TrainingSummary of(DeepNetwork net, DeepTrainer.Run run, DeepTrainingSpec spec, DeepDataset train, DeepDataset test,
                                     int top) {
        double nan = Double.NaN;
        boolean ok = !run.diverged();
        double testLoss = ok && test != null ? LossSurface.loss(net, run.weights(), test) : nan;
        double s = nan;
        double c = nan;
        double k = nan;
        if (ok) {
            TopEigen e = Sharpness.top(net, run.weights(), train, null);
            s = e.value();
            c = run.steps() > 0 ? Sharpness.central(net, run.weights(), run.previous(), train, e.vector()).value() : s;
            k = Sharpness.topGaussNewton(net, run.weights(), train, e.vector()).value();
        }
        List<WeightSpectrum.Layer> layers = new ArrayList<>();
        if (ok) {
            for (int l = 1; l <= net.depth(); l++) {
                layers.add(WeightSpectrum.of(net, run.weights(), l, top, 0.0));
            }
        }
        return new TrainingSummary(ok ? run.finalLoss() : nan, testLoss, run.diverged(), s, c, k, 2 / spec.eta(), List.copyOf(layers));
    }
}
