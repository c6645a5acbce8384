package io.dismc.amp;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Phase-transition lines of compressed sensing and of the perceptron (docs/models.md
 * 4.5): the algorithmic spinodals from the fixed-point curve, the Donoho-Tanner line of l1-AMP
 * (its minimax formula), and the information-theoretic threshold of the binary perceptron from the
 * free entropy.
 */
public final class Thresholds {
    private Thresholds() {}

    /**
     * alpha_BP(rho, Delta) of Bayes-optimal AMP for the Gauss-Bernoulli(rho, 0, 1) signal: the spinodal of
     * G(Sigma) = (Delta + mmse(Sigma))/Sigma. Empty where G is monotone (Delta &gt;= 1e-3: no jump).
     */
    public static OptionalDouble compressedSensingBp(double rho, double delta) {
        Optional<FixedPointCurve.Point> p = new FixedPointCurve(GaussBernoulliPrior.standard(rho), new GaussianNoiseChannel(delta)).spinodal();
        return p.isPresent() ? OptionalDouble.of(p.get().alpha()) : OptionalDouble.empty();
    }

    /** The algorithmic (spinodal) threshold for any matched prior and channel; see {@link FixedPointCurve#spinodal()}. */
    public static Optional<FixedPointCurve.Point> algorithmic(Prior prior, OutputChannel channel) {
        return new FixedPointCurve(prior, channel).spinodal();
    }

    /** The IT threshold of noiseless compressed sensing: alpha_IT = rho (KMSSZ PRX 2012). */
    public static double compressedSensingIt(double rho) {
        return Checks.fraction("rho", rho);
    }

    /** The l1 line and its minimax threshold theta*. */
    public record L1Threshold(double alpha, double theta) {}

    /**
     * alpha_l1(rho) = min_theta { rho (1 + theta^2) + (1 - rho) 2[(1 + theta^2) Phi(-theta) - theta phi(theta)] }
     * (Donoho, Maleki, Montanari PNAS 2009; Donoho, Johnstone, Montanari arXiv:1111.1041), in this
     * project's convention rho = k/N, alpha = M/N: the noiseless l1 state evolution is stable at E = 0
     * exactly above it.
     */
    public static L1Threshold l1(double rho) {
        Checks.fraction("rho", rho);
        BrentOptimizer brent = new BrentOptimizer(1e-13, 1e-15);
        UnivariatePointValuePair best = brent.optimize(new MaxEval(1000), GoalType.MINIMIZE, new SearchInterval(0, 12),
            new UnivariateObjectiveFunction(theta -> l1Slope(rho, theta)));
        return new L1Threshold(best.getValue(), best.getPoint());
    }

    /** The slope E_{t+1}/E_t * alpha of noiseless l1 state evolution at E -&gt; 0, for the threshold theta. */
    public static double l1Slope(double rho, double theta) {
        return rho * (1 + theta * theta) + (1 - rho) * SoftThreshold.riskAtZero(theta);
    }

    /** An IT threshold with the fixed point of the poor branch just below it. */
    public record ItThreshold(double alpha, FixedPointCurve.Point poorBranch) {}

    /**
     * The IT threshold where the poor (uninformed) branch's free entropy falls to that of perfect recovery,
     * f_RS = goodBranchFreeEntropy; for the noiseless binary perceptron that is -log 2, the criterion of
     * Gardner-Derrida and Gyorgyi (PRA 41 7097 (1990)). The branch is followed along the fixed-point curve
     * up to its spinodal. Empty where the poor branch never gets there.
     */
    public static Optional<ItThreshold> informationTheoretic(Prior prior, OutputChannel channel, double goodBranchFreeEntropy) {
        FixedPointCurve curve = new FixedPointCurve(prior, channel);
        Optional<FixedPointCurve.Point> spin = curve.spinodal();
        if (spin.isEmpty()) {
            return Optional.empty();
        }
        double hi = Math.log(spin.get().qhat());
        double lo = hi - Math.log(1e6);
        java.util.function.DoubleUnaryOperator gap = x -> curve.freeEntropy(curve.at(Math.exp(x))) - goodBranchFreeEntropy;
        if (gap.applyAsDouble(lo) * gap.applyAsDouble(hi) > 0) {
            return Optional.empty();
        }
        double x = new BrentSolver(1e-14, 1e-13).solve(500, gap::applyAsDouble, lo, hi);
        FixedPointCurve.Point p = curve.at(Math.exp(x));
        return Optional.of(new ItThreshold(p.alpha(), p));
    }

    /** alpha_IT of the noiseless perceptron with a binary teacher (1.2447). */
    public static ItThreshold binaryPerceptronIt() {
        return informationTheoretic(BinaryPrior.INSTANCE, SignChannel.INSTANCE, BinaryPrior.INSTANCE.perfectRecoveryFreeEntropy()).orElseThrow();
    }

    /** alpha_alg of the noiseless perceptron with a binary teacher, GAMP's spinodal (1.4926). */
    public static FixedPointCurve.Point binaryPerceptronAlgorithmic() {
        return algorithmic(BinaryPrior.INSTANCE, SignChannel.INSTANCE).orElseThrow();
    }
}
