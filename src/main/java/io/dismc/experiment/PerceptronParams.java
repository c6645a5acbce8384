package io.dismc.experiment;

import io.dismc.backend.AnnealOutcome;
import io.dismc.backend.AnnealSpec;
import io.dismc.backend.Backend;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.perceptron.DescentSpec;
import io.dismc.perceptron.PerceptronProblems;
import io.dismc.perceptron.SeparabilityLp;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.perceptron.SphericalDescent;
import io.dismc.perceptron.SphericalMonteCarlo;
import io.dismc.rng.RandomStream;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.List;

/** Parameters and the solver dispatch shared by the perceptron experiments (docs/models.md 2.2). */
final class PerceptronParams {
    private PerceptronParams() {}

    static Param<Integer> n(String def) {
        return Param.integer("n", def, 3, 100_000, "number of inputs (weights) N");
    }

    static Param<Double> alpha(String def) {
        return Param.real("alpha", def, 0, false, 100, true, "constraint density alpha = P/N");
    }

    static Param<Double> kappa(String def) {
        return Param.real("kappa", def, -10, true, 10, true, "margin kappa: a constraint holds when Delta = y w.x/sqrt(N) >= kappa");
    }

    /** The names every perceptron point reads them by; the experiments' own declarations share them. */
    static final Param<Integer> N = n("100");
    static final Param<Double> ALPHA = alpha("1");
    static final Param<Double> KAPPA = kappa("0");

    static final Param<String> WEIGHTS = Param.choice("weights", "spherical", List.of("spherical", "binary"),
            "weights on the sphere |w|^2 = N, or +-1");
    static final Param<String> INPUTS = Param.choice("inputs", "binary", List.of("binary", "gaussian"), "input entries +-1 or N(0,1)");
    static final Param<String> SOLVER = Param.choice("solver", "auto", List.of("auto", "sa", "gd", "langevin", "mc", "lp"),
            "auto (sa for binary, gd for spherical weights), sa, gd, langevin, mc (rotations), lp (exact, spherical kappa = 0)");
    static final Param<Integer> MAX_STEPS = Param.integer("max-steps", "2000", 1, 100_000_000,
            "budget: sweeps (sa), gradient steps (gd, langevin), proposals (mc)");
    static final Param<Double> BETA0 = Param.real("beta0", "2", 0, false, 1e6, true, "SA: inverse temperature at the first sweep");
    static final Param<Double> BETA1 = Param.real("beta1", "50", 0, false, 1e6, true, "SA: inverse temperature at the last sweep");
    static final Param<Double> ETA = Param.real("eta", "0.05", 0, false, 100, true, "gd / langevin: step size");
    static final Param<Double> TEMPERATURE = Param.real("temperature", "0.001", 0, true, 1e6, true,
            "langevin: temperature; mc: temperature of the Metropolis test");
    static final Param<Integer> LOSS = Param.integer("loss-exponent", "1", 0, 2,
            "r in the energy sum (kappa - Delta)^r theta(kappa - Delta): sa takes 0 (count) or 1, gd / langevin 1 or 2");
    static final Param<Double> MOVE = Param.real("move", "0.3", 0, false, 100, true, "mc: size of the random rotation (delta)");

    static List<Param<?>> solverParams() {
        return List.of(SOLVER, MAX_STEPS, BETA0, BETA1, ETA, TEMPERATURE, LOSS, MOVE);
    }

    static boolean binary(Point pt) {
        return pt.get(WEIGHTS).equals("binary");
    }

    static String solver(Point pt) {
        String s = pt.get(SOLVER);
        if (s.equals("auto")) {
            return binary(pt) ? "sa" : "gd";
        }
        return s;
    }

    static int examples(Point pt) {
        int n = pt.get(N);
        long p = Math.round(pt.get(ALPHA) * n);
        if (p < 1 || p > 50_000_000L / n) {
            throw new UsageError("--alpha: alpha N = " + p + " examples at N = " + n
                    + " (accepted: 1 <= alpha N and N x alpha N <= 5e7)");
        }
        return (int) p;
    }

    /** Gradient solvers (gd, langevin) need the loss exponent r of a differentiable loss. */
    static void checkGradientLoss(Point pt, String solver) {
        if ((solver.equals("gd") || solver.equals("langevin")) && pt.get(LOSS) == 0) {
            throw new UsageError("--loss-exponent: gradient dynamics need a differentiable loss (accepted: 1, 2)");
        }
    }

