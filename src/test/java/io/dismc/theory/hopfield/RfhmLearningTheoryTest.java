package io.dismc.theory.hopfield;

import static io.dismc.theory.hopfield.PrintedValue.assertAbsolute;
import static io.dismc.theory.hopfield.PrintedValue.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.numbers.gamma.Erf;
import org.junit.jupiter.api.Test;

/**
 * RFHM learning line and states at T = 0, both variants (test plan 4.1; docs/models.md, section RFHM
 * theory). Reference values are the spec's (section 2.7); tolerances 1e-5 relative on the fold and 1e-6 on
 * the state vector, or the rounding of the printed digits where the spec prints fewer.
 */
class RfhmLearningTheoryTest {
    private static final RfhmLearningTheory CONSISTENT = new RfhmLearningTheory(RfhmVariant.CONSISTENT);
    private static final RfhmLearningTheory PUBLISHED = new RfhmLearningTheory(RfhmVariant.PUBLISHED);

    @Test
    void learningLineBothVariants() {
        // alpha_D, alpha_L (e = 1), m at fold, alpha_L (e = 2), m at fold
        String[][] table = {
            {"0.005", "0.04368", "0.9135", "0.04631", "0.9277"},
            {"0.01", "0.092907", "0.9196", "0.09786", "0.9312"},
            {"0.05", "0.78050", "0.9474", "0.79793", "0.9502"},
            {"0.1", "4.1152", "0.9619", "4.1418", "0.9622"},
        };
        for (String[] row : table) {
            double aD = Double.parseDouble(row[0]);
            RfhmLearningState p = PUBLISHED.fold(aD).orElseThrow();
            RfhmLearningState c = CONSISTENT.fold(aD).orElseThrow();
            assertRelative(row[1], p.alpha(), 1e-5, "alpha_L published, alpha_D = " + aD);
            assertAbsolute(row[2], p.m(), 0, "m at the published fold, alpha_D = " + aD);
            assertRelative(row[3], c.alpha(), 1e-5, "alpha_L consistent, alpha_D = " + aD);
            assertAbsolute(row[4], c.m(), 0, "m at the consistent fold, alpha_D = " + aD);
        }
        String[][] more = {{"0.11", "6.285", "6.314"}, {"0.12", "10.914", "10.944"}, {"0.125", "15.94", "15.97"},
            {"0.13", "27.33", "27.36"}, {"0.135", "77.99", "78.02"}};
        for (String[] row : more) {
            double aD = Double.parseDouble(row[0]);
            assertRelative(row[1], PUBLISHED.learningLoad(aD), 1e-5, "alpha_L published, alpha_D = " + aD);
            assertRelative(row[2], CONSISTENT.learningLoad(aD), 1e-5, "alpha_L consistent, alpha_D = " + aD);
        }
    }

    /** The fold is a minimum of alpha along the branch: the state exists just above alpha_L, not just below. */
    @Test
    void foldIsTheEdgeOfExistence() {
        double aL = CONSISTENT.learningLoad(0.01);
        assertTrue(CONSISTENT.state(aL * (1 + 1e-6), 0.01).isPresent());
        assertTrue(CONSISTENT.state(aL * (1 - 1e-6), 0.01).isEmpty());
        assertEquals(0.0, CONSISTENT.featureOverlap(0.095, 0.01), "0.095 < alpha_L = 0.09786 (consistent)");
        assertTrue(PUBLISHED.featureOverlap(0.095, 0.01) > 0.9, "0.095 > alpha_L = 0.09291 (published)");
        // the published span row: at alpha_D = 0.0100 the state exists at 0.093 and not at 0.092
        assertTrue(PUBLISHED.state(0.093, 0.01).isPresent() && PUBLISHED.state(0.092, 0.01).isEmpty());
    }

    @Test
    void fullStateAtAlphaD001Alpha015() {
        RfhmLearningState p = PUBLISHED.state(0.15, 0.01).orElseThrow();
        String[] e1 = {"0.0040518", "74.5598", "0.0042156", "0.639277", "100.2346", "41.0254", "0.9956966", "9.54788"};
        assertState(e1, p, "published");
        RfhmLearningState c = CONSISTENT.state(0.15, 0.01).orElseThrow();
        String[] e2 = {"0.0040974", "74.7919", "0.0042650", "0.639307", "100.2237", "41.1961", "0.9956356", "9.54776"};
        assertState(e2, c, "consistent");
    }

