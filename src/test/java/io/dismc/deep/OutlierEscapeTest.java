package io.dismc.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import org.junit.jupiter.api.Test;

/**
 * Outliers escaping the Marchenko-Pastur bulk (Lauditi, Pehlevan and Bordelon 2025; docs/models.md,
 * section deep networks and spectra): a deep linear network (L = 3, D = 16, P = 32, random linear
 * teacher) trained by GD (eta = 0.02, 200 steps) with output scale gamma = 2, muP and NTK coinciding at
 * N0 = 16. The first layer W1 (N x D) starts inside its bulk [|sqrt(N/D) - 1|, sqrt(N/D) + 1] (edges 3
 * and 5 at N = 64 and 256) and the hidden layer W2 (N x N) inside [0, 2]. In muP a spike grows out of
 * both at every width: top / edge above 1.2 for W1 (measured 1.32-1.38 at N = 64, 1.56-1.59 at 256 over
 * four seeds) and above 1.05 for W2 (measured 1.09-1.16), the hidden layer's outlier the same at both
 * widths within 0.05 (width-consistent outlier dynamics; measured differences 0.01-0.03). In NTK the
 * features freeze as N grows past N0: W1's outlier shrinks toward the edge from N = 64 to 256 and at 256
 * (16 N0) it is less than 0.12 above the edge and less than a quarter of muP's excess (measured
 * 1.01-1.08 against muP's 1.56-1.59), and W2 stays within 5% of its edge (measured 0.97-1.00; compare the
 * two-layer NTK runs' 4.84-4.97 against the edge 5).
 */
class OutlierEscapeTest {
    static final int D = 16;
    static final DeepDataset TRAIN = DeepTeacher.random(D, 1, Activation.LINEAR, 1, new RandomStream(1, 1))
            .sample(32, new RandomStream(1, 2), 0, null);

    static WeightSpectrum.Layer[] trained(DeepParameterization par, int n, boolean atStart) {
        DeepNetwork net = new DeepNetwork(D, n, 3, 1, Activation.LINEAR, par, 2, 1, 16);
        double[] w = net.initialWeights(new RandomStream(1, 4));
        if (!atStart) {
            w = DeepTrainer.train(net, w, TRAIN, DeepTrainingSpec.gd(0.02, 200, 4), null, null).weights();
        }
        return new WeightSpectrum.Layer[] {WeightSpectrum.of(net, w, 1, 2, 0.0), WeightSpectrum.of(net, w, 2, 2, 0.0)};
    }

    @Test
    void muPGrowsWidthConsistentOutliersAndWideNtkStaysAtTheEdge() {
        for (int n : new int[] {64, 256}) {
            WeightSpectrum.Layer[] init = trained(DeepParameterization.MUP, n, true);
            assertTrue(init[0].escape() < 1 && init[1].escape() < 1, "N = " + n + ": inside the bulk at the start");
        }
        WeightSpectrum.Layer[] mup64 = trained(DeepParameterization.MUP, 64, false);
        WeightSpectrum.Layer[] mup256 = trained(DeepParameterization.MUP, 256, false);
        WeightSpectrum.Layer[] ntk64 = trained(DeepParameterization.NTK, 64, false);
        WeightSpectrum.Layer[] ntk256 = trained(DeepParameterization.NTK, 256, false);
        assertEquals(5, mup256[0].bulk().upper(), 1e-12, "the first layer's bulk edge at N = 256");
        for (WeightSpectrum.Layer[] m : java.util.List.of(mup64, mup256)) {
            int n = m[0].rows();
            assertTrue(m[0].escape() > 1.2, "muP N = " + n + ": W1 top / edge = " + m[0].escape());
            assertTrue(m[1].escape() > 1.05, "muP N = " + n + ": W2 top / edge = " + m[1].escape());
            assertTrue(m[0].outliers() >= 1 && m[1].outliers() >= 1, "muP N = " + n + ": an outlier in W1 and W2");
        }
        assertEquals(mup64[1].escape(), mup256[1].escape(), 0.05, "muP: the hidden layer's outlier does not depend on the width");
        assertTrue(ntk256[0].escape() < ntk64[0].escape(), "NTK: W1's outlier shrinks with the width: " + ntk64[0].escape() + " at N = 64, "
                + ntk256[0].escape() + " at 256");
        double excess = ntk256[0].escape() - 1;
        assertTrue(excess < 0.12 && excess < 0.25 * (mup256[0].escape() - 1), "NTK N = 256: W1 top / edge = " + ntk256[0].escape()
                + " (muP: " + mup256[0].escape() + ")");
        assertEquals(1, ntk256[1].escape(), 0.05, "NTK N = 256: W2 top / edge");
    }
}
