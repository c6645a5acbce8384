package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.theory.Gaussians;
import org.junit.jupiter.api.Test;

/** The fused quadrature of ThermalAverages against the shared Gaussians.expectation. */
class ThermalAveragesTest {
    @Test
    void agreesWithTheSharedQuadrature() {
        double[][] cases = {{0.9, 0.45, 2}, {0.97, 0.45, 50}, {0.3, 1.2, 1.1}, {-0.4, 0.2, 1000}, {0, 0.3, 5}, {2.1, 0.7, 200}};
        for (double[] c : cases) {
            double mu = c[0];
            double s = c[1];
            double b = c[2];
            ThermalAverages.Averages av = ThermalAverages.of(mu, s, b);
            double kink = -mu / s;
            double w = 1 / (b * s);
            double[] cuts = {kink, kink - w, kink + w, kink - 4 * w, kink + 4 * w, kink - 16 * w, kink + 16 * w};
            assertEquals(Gaussians.expectation(z -> Math.tanh(b * (mu + s * z)), cuts), av.m(), 1e-12);
            assertEquals(Gaussians.expectation(z -> Math.pow(Math.tanh(b * (mu + s * z)), 2), cuts), av.q(), 1e-12);
            assertEquals(b * Gaussians.expectation(z -> Math.pow(1 / Math.cosh(b * (mu + s * z)), 2), cuts),
                    av.response(), 1e-10 * b);
            // Stein's lemma: beta E sech^2 = E[z tanh] / std
            assertEquals(Gaussians.expectation(z -> z * Math.tanh(b * (mu + s * z)), cuts) / s, av.response(), 1e-10 * b);
        }
        ThermalAverages.Averages zeroNoise = ThermalAverages.of(0.5, 0, 2);
        assertEquals(Math.tanh(1), zeroNoise.m(), 1e-15);
    }
}
