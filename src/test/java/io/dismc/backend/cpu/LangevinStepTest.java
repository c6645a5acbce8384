package io.dismc.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.backend.LangevinSpec;
import io.dismc.rng.RandomStream;
import org.junit.jupiter.api.Test;

/** The Langevin step samples the right stationary law. */
class LangevinStepTest {

    /**
     * Quadratic potential U = k w^2 / 2 (the weight-decay term with lambda = k, no gradient): the
     * discrete chain w' = (1 - eta k) w + sqrt(2 eta T) z is stationary with variance
     * T / (k (1 - eta k / 2)). Averaged over 2000 coordinates and 400 decorrelated times.
     */
    @Test
    void quadraticPotentialHasVarianceTOverCurvature() {
        double k = 2.0;
        double t = 0.7;
        double eta = 0.01;
        LangevinSpec spec = new LangevinSpec(eta, t, k, false);
        int n = 2000;
        float[] w = new float[n];
        RandomStream stream = new RandomStream(3, 4);
        double sum = 0;
        double sumSq = 0;
        int samples = 0;
        // relaxation time 1/(eta k) = 50 steps: burn in 1000, then sample every 100
        for (long step = 0; step < 41_000; step++) {
            LangevinStep.apply(w, null, spec, stream, step);
            if (step >= 1000 && step % 100 == 0) {
                for (float x : w) {
                    sum += x;
                    sumSq += (double) x * x;
                }
                samples += n;
            }
        }
        double mean = sum / samples;
        double var = sumSq / samples - mean * mean;
        double expected = t / (k * (1 - eta * k / 2));
        // relative standard error of a variance from M independent Gaussian samples: sqrt(2/M)
        assertEquals(expected, var, 5 * expected * Math.sqrt(2.0 / samples), "stationary variance");
        assertEquals(0, mean, 5 * Math.sqrt(expected / samples));
    }

    /** On the sphere every step ends at |w|^2 = n, and the scratch-array form is the same step. */
    @Test
    void sphereStepKeepsTheNormAndTheScratchFormIsTheSameStep() {
        int n = 500;
        LangevinSpec spec = new LangevinSpec(0.05, 0.3, 0.0, true);
        float[] w = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1f + 0.01f * (i % 7);
            g[i] = (float) Math.sin(i);
        }
        float[] copy = w.clone();
        double[] z = new double[n];
        for (long step = 0; step < 5; step++) {
            LangevinStep.apply(w, g, spec, new RandomStream(9, 1), step);
            LangevinStep.apply(copy, g, spec, new RandomStream(9, 1), step, z);
            double norm = 0;
            for (float x : w) {
                norm += (double) x * x;
            }
            assertEquals(n, norm, 1e-3, "|w|^2 after step " + step);
        }
        assertArrayEquals(w, copy);
    }
}
