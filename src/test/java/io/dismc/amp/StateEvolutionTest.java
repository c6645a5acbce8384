package io.dismc.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.theory.Gaussians;
import org.junit.jupiter.api.Test;

/** amp.md 6.2-6.4: state evolution against the reference numbers of amp.md 5a-5c. */
class StateEvolutionTest {
    private static StateEvolution cs(double rho, double delta, double alpha) {
        return StateEvolution.bayesOptimal(GaussBernoulliPrior.standard(rho), new GaussianNoiseChannel(delta), alpha);
    }

    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void mmseLimits() {
        GaussBernoulliPrior prior = GaussBernoulliPrior.standard(0.2);
        assertRelative(0.2, prior.mmse(1e6), 1e-5, "mmse(inf) = rho");
        assertRelative(0.2, prior.mmse(1e-10) / 1e-10, 1e-3, "mmse(Sigma)/Sigma -> rho");
        // binary prior: the mmse integral against the overlap form q = E_z tanh(qhat + sqrt(qhat) z)
        for (double qhat : new double[] {0.1, 1, 5, 30}) {
            double q = Gaussians.expectation(z -> Math.tanh(qhat + Math.sqrt(qhat) * z));
            assertEquals(q, BinaryPrior.INSTANCE.overlap(qhat), 1e-12, "qhat=" + qhat);
        }
        // Gauss-Bernoulli: E_R[f_v] + E_R[f_a^2] = E[x0^2], with f_a^2 an independent integrand
        for (double sigma : new double[] {1e-8, 1e-3, 0.07, 2}) {
            double fa2 = ScalarQuadrature.overMixture(new double[] {0.8, 0.2}, new double[] {0, 0}, new double[] {0, 1}, sigma, r -> {
                double a = prior.posteriorMean(sigma, r);
                return a * a;
            }, prior.breakpoints(sigma), false);
            assertEquals(0.2, prior.mmse(sigma) + fa2, 1e-12, "Sigma=" + sigma);
        }
    }

    @Test
    void compressedSensingTrajectory() {
        // amp.md 5a: alpha = 0.5, rho = 0.2, Delta = 1e-8
        SeTrajectory se = cs(0.2, 1e-8, 0.5).uninformed(5000, 1e-10);
        double[] expected = {0.2, 0.10579, 0.068085, 0.046935, 0.033204, 0.023593, 0.016608, 0.011463, 7.6923e-3, 4.9817e-3, 3.0944e-3};
        for (int t = 0; t <= 10; t++) {
            assertRelative(expected[t], se.mse(t), t <= 5 ? 1e-4 : 2e-4, "E_" + t);
        }
        assertRelative(6.7157e-9, se.fixedPoint(), 1e-3, "fixed point");
        assertTrue(se.converged());
        SeTrajectory noisy = cs(0.2, 1e-4, 0.5).uninformed(5000, 1e-10);
        assertRelative(0.10582, noisy.mse(1), 1e-4, "Delta=1e-4, E_1");
        assertRelative(0.068151, noisy.mse(2), 1e-4, "E_2");
        assertRelative(0.047038, noisy.mse(3), 1e-4, "E_3");
        assertRelative(9.0516e-5, noisy.fixedPoint(), 1e-3, "fixed point");
        SeTrajectory sparse = cs(0.1, 1e-2, 0.5).uninformed(5000, 1e-10);
        assertRelative(0.041049, sparse.mse(1), 1e-4, "rho=0.1, E_1");
        assertRelative(0.021089, sparse.mse(2), 1e-4, "E_2");
        assertRelative(6.5499e-3, sparse.fixedPoint(), 1e-3, "fixed point");
    }

    @Test
    void compressedSensingFixedPointTable() {
        double[] alphas = {0.3, 0.4, 0.5};
        double[] tiny = {8.3869e-2, 1.0105e-8, 6.7157e-9};
        double[] noisy = {8.4108e-2, 1.5884e-4, 9.0516e-5};
        for (int k = 0; k < 3; k++) {
            assertRelative(tiny[k], cs(0.2, 1e-8, alphas[k]).uninformed(5000, 1e-10).fixedPoint(), 1e-3, "Delta=1e-8, alpha=" + alphas[k]);
            assertRelative(noisy[k], cs(0.2, 1e-4, alphas[k]).uninformed(5000, 1e-10).fixedPoint(), 1e-3, "Delta=1e-4, alpha=" + alphas[k]);
        }
    }

    @Test
    void hardPhaseHasTwoFixedPoints() {
        // uninformed / informed (E_0 = 1e-6) at rho = 0.2, Delta = 1e-8
        StateEvolution a30 = cs(0.2, 1e-8, 0.30);
        StateEvolution a25 = cs(0.2, 1e-8, 0.25);
        assertRelative(8.387e-2, a30.uninformed(5000, 1e-10).fixedPoint(), 1e-3, "alpha=0.30 uninformed");
        assertRelative(2.04e-8, a30.run(1e-6, 5000, 1e-10).fixedPoint(), 5e-3, "alpha=0.30 informed");
        assertRelative(0.1138, a25.uninformed(5000, 1e-10).fixedPoint(), 1e-3, "alpha=0.25 uninformed");
        assertRelative(4.20e-8, a25.run(1e-6, 5000, 1e-10).fixedPoint(), 5e-3, "alpha=0.25 informed");
    }

