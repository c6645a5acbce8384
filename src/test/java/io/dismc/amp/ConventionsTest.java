package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** amp.md 1 (the DMM conversion) and the SE grid rows a theory command writes. */
class ConventionsTest {
    @Test
    void dmmConversion() {
        DmmParameters d = DmmParameters.of(0.1, 0.32879, 1e-4);
        assertEquals(0.32879, d.delta(), 0);
        assertEquals(0.1 / 0.32879, d.rho(), 1e-15);
        assertEquals(1e-4 / 0.32879, d.sigma2(), 1e-18);
        assertEquals(0.1, d.rhoPerComponent(), 1e-15);
        // tau^2 = sigma^2 + E/delta is the SE's Sigma = (Delta + E)/alpha
        StateEvolution se = StateEvolution.softThreshold(GaussBernoulliPrior.standard(0.1), 1.14, 0.32879, 1e-4);
        assertEquals(se.effectiveNoise(0.01), d.effectiveNoise(0.01), 1e-15);
        // the l1 line in DMM units: rho_DMM = rho/delta at delta = alpha_l1
        assertEquals(0.1 / Thresholds.l1(0.1).alpha(), DmmParameters.of(0.1, Thresholds.l1(0.1).alpha(), 0).rho(), 1e-12);
    }

    @Test
    void stateEvolutionGridRows() {
        List<StateEvolutionGrid.CsRow> rows = StateEvolutionGrid.compressedSensing(new double[] {0.2}, new double[] {1e-8, 1e-3},
            new double[] {0.3, 0.5});
        assertEquals(4, rows.size());
        StateEvolutionGrid.CsRow hard = rows.get(0);
        assertEquals(8.3869e-2, hard.mseUninformed(), 1e-4 * 8.3869e-2);
        assertEquals(2.04e-8, hard.mseInformed(), 0.01 * 2.04e-8);
        assertEquals(0.35541, hard.alphaBp(), 1e-4);
        assertEquals(0.51113, hard.alphaL1(), 1e-5);
        assertTrue(Double.isNaN(rows.get(2).alphaBp()), "no spinodal at Delta = 1e-3");
        StateEvolutionGrid.PerceptronRow p = StateEvolutionGrid.perceptron(GaussianPrior.standard(), SignChannel.INSTANCE, new double[] {1}).get(0);
        assertEquals(0.254373, p.bayesError(), 1e-5);
        assertEquals(0.338359, p.gibbsError(), 1e-5);
    }
}