    static void validate(Point pt, double kappa) {
        examples(pt);
        String s = solver(pt);
        if (binary(pt) && !s.equals("sa")) {
            throw new UsageError("--solver: binary weights are trained by simulated annealing (accepted with --weights binary: sa, auto)");
        }
        if (!binary(pt) && s.equals("sa")) {
            throw new UsageError("--solver: sa flips binary weights (accepted with --weights spherical: gd, langevin, mc, lp, auto)");
        }
        int r = pt.get(LOSS);
        if (s.equals("sa") && r > 1) {
            throw new UsageError("--loss-exponent: SA takes 0 (count violated constraints) or 1 (sum of violations)");
        }
        checkGradientLoss(pt, s);
        if (s.equals("lp") && kappa != 0) {
            throw new UsageError("--solver: lp decides separability exactly only at kappa = 0 (accepted: --kappa 0, or another solver)");
        }
    }

    /** Runs the point's solver from `starts` random initial conditions (replica r uses stream family member r). */
    static List<SolverOutcome> solve(Point pt, Unit unit, PerceptronInstance inst, double kappa, int starts, Backend backend,
                                     Purpose purpose) {
        String s = solver(pt);
        int n = inst.n();
        List<SolverOutcome> out = new ArrayList<>();
        switch (s) {
            case "lp" -> {
                SolverOutcome o = SeparabilityLp.solve(inst);
                for (int k = 0; k < starts; k++) {
                    out.add(o);
                }
            }
            case "sa" -> {
                List<byte[]> w0 = new ArrayList<>();
                List<RandomStream> streams = new ArrayList<>();
                for (int k = 0; k < starts; k++) {
                    byte[] w = new byte[n];
                    unit.stream(purpose, 2L * k).spins(0, w, 0, n);
                    w0.add(w);
                    streams.add(unit.stream(purpose, 2L * k + 1));
                }
                AnnealSpec spec = new AnnealSpec(pt.get(BETA0), pt.get(BETA1), pt.get(MAX_STEPS), kappa, pt.get(LOSS));
                for (AnnealOutcome a : backend.anneal(List.of(inst), new int[starts], w0, streams, spec)) {
                    out.add(SolverOutcome.of(a));
                }
            }
            case "gd", "langevin" -> {
                List<float[]> w0 = new ArrayList<>();
                List<RandomStream> streams = new ArrayList<>();
                for (int k = 0; k < starts; k++) {
                    w0.add(SphericalDescent.randomStart(n, unit.stream(purpose, 2L * k)));
                    streams.add(unit.stream(purpose, 2L * k + 1));
                }
                double t = s.equals("gd") ? 0.0 : pt.get(TEMPERATURE);
                out.addAll(SphericalDescent.run(inst, w0, streams,
                        new DescentSpec(pt.get(ETA), t, pt.get(MAX_STEPS), kappa, pt.get(LOSS)), backend));
            }
            case "mc" -> {
                for (int k = 0; k < starts; k++) {
                    float[] w0 = SphericalDescent.randomStart(n, unit.stream(purpose, 2L * k));
                    double temp = pt.get(TEMPERATURE);
                    out.add(SphericalMonteCarlo.run(inst, w0, unit.stream(purpose, 2L * k + 1), pt.get(MOVE),
                            temp > 0 ? 1 / temp : 1e6, pt.get(MAX_STEPS), kappa));
                }
            }
            default -> throw new IllegalStateException("unknown solver " + s);
        }
        return out;
    }

    /** Random-label instance at the point (storage problem), keyed by the instance parameters. */
    static PerceptronInstance storage(Point pt, Unit unit, List<Param<?>> instanceParams) {
        int n = pt.get(N);
        int p = examples(pt);
        boolean gaussian = pt.get(INPUTS).equals("gaussian");
        double[] x = PerceptronProblems.inputs(n, p, gaussian, unit.instanceStream(instanceParams, Purpose.INPUTS, 0));
        byte[] y = PerceptronProblems.randomLabels(p, unit.instanceStream(instanceParams, Purpose.INPUTS, 1));
        return PerceptronProblems.instance(x, y, n, p, gaussian);
    }
}
