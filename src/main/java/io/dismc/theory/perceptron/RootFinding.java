package io.dismc.theory.perceptron;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/** Brent's method on a stated bracket, and a scan for the first sign change where no bracket is known. */
final class RootFinding {
    private static final int MAX_EVALUATIONS = 500;

    private RootFinding() {}

    /** The root of f in [lo, hi]; f(lo) and f(hi) must differ in sign. */
    static double brent(DoubleUnaryOperator f, double lo, double hi, double absoluteAccuracy) {
        BrentSolver solver = new BrentSolver(1e-15, absoluteAccuracy, 1e-300);
        return solver.solve(MAX_EVALUATIONS, f::applyAsDouble, lo, hi);
    }

    /**
     * The first sign change of f on the grid x_0 &lt; x_1 &lt; ..., refined by Brent; NaN where f keeps its
     * sign (or is undefined, NaN, past the last defined point) on the whole grid.
     */
    static double firstRoot(DoubleUnaryOperator f, double[] grid, double absoluteAccuracy) {
        double xPrev = grid[0];
        double fPrev = f.applyAsDouble(xPrev);
        for (int i = 1; i < grid.length; i++) {
            double x = grid[i];
            double fx = f.applyAsDouble(x);
            if (Double.isNaN(fx) || Double.isNaN(fPrev)) {
                xPrev = x;
                fPrev = fx;
                continue;
            }
            if (fPrev == 0) {
                return xPrev;
            }
            if (Math.signum(fx) != Math.signum(fPrev)) {
                return fx == 0 ? x : brent(f, xPrev, x, absoluteAccuracy);
            }
            xPrev = x;
            fPrev = fx;
        }
        return Double.NaN;
    }

    /** n + 1 equally spaced points from a to b. */
    static double[] linspace(double a, double b, int n) {
        double[] g = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            g[i] = a + (b - a) * i / n;
        }
        g[n] = b;
        return g;
    }
}
