package io.dismc.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaussiansTest {
    @Test
    void momentsAndTails() {
        assertEquals(1.0, Gaussians.expectation(z -> 1), 1e-13);
        assertEquals(1.0, Gaussians.expectation(z -> z * z), 1e-13);
        assertEquals(3.0, Gaussians.expectation(z -> z * z * z * z), 1e-12);
        // E (z + k)^2 theta(z + k) at k = 0 is 1/2: Gardner's alpha_c(0) = 2
        assertEquals(0.5, Gaussians.expectation(z -> z > 0 ? z * z : 0, 0.0), 1e-13);
        assertEquals(Gaussians.upperTail(1.3), Gaussians.expectationOver(z -> 1, 1.3, Double.POSITIVE_INFINITY), 1e-13);
        assertEquals(0.15865525393145707, Gaussians.upperTail(1), 1e-16);
        // deep tail: log H(30) = -30^2/2 - log(30 sqrt(2 pi)) - log(1 - 1/900 + ...)
        double x = 30;
        double asymptotic = -x * x / 2 - Math.log(x * Math.sqrt(2 * Math.PI)) + Math.log(1 - 1 / (x * x) + 3 / Math.pow(x, 4) - 15 / Math.pow(x, 6));
        assertEquals(asymptotic, Gaussians.logUpperTail(x), 1e-9);
        assertEquals(Math.log(Gaussians.upperTail(4.9)), Gaussians.logUpperTail(4.9), 1e-12);
        assertEquals(Math.log(Gaussians.upperTail(5.1)), Gaussians.logUpperTail(5.1), 1e-12);
        // Mills ratio: -u at u -> -inf, phi/Phi elsewhere
        assertEquals(Gaussians.density(0.7) / Gaussians.cdf(0.7), Gaussians.millsRatio(0.7), 1e-15);
        assertEquals(40.0247, Gaussians.millsRatio(-40), 1e-3);
    }
}
