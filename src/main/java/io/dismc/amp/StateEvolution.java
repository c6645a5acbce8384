package io.dismc.amp;

import java.util.Arrays;

/**
 * State evolution: the scalar recursion that AMP's MSE follows at large N (docs/models.md
 * 4.4; KMSSZ PRX 2012; Barbier et al. PNAS 2019).
 * <pre>
 *   Bayes-optimal GLM:  qhat_t = alpha E[g_out^2](q_t, E_t),  Sigma_t = 1/qhat_t,  E_{t+1} = mmse(Sigma_t)
 *   Gaussian channel:   Sigma_t = (Delta + E_t)/alpha  (the CS equations)
 *   l1 (soft threshold, Gaussian channel):  E_{t+1} = E[(eta(x0 + tau z; theta tau) - x0)^2],  tau^2 = (Delta + E_t)/alpha
 * </pre>
 * The prior and channel are the objects GAMP uses, so the algorithm and its prediction share one code path.
 */
public final class StateEvolution {
    /** The l1 effective noise below which the MSE counts as 0 (tau = 1e-140: x0/tau still squares to a finite double). */
    static final double NUMERICALLY_ZERO = 1e-280;
    /** E below this fraction of rho_x is perfect recovery: the trajectory ends there with E = 0. */
    public static final double PERFECT_RECOVERY = 1e-15;
    /** E above this multiple of rho_x diverges (as GAMP's blow-up guard): the trajectory ends with E = infinity. */
    public static final double DIVERGENT = 1e8;

    /** The effective noise Sigma_t given E_t, and the map E_t -&gt; E_{t+1} given Sigma_t. */
    private interface Map {
        double sigma(double mse);

        double next(double sigma);
    }

    private final Map map;
    private final double secondMoment;
    private final double start;

    private StateEvolution(Map map, double secondMoment, double start) {
        this.map = map;
        this.secondMoment = secondMoment;
        this.start = start;
    }

    /** Matched prior and channel (the Nishimori point). */
    public static StateEvolution bayesOptimal(Prior prior, OutputChannel channel, double alpha) {
        Checks.positive("alpha", alpha);
        double rhoX = prior.secondMoment();
        Map m = new Map() {
            @Override
            public double sigma(double mse) {
                return 1 / (alpha * channel.fisher(rhoX - mse, mse));
            }

            @Override
            public double next(double sigma) {
                return sigma == 0 ? 0 : prior.mmse(sigma);
            }
        };
        return new StateEvolution(m, rhoX, prior.priorVariance());
    }

    /** l1-AMP with the soft threshold theta tau on y = F x0 + N(0, Delta), x0 Gauss-Bernoulli; starts from a = 0. */
    public static StateEvolution softThreshold(GaussBernoulliPrior signal, double theta, double alpha, double delta) {
        Checks.positive("alpha", alpha);
        Checks.nonNegative("Delta", delta);
        SoftThreshold eta = new SoftThreshold(theta);
        Map m = new Map() {
            @Override
            public double sigma(double mse) {
                return (delta + mse) / alpha;
            }

            @Override
            public double next(double sigma) {
                // noiseless and above alpha_l1 E falls geometrically without reaching 0; near the underflow of
                // tau^2 the risk's arguments x0/tau overflow, so E is 0 from there on
                return sigma < NUMERICALLY_ZERO ? 0 : eta.mse(sigma, signal);
            }
        };
        return new StateEvolution(m, signal.secondMoment(), signal.secondMoment());
    }

    /** E_{t+1} given E_t. */
    public double next(double mse) {
        return map.next(map.sigma(mse));
    }

    /** Sigma_t given E_t. */
    public double effectiveNoise(double mse) {
        return map.sigma(mse);
    }

    /** E_0 of the uninformed start (the prior variance; rho_x for l1, which starts at a = 0). */
    public double uninformedStart() {
        return start;
    }

    /** From the uninformed start. */
    public SeTrajectory uninformed(int maxIterations, double tolerance) {
        return run(start, maxIterations, tolerance);
    }

    /**
     * Iterates from E_0 until |E_{t+1} - E_t| &lt;= tolerance * E_t, until E falls below
     * {@link #PERFECT_RECOVERY} rho_x (perfect recovery; E is then 0), until it exceeds
     * {@link #DIVERGENT} rho_x (E is then infinite, the trajectory not converged), or for maxIterations steps.
     */
    public SeTrajectory run(double e0, int maxIterations, double tolerance) {
        Checks.nonNegative("E_0", e0);
        Checks.atLeast("maxIterations", maxIterations, 0);
        Checks.nonNegative("tolerance", tolerance);
        double[] mse = new double[Math.min(maxIterations, 1024) + 1];
        double[] sigma = new double[mse.length - 1];
        mse[0] = e0;
        int t = 0;
        boolean converged = false;
        while (t < maxIterations) {
            if (t + 1 >= mse.length) {
                mse = Arrays.copyOf(mse, Math.min(maxIterations, 2 * t) + 1);
                sigma = Arrays.copyOf(sigma, mse.length - 1);
            }
            double s = map.sigma(mse[t]);
            double e = map.next(s);
            if (e < PERFECT_RECOVERY * secondMoment) {
                e = 0; // noiseless recovery: E falls geometrically and would take hundreds of steps to underflow
            }
            boolean divergent = !(e <= DIVERGENT * secondMoment);
            if (divergent) {
                e = Double.POSITIVE_INFINITY; // l1 below r(0; theta) = alpha: E grows geometrically without bound
            }
            sigma[t] = s;
            mse[t + 1] = e;
            t++;
            if (divergent) {
                break;
            }
            if (e == 0 || Math.abs(e - mse[t - 1]) <= tolerance * mse[t - 1]) {
                converged = true;
                break;
            }
        }
        return new SeTrajectory(Arrays.copyOf(mse, t + 1), Arrays.copyOf(sigma, t), secondMoment, converged);
    }
}
