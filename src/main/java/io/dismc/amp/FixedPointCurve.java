package io.dismc.amp;

import java.util.Optional;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The curve of all Bayes-optimal state-evolution fixed points, parametrised by qhat = 1/Sigma: at a
 * fixed point E = mmse(1/qhat), q = rho_x - E and qhat = alpha E[g_out^2](q, E), so
 * alpha(qhat) = qhat / E[g_out^2](q, E). For compressed sensing this is G(Sigma) = (Delta + mmse(Sigma))/Sigma
 * (docs/models.md 4.5). Uninformed SE starts at small qhat and stops at the first
 * crossing alpha(qhat) = alpha, so the algorithmic threshold is the first local maximum of alpha(qhat):
 * found in about a hundred evaluations instead of bisecting over long SE runs.
 */
public final class FixedPointCurve {
    /** Log-spaced scan in qhat: from here ... */
    private static final double SCAN_FROM = 1e-4;
    /** ... to here (Sigma = 1e-12) ... */
    private static final double SCAN_TO = 1e12;
    /** ... with this many points per decade, then Brent's method on the bracket. */
    private static final int PER_DECADE = 10;

    private final Prior prior;
    private final OutputChannel channel;

    public FixedPointCurve(Prior prior, OutputChannel channel) {
        this.prior = prior;
        this.channel = channel;
    }

    /** A fixed point: qhat, Sigma = 1/qhat, E, q and the alpha at which it is one. */
    public record Point(double qhat, double sigma, double mse, double overlap, double alpha) {
        /** eps_g = arccos(sqrt(q/rho_x))/pi, rho_x = q + E. */
        public double generalizationError() {
            return Math.acos(Math.sqrt(Math.max(0, Math.min(1, overlap / (overlap + mse))))) / Math.PI;
        }
    }

    public Point at(double qhat) {
        Checks.positive("qhat", qhat);
        double sigma = 1 / qhat;
        double mse = prior.mmse(sigma);
        double q = prior.secondMoment() - mse;
        return new Point(qhat, sigma, mse, q, qhat / channel.fisher(q, mse));
    }

    public double alpha(double qhat) {
        return at(qhat).alpha();
    }

    /**
     * The spinodal of the poor branch: the first local maximum of alpha(qhat) scanning qhat upward, i.e.
     * alpha_BP (CS) or alpha_alg (perceptron). Empty when alpha(qhat) rises monotonically over the scan
     * (no jump: the MSE is continuous in alpha).
     */
    public Optional<Point> spinodal() {
        int steps = (int) Math.round(Math.log10(SCAN_TO / SCAN_FROM) * PER_DECADE);
        double ratio = Math.pow(SCAN_TO / SCAN_FROM, 1.0 / steps);
        double prevQhat = SCAN_FROM;
        double prev = alpha(prevQhat);
        double qhat = prevQhat * ratio;
        double cur = alpha(qhat);
        for (int k = 2; k <= steps; k++) {
            double nextQhat = qhat * ratio;
            double next = alpha(nextQhat);
            if (cur > prev && cur >= next) {
                return Optional.of(at(maximise(prevQhat, nextQhat)));
            }
            prevQhat = qhat;
            prev = cur;
            qhat = nextQhat;
            cur = next;
        }
        return Optional.empty();
    }

    /** Brent's method in log qhat on a bracket known to hold one maximum. */
    private double maximise(double lo, double hi) {
        BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
        UnivariatePointValuePair best = brent.optimize(new MaxEval(500), GoalType.MAXIMIZE,
            new SearchInterval(Math.log(lo), Math.log(hi)),
            new UnivariateObjectiveFunction(x -> alpha(Math.exp(x))));
        return Math.exp(best.getPoint());
    }

    /** The replica-symmetric free entropy at this fixed point and the given alpha (see {@link FreeEntropy}). */
    public double freeEntropy(Point p, double alpha) {
        return FreeEntropy.replicaSymmetric(prior, channel, alpha, p.overlap(), p.mse(), p.qhat());
    }

    /** The free entropy along the curve: alpha = alpha(qhat) at each point. */
    public double freeEntropy(Point p) {
        return freeEntropy(p, p.alpha());
    }
}