    private static void assertState(String[] expected, RfhmLearningState s, String what) {
        double[] v = {s.dq(), s.qh(), s.dp(), s.dph(), s.pd(), s.dpdh(), s.m(), s.mh()};
        String[] names = {"dq", "qh", "dp", "dph", "pd", "dpdh", "m", "mh"};
        for (int k = 0; k < v.length; k++) {
            assertRelative(expected[k], v[k], 1e-6, what + " " + names[k]);
        }
        assertEquals(0.15, s.alpha(), 1e-13);
    }

    /** The closed state is a fixed point of the authors' update equations, each to 1e-11 relative. */
    @Test
    void statesSolveTheAuthorsEquations() {
        for (RfhmVariant v : RfhmVariant.values()) {
            RfhmLearningTheory t = new RfhmLearningTheory(v);
            for (double[] at : new double[][] {{0.15, 0.01}, {0.3, 0.02}, {5.0, 0.1}}) {
                RfhmLearningState s = t.state(at[0], at[1]).orElseThrow();
                double alphaT = at[0] / at[1];
                double k1 = 2 / Math.PI;
                double ks = 1 - k1;
                double den1 = 1 - k1 * s.dp() - ks * s.dq();
                double den2 = 1 - alphaT * s.dq() * s.dph();
                double a = Math.sqrt(at[0] * s.qh());
                assertRel(2 * Math.exp(-0.5 * Math.pow(s.mh() / a, 2)) / Math.sqrt(2 * Math.PI) / a, s.dq(), "dq " + v);
                assertRel(ks * (k1 * s.pd() + ks) / (den1 * den1) + (s.dpdh() + alphaT * s.dph() * s.dph()) / (den2 * den2),
                        s.qh(), "qh " + v);
                assertRel(s.dq() / den2, s.dp(), "dp " + v);
                assertRel(k1 / den1, s.dph(), "dph " + v);
                assertRel(s.m() * s.m() / at[1] + (1 + alphaT * s.dq() * s.dq() * s.dpdh()) / (den2 * den2), s.pd(), "pd " + v);
                assertRel(k1 * (k1 * s.pd() + ks) / Math.pow(den1, v.exponent()), s.dpdh(), "dpdh " + v);
                assertRel(Erf.value(s.mh() / (Math.sqrt(2) * a)), s.m(), "m " + v);
                assertRel(alphaT * s.dph() * s.m(), s.mh(), "mh " + v);
            }
        }
    }

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-11 * Math.abs(expected), what);
    }

    @Test
    void featureOverlapOnTheLearningBranch() {
        double[] alphas = {0.093, 0.095, 0.10, 0.11, 0.12, 0.14, 0.16, 0.20, 0.25, 0.30};
        String[] e1 = {"0.92558", "0.94607", "0.96377", "0.97920", "0.98677", "0.99390", "0.99691", "0.99908", "0.99976", "0.99993"};
        String[] e2 = {null, null, "0.95462", "0.97740", "0.98614", "0.99378", "0.99688", "0.99907", "0.99976", "0.99993"};
        for (int k = 0; k < alphas.length; k++) {
            assertAbsolute(e1[k], PUBLISHED.featureOverlap(alphas[k], 0.01), 0, "published m at " + alphas[k]);
            if (e2[k] == null) {
                assertEquals(0.0, CONSISTENT.featureOverlap(alphas[k], 0.01), "consistent: none at " + alphas[k]);
            } else {
                assertAbsolute(e2[k], CONSISTENT.featureOverlap(alphas[k], 0.01), 0, "consistent m at " + alphas[k]);
            }
        }
        assertAbsolute("0.9834", PUBLISHED.featureOverlap(0.0546, 0.005), 0, "alpha_D = 0.005");
        assertAbsolute("0.9822", CONSISTENT.featureOverlap(0.0546, 0.005), 0, "alpha_D = 0.005");
        assertAbsolute("0.9986", CONSISTENT.featureOverlap(0.0874, 0.005), 0, "alpha_D = 0.005");
        assertAbsolute("0.9719", PUBLISHED.featureOverlap(0.2312, 0.02), 0, "alpha_D = 0.02");
        assertAbsolute("0.9985", PUBLISHED.featureOverlap(0.4204, 0.02), 0, "alpha_D = 0.02");
        assertAbsolute("0.9759", CONSISTENT.featureOverlap(0.241, 0.02), 0, "alpha_D = 0.02");
        assertAbsolute("0.9880", CONSISTENT.featureOverlap(0.2739, 0.02), 0, "alpha_D = 0.02");
        assertAbsolute("0.98850", PUBLISHED.featureOverlap(1.0, 0.05), 0, "alpha_D = 0.05");
        assertAbsolute("0.98828", CONSISTENT.featureOverlap(1.0, 0.05), 0, "alpha_D = 0.05");
        List<RfhmLearningTheory.FeatureOverlap> curve = CONSISTENT.featureOverlapCurve(0.01, List.of(0.05, 0.2));
        assertEquals(0.0, curve.get(0).m());
        assertEquals(CONSISTENT.featureOverlap(0.2, 0.01), curve.get(1).m());
    }

    /** alpha -> infinity is a Hopfield model of the features at load alpha_D: m tends to AGS m(alpha_D). */
    @Test
    void largeLoadTendsToHopfieldOfTheFeatures() {
        assertEquals(AgsTheory.overlap(0.12, 0), CONSISTENT.featureOverlap(1e5, 0.12), 1e-4);
        assertEquals(AgsTheory.overlap(0.13, 0), PUBLISHED.featureOverlap(2e5, 0.13), 1e-4);
    }

    /** Near the origin alpha_L ~ 8.3 alpha_D (e = 1), 8.9 alpha_D (e = 2); no learning for alpha_D >= 0.1379. */
    @Test
    void limitsOfTheLearningLine() {
        assertEquals(8.3, PUBLISHED.learningLoad(1e-3) / 1e-3, 0.05);
        assertEquals(8.9, CONSISTENT.learningLoad(1e-3) / 1e-3, 0.05);
        double previous = 0;
        for (double aD : new double[] {0.13, 0.135, 0.137, 0.1379}) {
            double aL = CONSISTENT.learningLoad(aD);
            assertTrue(aL > previous, "alpha_L increasing towards alpha_c(AGS), alpha_D = " + aD);
            previous = aL;
        }
        assertTrue(previous > 1e4, "alpha_L(0.1379) = " + previous);
        for (double aD : new double[] {0.138, 0.2, 0.5, 1, 10}) {
            assertTrue(CONSISTENT.fold(aD).isEmpty(), "no learning phase at alpha_D = " + aD);
            assertTrue(Double.isNaN(PUBLISHED.learningLoad(aD)));
            assertEquals(0.0, CONSISTENT.featureOverlap(1.0, aD));
        }
    }

    /** Field statistics at s = f^1 from the RS equations (spec 2.2: mean 6.37, variance 6.87, unstable 0.0076). */
    @Test
    void fieldAtTheFeature() {
        LocalFieldStatistics f = RfhmLearningTheory.fieldAtFeature(0.1, 0.01);
        double k1 = 2 / Math.PI;
        assertEquals(k1 * 10, f.mean(), 1e-12);
        assertEquals(0.1 + k1 * 10 + k1 * k1 * 0.01 / 0.01, f.variance(), 1e-12);
        assertAbsolute("6.37", f.mean(), 0, "mean");
        assertAbsolute("6.87", f.variance(), 0, "variance");
        assertAbsolute("0.0076", f.unstableFraction(), 0, "unstable fraction");
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CONSISTENT.fold(0));
        assertThrows(IllegalArgumentException.class, () -> CONSISTENT.state(-1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> RfhmVariant.parse("squared"));
        assertEquals(RfhmVariant.PUBLISHED, RfhmVariant.parse("Published"));
    }
}
