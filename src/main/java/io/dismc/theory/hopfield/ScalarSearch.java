package io.dismc.theory.hopfield;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Bracketed one-dimensional roots and extrema with evaluation caps: the two operations every solver of
 * this package reduces to (a saddle point at fixed signal-to-noise ratio is a root; a spinodal is an
 * extremum of the load along the branch).
 */
final class ScalarSearch {
    private static final int MAX_EVALUATIONS = 400;

    private ScalarSearch() {}

    /** An extremum of f: where (argument) and the value there. */
    record Extremum(double argument, double value) {}

    /** The root of f in [lo, hi], where f(lo) and f(hi) have opposite signs (Brent). */
    static double root(DoubleUnaryOperator f, double lo, double hi, double absoluteAccuracy, String what) {
        BrentSolver solver = new BrentSolver(1e-15, absoluteAccuracy, 0);
        try {
            return solver.solve(MAX_EVALUATIONS, f::applyAsDouble, lo, hi);
        } catch (TooManyEvaluationsException e) {
            throw new ConvergenceFailure(what + ": no root to accuracy " + absoluteAccuracy + " in "
                    + MAX_EVALUATIONS + " evaluations on [" + lo + ", " + hi + "]", e);
        } catch (MathIllegalArgumentException e) {
            throw new ConvergenceFailure(what + ": the root is not bracketed by [" + lo + ", " + hi + "]", e);
        }
    }

    /**
     * The maximum of f on [lo, hi]: a scan on a uniform grid of the given number of points (values that
     * are NaN mark where f is undefined and are skipped), then Brent's method between the neighbours of
     * the best grid point. Returns null when f is undefined on the whole grid. The extremum must be
     * interior to the region where f is defined: one at the edge of the grid is a failure, because it
     * means the grid does not cover the branch.
     */
    static Extremum maximum(DoubleUnaryOperator f, double lo, double hi, int points, String what) {
        double step = (hi - lo) / (points - 1);
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] values = new double[points];
        for (int k = 0; k < points; k++) {
            values[k] = f.applyAsDouble(lo + k * step);
            if (values[k] > bestValue) {
                bestValue = values[k];
                best = k;
            }
        }
        if (best < 0) {
            return null;
        }
        if (best == 0 || best == points - 1 || Double.isNaN(values[best - 1]) || Double.isNaN(values[best + 1])) {
            throw new ConvergenceFailure(what + ": the maximum on the grid [" + lo + ", " + hi + "] lies at the edge of"
                    + " where the branch is defined (grid point " + (lo + best * step) + ")");
        }
        BrentOptimizer optimizer = new BrentOptimizer(1e-13, 1e-15);
        try {
            UnivariatePointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS),
                    new UnivariateObjectiveFunction(x -> {
                        double v = f.applyAsDouble(x);
                        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
                    }),
                    GoalType.MAXIMIZE, new SearchInterval(lo + (best - 1) * step, lo + (best + 1) * step, lo + best * step));
            return p.getValue() >= bestValue ? new Extremum(p.getPoint(), p.getValue())
                    : new Extremum(lo + best * step, bestValue);
        } catch (TooManyEvaluationsException e) {
            throw new ConvergenceFailure(what + ": no maximum in " + MAX_EVALUATIONS + " evaluations", e);
        }
    }

    /**
     * The root of a residual that is negative at u0 and turns positive as u grows: steps of the given size
     * from u0 up to the first sign change, then Brent. NaN values mark the outside of the physical domain
     * (which lies beyond some u, at most uMax); a step that lands there is followed by bisection towards
     * the domain's edge, where the residual is taken to diverge to +infinity. Returns NaN when the residual
     * is not negative at u0 (no solution).
     */
    static double firstSignChange(DoubleUnaryOperator residual, double u0, double uMax, double step, String what) {
        if (!(residual.applyAsDouble(u0) < 0)) {
            return Double.NaN;
        }
        DoubleUnaryOperator bounded = u -> {
            double r = residual.applyAsDouble(u);
            return Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
        };
        double prev = u0;
        for (int k = 0; k < MAX_EVALUATIONS; k++) {
            double u = Math.min(prev + step, uMax);
            double r = u < uMax ? residual.applyAsDouble(u) : Double.NaN;
            if (r > 0) {
                return root(bounded, prev, u, 1e-15 * Math.max(1, Math.abs(u)), what);
            }
            if (Double.isNaN(r)) {
                double lo = prev;
                double hi = u;
                for (int b = 0; b < 200; b++) {
                    double mid = 0.5 * (lo + hi);
                    double rm = residual.applyAsDouble(mid);
                    if (Double.isNaN(rm)) {
                        hi = mid;
                    } else if (rm > 0) {
                        return root(bounded, lo, mid, 1e-15 * Math.max(1, Math.abs(mid)), what);
                    } else {
                        lo = mid;
                    }
                }
                throw new ConvergenceFailure(what + ": the residual stays negative up to the edge of the domain");
            }
            prev = u;
        }
        throw new ConvergenceFailure(what + ": no sign change of the residual in " + MAX_EVALUATIONS + " steps");
    }

    /** The minimum of f on [lo, hi], as {@link #maximum} of -f. */
    static Extremum minimum(DoubleUnaryOperator f, double lo, double hi, int points, String what) {
        Extremum e = maximum(x -> -f.applyAsDouble(x), lo, hi, points, what);
        return e == null ? null : new Extremum(e.argument(), -e.value());
    }

    static double requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
        }
        return v;
    }

    static double requireNonNegative(double v, String name) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a non-negative finite number, got " + v);
        }
        return v;
    }
}
