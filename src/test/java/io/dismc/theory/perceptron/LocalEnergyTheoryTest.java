package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.data.PerceptronInstance;
import io.dismc.perceptron.LocalEnergy;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.rng.RandomStream;
import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, local energy (B3, B4; test plan 7.1.7-8). */
class LocalEnergyTheoryTest {
    static final double[] D = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2};

    @Test
    void typicalReferencesAtAlpha04() {
        double[][] rows = {
            {0, 0.05329, 0.07467, 0.10431, 0.16149, 0.22419, 0.31202},
            {0.1, 0.02145, 0.04199, 0.07291, 0.13486, 0.20330, 0.29855},
            {0.3, 0.00126, 0.00838, 0.02915, 0.08872, 0.16417, 0.27245},
            {0.5, 0.00002, 0.00085, 0.00884, 0.05457, 0.13067, 0.24894}};
        for (double[] row : rows) {
            double q = BinaryGardnerDerrida.typicalOverlap(0.4, row[0]);
            for (int j = 0; j < D.length; j++) {
                assertEquals(row[j + 1], LocalEnergyTheory.atOverlap(q, row[0], D[j]), 1e-5, "kappa = " + row[0] + ", d = " + D[j]);
            }
        }
        assertEquals(0.07467, LocalEnergyTheory.typical(0.4, 0, 0.01), 1e-5);
        // d = 1/2 erases the reference: half the patterns violated
        assertEquals(0.5, LocalEnergyTheory.typical(0.4, 0.2, 0.5), 1e-12);
    }

    @Test
    void exactFlipLawMatchesTheEngineSampler() {
        // a zero-margin solution: teacher labels for a random +-1 w, +-1 inputs, N = 1001, P = 400
        int n = 1001;
        int p = 400;
        RandomStream stream = new RandomStream(11, 1);
        double[] x = PerceptronProblems.inputs(n, p, false, stream);
        double[] w = PerceptronProblems.teacher(n, true, new RandomStream(11, 2));
        byte[] y = PerceptronProblems.teacherLabels(x, n, p, w);
        PerceptronInstance inst = PerceptronProblems.instance(x, y, n, p, false);
        double[] h = inst.fields(w);
        int[] fields = new int[p];
        double[] stabilities = new double[p];
        for (int mu = 0; mu < p; mu++) {
            fields[mu] = (int) Math.round(h[mu]);
            stabilities[mu] = h[mu] / Math.sqrt(n);
            assertTrue(fields[mu] > 0);
        }
        int moves = 2000;
        for (double d : new double[] {0.02}) {
            int flips = (int) Math.round(d * n);
            double exact = LocalEnergyTheory.exactFlipEnergy(n, fields, flips);
            double sampled = LocalEnergy.at(inst, w, true, d, moves, new RandomStream(11, 3).family());
            double sigma = Math.sqrt(exact * (1 - exact) / ((double) p * moves));
            assertEquals(exact, sampled, 4 * sigma, "d = " + d);
            // the N -> infinity law on the same stabilities is only close (0.060 against 0.057 at d = 0.01,
            // 0.136 against 0.134 at d = 0.05):
            // the lattice spacing 2/sqrt(N) is not small against the flip noise 2 sqrt(d(1-d)) here
            assertEquals(exact, LocalEnergyTheory.fromStabilities(stabilities, d), 5e-3, "asymptotic law at d = " + d);
        }
    }

    @Test
    void asymptoticLawIsTheLargeNLimitOfTheExactOne() {
        // stabilities 0.01 .. 2 on the lattice of N = 100001 (h odd), d = 0.01 and 0.1 (1000 and 10000 flips)
        int n = 100_001;
        int p = 200;
        int[] fields = new int[p];
        double[] stabilities = new double[p];
        for (int mu = 0; mu < p; mu++) {
            int h = (int) Math.round(0.01 * (mu + 1) * Math.sqrt(n));
            fields[mu] = (h & 1) == 1 ? h : h + 1;
            stabilities[mu] = fields[mu] / Math.sqrt(n);
        }
        for (double d : new double[] {0.01, 0.1}) {
            double exact = LocalEnergyTheory.exactFlipEnergy(n, fields, (int) Math.round(d * n));
            assertEquals(exact, LocalEnergyTheory.fromStabilities(stabilities, d), 3e-4, "d = " + d);
        }
    }

    @Test
    void exactFlipLawLimits() {
        int n = 11;
        // no flips: the sign of h; all flipped: h' = -h
        assertEquals(1, LocalEnergyTheory.flipViolationProbability(n, -3, 0), 0);
        assertEquals(0, LocalEnergyTheory.flipViolationProbability(n, 3, 0), 0);
        assertEquals(1, LocalEnergyTheory.flipViolationProbability(n, 3, n), 1e-15);
        // one flip of N: h' = h - 2 with probability n+/N
        assertEquals(6.0 / 11, LocalEnergyTheory.flipViolationProbability(n, 1, 1), 1e-15);
        // against enumeration of every flip set of a 13-term sum, for every field and flip count
        int m = 13;
        for (int h = -m; h <= m; h += 2) {
            int plus = (m + h) / 2;
            for (int flips = 0; flips <= m; flips++) {
                int violated = 0;
                int sets = 0;
                for (int mask = 0; mask < (1 << m); mask++) {
                    if (Integer.bitCount(mask) != flips) {
                        continue;
                    }
                    int field = 0;
                    for (int i = 0; i < m; i++) {
                        int term = i < plus ? 1 : -1;
                        field += ((mask >> i) & 1) == 1 ? -term : term;
                    }
                    sets++;
                    violated += field < 0 ? 1 : 0;
                }
                assertEquals((double) violated / sets, LocalEnergyTheory.flipViolationProbability(m, h, flips), 1e-13,
                        "h = " + h + ", flips = " + flips);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> LocalEnergyTheory.flipViolationProbability(n, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> LocalEnergyTheory.typical(0.4, 0, 0.7));
    }
}
