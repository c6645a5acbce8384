package io.dismc.theory.hopfield;

import static io.dismc.theory.hopfield.PrintedValue.assertAbsolute;
import static io.dismc.theory.hopfield.PrintedValue.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The published RS storage line (test plan 4.1; docs/models.md, section RFHM theory). These check the
 * solver against the authors' equations and files, not the physics: the line is not followed by zero-T
 * simulations at alpha_D &lt;~ 0.2 (see RfhmDynamicsVsTheoryTest).
 */
class RfhmStorageTheoryTest {

    @Test
    void storageLine() {
        String[][] table = {{"0.005", "0.02671", "0.9980"}, {"0.01", "0.03642", "0.9969"}, {"0.05", "0.06799", "0.9922"},
            {"0.1", "0.08404", "0.9888"}, {"0.5", "0.11647", "0.9785"}};
        for (String[] row : table) {
            double aD = Double.parseDouble(row[0]);
            RfhmStorageState s = RfhmStorageTheory.fold(aD);
            assertAbsolute(row[1], s.alpha(), 1e-5, "alpha_c, alpha_D = " + aD);
            assertAbsolute(row[2], s.m(), 0, "m at alpha_c, alpha_D = " + aD);
        }
        String[][] more = {{"1", "0.12533"}, {"2", "0.13097"}, {"5", "0.13494"}, {"10", "0.13639"}, {"30", "0.13739"}};
        for (String[] row : more) {
            assertAbsolute(row[1], RfhmStorageTheory.storageLoad(Double.parseDouble(row[0])), 1e-5, "alpha_c at " + row[0]);
        }
    }

    @Test
    void limits() {
        // alpha_D -> infinity: the standard Hopfield model
        assertEquals(AgsTheory.capacity().alpha(), RfhmStorageTheory.storageLoad(1e7), 1e-6);
        double previous = 0;
        for (double aD : new double[] {0.001, 0.01, 0.1, 1, 10, 100}) {
            double a = RfhmStorageTheory.storageLoad(aD);
            assertTrue(a > previous && a < AgsTheory.capacity().alpha(), "alpha_c(" + aD + ") = " + a);
            previous = a;
        }
        // near the origin about 0.39 sqrt(alpha_D)
        assertEquals(0.39, RfhmStorageTheory.storageLoad(1e-3) / Math.sqrt(1e-3), 0.01);
        assertTrue(RfhmStorageTheory.state(0.037, 0.01).isEmpty(), "0.037 > alpha_c(0.01) = 0.03642");
        assertEquals(0.0, RfhmStorageTheory.patternOverlap(0.2, 1));
    }

    @Test
    void statesAgainstTheSpec() {
        RfhmStorageState s = RfhmStorageTheory.state(0.1, 1).orElseThrow();
        String[] e = {"0.0264203", "1.102673", "0.0264660", "0.653915", "1.003511", "0.673183", "0.9973303"};
        double[] v = {s.dq(), s.qh(), s.dp(), s.dph(), s.pd(), s.dphd(), s.m()};
        for (int k = 0; k < v.length; k++) {
            assertRelative(e[k], v[k], 1e-6, "storage state component " + k);
        }
        RfhmStorageState t = RfhmStorageTheory.state(0.05, 0.1).orElseThrow();
        assertRelative("0.99995363", t.m(), 1e-6, "m");
        assertRelative("1.205361", t.qh(), 1e-6, "qh");
        // at m = 1 the noise is alpha + (2/pi)^2 alpha^2 / alpha_D (spec 2.3): the tiny-load limit
        RfhmStorageState frozen = RfhmStorageTheory.state(1e-6, 0.1).orElseThrow();
        double k1 = 2 / Math.PI;
        assertEquals(1e-6 + k1 * k1 * 1e-12 / 0.1, frozen.noiseVariance(), 1e-18);
        assertEquals(1.0, frozen.m());
    }

    /** The state is a fixed point of the authors' storage updates. */
    @Test
    void statesSolveTheAuthorsEquations() {
        for (double[] at : new double[][] {{0.1, 1}, {0.03, 0.01}, {0.12, 30}}) {
            RfhmStorageState s = RfhmStorageTheory.state(at[0], at[1]).orElseThrow();
            RfhmDampedIteration.Outcome<RfhmStorageState> o = RfhmDampedIteration.storage(s, at[0], at[1],
                    new RfhmDampedIteration.Settings(0, 1e-12, 3));
            assertTrue(o.converged() && o.iterations() == 1, "one undamped sweep changes nothing at " + at[0]);
        }
    }
}
