package io.dismc.theory.hopfield;

import static io.dismc.theory.hopfield.PrintedValue.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kalaj et al. mixture spinodals (test plan 4.1, 1e-3 relative; docs/models.md, section RFHM theory). */
class MixtureSpinodalsTest {

    @Test
    void spinodalsAtAlphaD0005() {
        assertRelative("0.2043", MixtureSpinodals.load(3, 0.005), 1e-3, "alpha_3(0.005)");
        assertRelative("0.7809", MixtureSpinodals.load(7, 0.005), 1e-3, "alpha_7(0.005)");
        assertEquals(0.43, MixtureSpinodals.load(5, 0.005), 0.01, "alpha_5(0.005) close to 0.43");
        // n = 1 is the consistent learning line
        assertEquals(new RfhmLearningTheory(RfhmVariant.CONSISTENT).learningLoad(0.005), MixtureSpinodals.load(1, 0.005), 1e-12);
        RfhmLearningState s = MixtureSpinodals.spinodal(3, 0.005).orElseThrow();
        assertTrue(s.m() > 0.45 && s.m() < 0.55, "3-mixture per-feature overlap near 1/2: " + s.m());
    }

    @Test
    void otherAlphaD() {
        String[][] t = {{"0.002", "0.0720", "0.1345", "0.2061"}, {"0.01", "0.5213", "1.590", null}, {"0.02", "2.170", null, null}};
        for (String[] row : t) {
            double aD = Double.parseDouble(row[0]);
            for (int k = 1; k < 4; k++) {
                if (row[k] != null) {
                    assertRelative(row[k], MixtureSpinodals.load(2 * k + 1, aD), 1e-3, "alpha_" + (2 * k + 1) + "(" + aD + ")");
                }
            }
        }
        assertTrue(Double.isNaN(MixtureSpinodals.load(5, 0.02)), "no 5-mixture attractor at alpha_D = 0.02");
    }

    /**
     * The authors' files give alpha_D,n(alpha), the first collapsed alpha_D of a scan in steps of 1e-6: the
     * spinodal load there must be the file's alpha to 1e-3 (rows alpha = 0.15, 0.9, 5; the alpha = 30 row
     * sits where alpha_n(alpha_D) is so steep that the file's 1e-5 stopping rule moves it by up to 2 %).
     */
    @Test
    void authorsFileRows() {
        double[] alphas = {0.15, 0.9, 5};
        double[][] alphaD = {{0.003859, 0.002198, 0.001534, 0.001178}, {0.013786, 0.007762, 0.005388, 0.004123},
            {0.024561, 0.013531, 0.009303, 0.007081}};
        int[] n = {3, 5, 7, 9};
        for (int r = 0; r < alphas.length; r++) {
            for (int k = 0; k < n.length; k++) {
                double a = MixtureSpinodals.load(n[k], alphaD[r][k]);
                assertEquals(alphas[r], a, 1e-3 * alphas[r], "n = " + n[k] + ", alpha_D = " + alphaD[r][k]);
            }
        }
    }

    @Test
    void tableRows() {
        List<MixtureSpinodals.MixtureSpinodal> rows = MixtureSpinodals.table(List.of(0.005, 0.2));
        assertEquals(8, rows.size());
        assertEquals(List.of(1, 3, 5, 7), rows.subList(0, 4).stream().map(MixtureSpinodals.MixtureSpinodal::n).toList());
        assertEquals(MixtureSpinodals.load(3, 0.005), rows.get(1).alphaMixture());
        assertTrue(rows.subList(4, 8).stream().allMatch(r -> Double.isNaN(r.alphaMixture())), "none at alpha_D = 0.2");
        assertThrows(IllegalArgumentException.class, () -> MixtureSpinodals.load(4, 0.005));
    }
}
