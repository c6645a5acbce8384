package io.dismc.amp;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * State-evolution tables over parameter grids, the rows a "theory" command writes as CSV
 * (docs/models.md 4.4): each point costs a few milliseconds.
 */
public final class StateEvolutionGrid {
    /** Iteration cap and relative tolerance of the SE runs (SE needs ~380 iterations next to a spinodal). */
    public static final int MAX_ITERATIONS = 5000;
    public static final double TOLERANCE = 1e-10;
    /** The informed start E_0 (the hard-phase probe). */
    public static final double INFORMED_START = 1e-6;

    private StateEvolutionGrid() {}

    /**
     * One compressed-sensing point, Gauss-Bernoulli(rho, 0, 1) with Gaussian noise Delta: the uninformed and
     * informed fixed points, the uninformed iteration count, alpha_BP (NaN without a jump), alpha_l1 (noiseless line).
     */
    public record CsRow(double rho, double delta, double alpha, double mseUninformed, int iterations, double mseInformed,
                        double alphaBp, double alphaL1) {}

    /** Perceptron point: overlap q, MSE, eps_Bayes = arccos(sqrt q)/pi, eps_Gibbs = arccos(q)/pi, f_RS at the uninformed fixed point. */
    public record PerceptronRow(String teacher, double alpha, double overlap, double mse, double bayesError, double gibbsError,
                                double freeEntropy, int iterations) {}

    public static List<CsRow> compressedSensing(double[] rhos, double[] deltas, double[] alphas) {
        List<CsRow> rows = new ArrayList<>();
        for (double rho : rhos) {
            double l1 = Thresholds.l1(rho).alpha();
            for (double delta : deltas) {
                OptionalDouble bp = Thresholds.compressedSensingBp(rho, delta);
                for (double alpha : alphas) {
                    StateEvolution se = StateEvolution.bayesOptimal(GaussBernoulliPrior.standard(rho), new GaussianNoiseChannel(delta), alpha);
                    SeTrajectory u = se.uninformed(MAX_ITERATIONS, TOLERANCE);
                    SeTrajectory i = se.run(INFORMED_START, MAX_ITERATIONS, TOLERANCE);
                    rows.add(new CsRow(rho, delta, alpha, u.fixedPoint(), u.iterations(), i.fixedPoint(), bp.orElse(Double.NaN), l1));
                }
            }
        }
        return rows;
    }

    public static List<PerceptronRow> perceptron(Prior teacher, OutputChannel channel, double[] alphas) {
        List<PerceptronRow> rows = new ArrayList<>();
        for (double alpha : alphas) {
            SeTrajectory u = StateEvolution.bayesOptimal(teacher, channel, alpha).uninformed(MAX_ITERATIONS, 1e-13);
            int t = u.iterations();
            rows.add(new PerceptronRow(teacher.name(), alpha, u.overlap(t), u.mse(t), u.generalizationError(t), u.gibbsError(t),
                FreeEntropy.atFixedPoint(teacher, channel, alpha, u.fixedPoint()), t));
        }
        return rows;
    }
}
