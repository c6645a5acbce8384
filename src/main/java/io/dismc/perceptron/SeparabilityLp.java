package io.dismc.perceptron;

import io.dismc.data.PerceptronInstance;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The exact feasibility method for the spherical perceptron at kappa = 0: the examples are strictly
 * separable (some w has w . xi^mu &gt; 0 for all mu) exactly when, by rescaling w, the linear system
 * xi^mu . w &gt;= 1 (all mu) has a solution. With w = u - v (u, v &gt;= 0) the linear program
 * min sum(u + v) subject to it is bounded below, and Apache Commons Math's simplex (Bland's rule, no
 * cycling) either finds its optimum or proves it infeasible: a certain verdict, unlike any descent
 * run near capacity. The w it finds, projected on the sphere, is the reported solution.
 */
public final class SeparabilityLp {
    private SeparabilityLp() {}

    public static SolverOutcome solve(PerceptronInstance inst) {
        int n = inst.n();
        int p = inst.p();
        List<LinearConstraint> cs = new ArrayList<>();
        for (int mu = 0; mu < p; mu++) {
            double[] row = new double[2 * n];
            for (int i = 0; i < n; i++) {
                row[i] = inst.get(i, mu);
                row[n + i] = -inst.get(i, mu);
            }
            cs.add(new LinearConstraint(row, Relationship.GEQ, 1));
        }
        double[] ones = new double[2 * n];
        java.util.Arrays.fill(ones, 1.0);
        double[] w = new double[n];
        boolean separable;
        try {
            PointValuePair opt = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(10_000_000),
                    new LinearObjectiveFunction(ones, 0), new LinearConstraintSet(cs), GoalType.MINIMIZE,
                    new NonNegativeConstraint(true), PivotSelectionRule.DANTZIG);
            double[] uv = opt.getPoint();
            for (int i = 0; i < n; i++) {
                w[i] = uv[i] - uv[n + i];
            }
            separable = true;
        } catch (NoFeasibleSolutionException e) {
            separable = false;
        } catch (org.apache.commons.math3.exception.TooManyIterationsException e) {
            throw new IllegalStateException("the simplex did not settle separability of a " + n + " x " + p
                    + " instance within its iteration budget (degenerate data?)", e);
        }
        double norm = 0;
        for (double x : w) {
            norm += x * x;
        }
        if (norm > 0) {
            double scale = Math.sqrt(n / norm);
            for (int i = 0; i < n; i++) {
                w[i] *= scale;
            }
        }
        // an infeasible program has no w to count violations of: -1 says "not applicable"
        return new SolverOutcome(w, separable, 1, separable ? inst.violations(w, 0) : -1);
    }
}
