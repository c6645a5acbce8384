package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.rng.RandomStream;
import io.dismc.run.Sweep;
import io.dismc.experiment.PointSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * binary-committee with a spherical (non-realizable) teacher has an interpolation threshold that grows
 * with the student's width (docs/models.md 2.7), and a binary teacher is always realizable.
 */
class BinaryCommitteeThresholdTest {
    static CpuBackend cpu;

    @BeforeAll
    static void open() {
        cpu = new CpuBackend(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    /**
     * The fewest training errors of any +-1 perceptron (K = 1), by enumerating all 2^N students, N = 15:
     * with a spherical teacher's labels at alpha = 2 (P = 30) no student fits them on at least 8 of 10
     * instances (a true threshold below alpha = 2), with a binary teacher the teacher itself fits them on every one.
     */
    @Test
    void aSphericalTeacherIsNotRealizableByBinaryWeights() {
        int n = 15;
        int p = 30;
        int unfit = 0;
        for (int s = 0; s < 10; s++) {
            double[] x = PerceptronProblems.inputs(n, p, false, new RandomStream(40 + s, 1));
            double[] spherical = BinaryCommitteeExperiment.teacher(n, 1, false, new RandomStream(40 + s, 2));
            double[] binary = BinaryCommitteeExperiment.teacher(n, 1, true, new RandomStream(40 + s, 2));
            unfit += fewestErrors(x, BinaryCommitteeExperiment.labels(spherical, 1, n, x, p), n) > 0 ? 1 : 0;
            assertEquals(0, fewestErrors(x, BinaryCommitteeExperiment.labels(binary, 1, n, x, p), n), "a binary teacher fits its labels");
        }
        assertTrue(unfit >= 8, "spherical-teacher labels not realizable on " + unfit + " of 10 instances");
    }

    /** min over all 2^N +-1 vectors w of the number of mu with sign(w . x^mu) != y^mu (sign(0) = +1). */
    static int fewestErrors(double[] x, byte[] y, int n) {
        int best = Integer.MAX_VALUE;
        double[] w = new double[n];
        for (int bits = 0; bits < (1 << n); bits++) {
            for (int i = 0; i < n; i++) {
                w[i] = ((bits >> i) & 1) == 1 ? 1 : -1;
            }
            int errors = 0;
            for (int mu = 0; mu < y.length && errors < best; mu++) {
                double h = 0;
                for (int i = 0; i < n; i++) {
                    h += w[i] * x[mu * n + i];
                }
                errors += (h >= 0 ? 1 : -1) != y[mu] ? 1 : 0;
            }
            best = Math.min(best, errors);
        }
        return best;
    }

    /**
     * The experiment's defaults (spherical teacher, SA), N = 51, 6 instances: K = 1 interpolates every
     * instance at alpha = 0.5 and none at 1.5 or 3 (training error left); K = 3 and 5 interpolate every instance at
     * 1.5; at 3 the wider K = 5 interpolates at least as many as K = 3, and K = 3 leaves a larger training error:
     * alpha_interp(1) &lt; alpha_interp(3) &lt;= alpha_interp(5).
     */
    @Test
    void theInterpolationThresholdGrowsWithTheWidth() {
        Sweep s = Sweep.of(new BinaryCommitteeExperiment(), Map.of("alpha", "0.5,1.5,3", "k", "1,3,5", "test-size", "100"), 6, 4);
        List<PointSummary> r = s.summarize(s.run(cpu));
        double[][] solved = new double[3][3];
        double[][] train = new double[3][3];
        for (PointSummary p : r) {
            int a = List.of(0.5, 1.5, 3.0).indexOf(p.point().real("alpha"));
            int k = List.of(1, 3, 5).indexOf(p.point().integer("k"));
            solved[a][k] = p.stats().get("solved").mean();
            train[a][k] = p.stats().get("train_error").mean();
        }
        assertEquals(1.0, solved[0][0], "K = 1 fits alpha = 0.5");
        assertEquals(0.0, solved[1][0], "K = 1 fits none at alpha = 1.5");
        assertEquals(0.0, solved[2][0], "K = 1 fits none at alpha = 3");
        assertTrue(train[2][0] > 0.05, "K = 1 leaves training errors at alpha = 3: " + train[2][0]);
        assertEquals(1.0, solved[1][1], "K = 3 fits alpha = 1.5");
        assertEquals(1.0, solved[1][2], "K = 5 fits alpha = 1.5");
        assertTrue(solved[2][2] >= solved[2][1], "K = 5 fits at least as many as K = 3 at alpha = 3");
        assertTrue(train[2][1] > train[2][2], "K = 3 leaves more training error than K = 5 at alpha = 3");
    }
}
