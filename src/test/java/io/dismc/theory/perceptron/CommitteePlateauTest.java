package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TwoLayerNetwork;
import io.dismc.twolayer.TwoLayerObservables;
import io.dismc.twolayer.TwoLayerTeacher;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;

/** Reference values: docs/models.md, section perceptron theory, committee plateau (C1; test plan 7.1.9). */
class CommitteePlateauTest {
    @Test
    void plateauValues() {
        assertEquals(0.0058054, CommitteePlateau.plateauError(2), 1e-7);
        assertEquals(0.0067655, CommitteePlateau.plateauError(3), 1e-7);
        assertEquals(0.0070943, CommitteePlateau.plateauError(4), 1e-7);
        assertEquals(0.0074453, CommitteePlateau.plateauError(10), 1e-7);
        assertEquals(0.0075111, CommitteePlateau.plateauError(100), 1e-7);
        assertEquals(0.0075117, CommitteePlateau.plateauErrorLimit(), 1e-7);
        assertEquals(CommitteePlateau.plateauErrorLimit(), CommitteePlateau.plateauError(100_000), 1e-12);
        assertEquals(0.011611, CommitteePlateau.saadSollaPlateauError(2), 1e-6);
        assertEquals(0.020297, CommitteePlateau.saadSollaPlateauError(3), 1e-6);
    }

    @Test
    void populationErrorAtThePlateauIsTheClosedForm() {
        for (int k : new int[] {1, 2, 3, 7}) {
            CommitteePlateau.OrderParameters op = CommitteePlateau.plateauOrderParameters(k);
            assertEquals(CommitteePlateau.plateauError(k), CommitteePlateau.populationError(op.q(), op.m(), op.t()), 1e-14, "K = " + k);
        }
        // the perfect student
        double[][] id = {{1, 0}, {0, 1}};
        assertEquals(0, CommitteePlateau.populationError(id, id, id), 1e-15);
    }

    @Test
    void plateauIsTheBestSymmetricStudent() {
        // w_k = r sum_m B_m + s e + u e_k (B orthonormal teacher rows, e, e_k orthonormal and orthogonal to them)
        for (int k : new int[] {2, 3}) {
            SimplexOptimizer opt = new SimplexOptimizer(1e-14, 1e-16);
            PointValuePair best = opt.optimize(new MaxEval(20_000), new ObjectiveFunction(v -> symmetricStudentError(k, v[0], v[1], v[2])),
                    GoalType.MINIMIZE, new InitialGuess(new double[] {0.5, 0.3, 0.2}), new NelderMeadSimplex(3, 0.1));
            assertEquals(CommitteePlateau.plateauError(k), best.getValue(), 1e-9, "K = " + k);
            assertEquals(CommitteePlateau.plateauTeacherOverlap(k), Math.abs(best.getPoint()[0]), 1e-4);
        }
    }

    private static double symmetricStudentError(int k, double r, double s, double u) {
        double[][] q = new double[k][k];
        double[][] m = new double[k][k];
        double[][] t = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                q[a][b] = k * r * r + s * s + (a == b ? u * u : 0);
                m[a][b] = r;
                t[a][b] = a == b ? 1 : 0;
            }
        }
        return CommitteePlateau.populationError(q, m, t);
    }

    @Test
    void engineConventionIsTheFormulasConvention() {
        // the engine's closed-form error (TwoLayerObservables) on a student placed at the plateau:
        // teacher rows sqrt(N) e_m (|w*|^2 = N, orthogonal), every student row r sum_m sqrt(N) e_m
        int n = 64;
        for (int k : new int[] {2, 3}) {
            float[] teacher = new float[k * n];
            float[] student = new float[k * n];
            double r = CommitteePlateau.plateauTeacherOverlap(k);
            for (int m = 0; m < k; m++) {
                teacher[m * n + m] = (float) Math.sqrt(n);
                for (int l = 0; l < k; l++) {
                    student[m * n + l] = (float) (r * Math.sqrt(n));
                }
            }
            TwoLayerNetwork net = new TwoLayerNetwork(n, k, Activation.ERF, Parameterization.NTK, 1.0, false);
            TwoLayerTeacher t = new TwoLayerTeacher(new TwoLayerNetwork(n, k, Activation.ERF, Parameterization.NTK, 1.0, false), teacher);
            assertEquals(CommitteePlateau.plateauError(k), TwoLayerObservables.generalizationError(net, student, t), 1e-7, "K = " + k);
        }
    }
}
