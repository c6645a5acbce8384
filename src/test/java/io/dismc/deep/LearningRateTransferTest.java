package io.dismc.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Learning-rate transfer (Yang et al. 2021; Bordelon and Pehlevan 2025 for deep linear networks;
 * docs/models.md, section deep networks and spectra): a deep linear network (L = 3, D = 32, P = 64,
 * random linear teacher) at widths N = 32, 64, 128, muP and NTK coinciding at N0 = 32 with gamma = 1,
 * full-batch GD for 60 steps on the grid eta = 0.02 x sqrt(2)^k (from k = 1) extended until the loss diverges.
 * Every sweep brackets its optimum. In muP eta* (the argmin of the final training loss) stays within
 * one grid step across widths (measured: 0.04 at every width for three seeds, with 60 or 100 steps); in NTK it grows with
 * the width, at least two grid steps from 32 to 128 (measured 0.04, 0.057, 0.08: one step per doubling,
 * as the network's features freeze and its sharpness stops rising). The divergence learning rate
 * behaves alike: fixed in muP, growing in NTK.
 */
class LearningRateTransferTest {
    static final double RATIO = Math.sqrt(2);

    static List<LearningRateSweep.Width> sweep(DeepParameterization par) {
        DeepDataset train = DeepTeacher.random(32, 1, Activation.LINEAR, 1, new RandomStream(1, 1)).sample(64, new RandomStream(1, 2), 0, null);
        DeepNetwork net = new DeepNetwork(32, 32, 3, 1, Activation.LINEAR, par, 1, 1, 32);
        return LearningRateSweep.run(new LearningRateSweep.Spec(net, List.of(32, 64, 128), train, DeepTrainingSpec.gd(1, 60, 4), 0.02 * RATIO, RATIO,
                12, new RandomStream(1, 4)), 2);
    }

    static double steps(double a, double b) {
        return Math.log(b / a) / Math.log(RATIO);
    }

    @Test
    void muPKeepsTheOptimalLearningRateAndNtkMovesIt() {
        List<LearningRateSweep.Width> mup = sweep(DeepParameterization.MUP);
        List<LearningRateSweep.Width> ntk = sweep(DeepParameterization.NTK);
        for (LearningRateSweep.Width w : mup) {
            assertTrue(w.bracketed(), "muP N = " + w.width() + ": eta* bracketed");
            assertTrue(Double.isFinite(w.divergenceEta()), "muP N = " + w.width() + ": the grid reaches divergence");
        }
        for (LearningRateSweep.Width w : ntk) {
            assertTrue(w.bracketed(), "NTK N = " + w.width() + ": eta* bracketed");
        }
        // the two coincide at the base width
        assertEquals(mup.get(0).etaStar(), ntk.get(0).etaStar(), 0, "muP and NTK at the base width");
        for (LearningRateSweep.Width w : mup) {
            assertTrue(Math.abs(steps(mup.get(0).etaStar(), w.etaStar())) <= 1.01,
                    "muP eta* at N = " + w.width() + ": " + w.etaStar() + " vs " + mup.get(0).etaStar() + " at N = 32");
        }
        for (int i = 1; i < ntk.size(); i++) {
            assertTrue(ntk.get(i).etaStar() > ntk.get(i - 1).etaStar(), "NTK eta* grows with the width: " + ntk.get(i - 1).etaStar() + " at N = "
                    + ntk.get(i - 1).width() + ", " + ntk.get(i).etaStar() + " at N = " + ntk.get(i).width());
        }
        assertTrue(steps(ntk.get(0).etaStar(), ntk.get(2).etaStar()) >= 1.99, "NTK eta* moves at least two grid steps from N = 32 to 128");
        assertTrue(ntk.get(2).divergenceEta() > mup.get(2).divergenceEta(), "at N = 128 NTK diverges later than muP");
    }
}