    @Test
    void perceptronSphericalTeacher() {
        double[] alphas = {0.5, 1, 2, 5};
        double[] q = {0.280326, 0.486264, 0.728298, 0.932064};
        double[] bayes = {0.322395, 0.254373, 0.174534, 0.083935};
        double[] gibbs = {0.409558, 0.338359, 0.240312, 0.118006};
        for (int k = 0; k < alphas.length; k++) {
            SeTrajectory se = StateEvolution.bayesOptimal(GaussianPrior.standard(), SignChannel.INSTANCE, alphas[k]).uninformed(5000, 1e-13);
            int t = se.iterations();
            assertEquals(q[k], se.overlap(t), 1e-5, "q at alpha=" + alphas[k]);
            assertEquals(bayes[k], se.generalizationError(t), 1e-5, "eps_Bayes at alpha=" + alphas[k]);
            assertEquals(gibbs[k], se.gibbsError(t), 1e-5, "eps_Gibbs at alpha=" + alphas[k]);
        }
        // large alpha: alpha eps -> 0.442 (Bayes) and 0.625 (Gibbs); amp.md 5c gives 0.4416, 0.6246 at alpha = 100
        SeTrajectory far = StateEvolution.bayesOptimal(GaussianPrior.standard(), SignChannel.INSTANCE, 100).uninformed(5000, 1e-13);
        assertEquals(0.4416, 100 * far.generalizationError(far.iterations()), 1e-4);
        assertEquals(0.6246, 100 * far.gibbsError(far.iterations()), 1e-4);
    }

    @Test
    void perceptronBinaryTeacher() {
        double[] alphas = {0.5, 1.0, 1.4};
        double[] q = {0.293089, 0.560715, 0.789699};
        double[] eps = {0.317903, 0.230626, 0.151644};
        double[] f = {-0.321014, -0.587039, -0.749574};
        for (int k = 0; k < alphas.length; k++) {
            SeTrajectory se = StateEvolution.bayesOptimal(BinaryPrior.INSTANCE, SignChannel.INSTANCE, alphas[k]).uninformed(5000, 1e-13);
            int t = se.iterations();
            assertEquals(q[k], se.overlap(t), 1e-5, "q at alpha=" + alphas[k]);
            assertEquals(eps[k], se.generalizationError(t), 1e-5, "eps_g at alpha=" + alphas[k]);
            assertEquals(f[k], FreeEntropy.atFixedPoint(BinaryPrior.INSTANCE, SignChannel.INSTANCE, alphas[k], se.fixedPoint()), 1e-4,
                "f_RS at alpha=" + alphas[k]);
        }
        // above alpha_alg the uninformed start reaches q = 1
        SeTrajectory perfect = StateEvolution.bayesOptimal(BinaryPrior.INSTANCE, SignChannel.INSTANCE, 1.5).uninformed(5000, 1e-13);
        assertTrue(perfect.fixedPoint() < 1e-12, "alpha = 1.5: E = " + perfect.fixedPoint());
        assertEquals(0, perfect.fixedPoint(), 0, "E reaches exactly 0");
        assertEquals(-Math.log(2), FreeEntropy.atFixedPoint(BinaryPrior.INSTANCE, SignChannel.INSTANCE, 1.5, 0), 1e-15);
    }

    @Test
    void l1StateEvolutionAgreesWithTheDonohoTannerLine() {
        GaussBernoulliPrior signal = GaussBernoulliPrior.standard(0.1);
        Thresholds.L1Threshold line = Thresholds.l1(0.1);
        // E_{t+1}/E_t -> 0.97 just above the line: 3000 steps take E below 1e-20
        SeTrajectory above = StateEvolution.softThreshold(signal, line.theta(), line.alpha() + 0.01, 0).uninformed(3000, 0);
        SeTrajectory below = StateEvolution.softThreshold(signal, line.theta(), line.alpha() - 0.01, 0).uninformed(5000, 1e-12);
        assertTrue(above.fixedPoint() < 1e-20, "above the line E -> 0, got " + above.fixedPoint());
        assertTrue(below.converged() && below.fixedPoint() > 1e-4, "below the line E stays finite, got " + below.fixedPoint());
        // the slope at E -> 0 is (the minimax value)/alpha
        double e = 1e-12;
        double alpha = 0.5;
        StateEvolution se = StateEvolution.softThreshold(signal, line.theta(), alpha, 0);
        assertEquals(line.alpha() / alpha, se.next(e) / e, 1e-4);
    }
}
