package io.dismc.experiment;

import io.dismc.backend.AnnealOutcome;
import io.dismc.backend.AnnealSpec;
import io.dismc.backend.Backend;
import io.dismc.backend.RsgdOutcome;
import io.dismc.backend.RsgdSpec;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.parallel.Parallel;
import io.dismc.perceptron.ChainResult;
import io.dismc.perceptron.DescentSpec;
import io.dismc.perceptron.HitAndRunMove;
import io.dismc.perceptron.HitAndRunSampler;
import io.dismc.perceptron.HitAndRunSpec;
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
    /** The solver choices; "auto" is sa for binary, gd for spherical weights. */
    static final List<String> SOLVERS = List.of("auto", "sa", "replicated", "gd", "langevin", "mc", "lp", "equilibrium");
    static final String SOLVER_HELP = "auto (sa for binary, gd for spherical weights); binary: sa, replicated (replicated SGD,"
            + " dense regions); spherical: gd, langevin, mc (rotations), lp (exact, kappa = 0), equilibrium (a typical solution:"
            + " hit-and-run on the uniform measure from a GD start)";
    static final Param<String> SOLVER = Param.choice("solver", "auto", SOLVERS, SOLVER_HELP);
    static final Param<Integer> MAX_STEPS = Param.integer("max-steps", "2000", 1, 100_000_000,
            "budget: sweeps (sa), epochs (replicated), gradient steps (gd, langevin, and the GD start of equilibrium), proposals (mc)");
    /** Only experiments that declare it read it; elsewhere replicated SGD runs with the authors' y = 7. */
    static final Param<Integer> REPLICAS = Param.integer("replicas", "7", 1, 101,
            "replicated: coupled replicas y (1: no coupling, plain SGD on the perceptron rule)");
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

    /** What --solver auto means in an experiment: a solver for binary and one for spherical weights. */
    record Auto(String binary, String spherical) {}

    /** The engine's usual choice: simulated annealing for binary, gradient descent for spherical weights. */
    static final Auto STANDARD = new Auto("sa", "gd");
    /** The papers' solutions: replicated SGD (dense regions) for binary weights, typical (equilibrium) spherical ones. */
    static final Auto DENSE = new Auto("replicated", "equilibrium");

    static String solver(Point pt) {
        return solver(pt, STANDARD);
    }

    static String solver(Point pt, Auto auto) {
        String s = pt.get(SOLVER);
        if (s.equals("auto")) {
            return binary(pt) ? auto.binary() : auto.spherical();
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
        validate(pt, kappa, STANDARD);
    }

    static void validate(Point pt, double kappa, Auto auto) {
        examples(pt);
        String s = solver(pt, auto);
        if (binary(pt) && !BINARY_SOLVERS.contains(s)) {
            throw new UsageError("--solver: " + s + " moves spherical weights (accepted with --weights binary: sa, replicated, auto)");
        }
        if (!binary(pt) && BINARY_SOLVERS.contains(s)) {
            throw new UsageError("--solver: " + s + " trains binary weights (accepted with --weights spherical: gd, langevin, mc, lp,"
                    + " equilibrium, auto)");
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

    static final List<String> BINARY_SOLVERS = List.of("sa", "replicated");

    /** Replicated SGD's parameters at the point: the authors' (y = 7 unless the experiment declares --replicas), max-steps epochs. */
    static RsgdSpec rsgd(Point pt, double kappa) {
        RsgdSpec spec = RsgdSpec.authors(kappa, pt.get(MAX_STEPS));
        return pt.has(REPLICAS) ? spec.withReplicas(pt.get(REPLICAS)) : spec;
    }

    /**
     * The point's solver on every unit of a batch (units of one point; instance k belongs to unit k), from
     * `starts` random initial conditions each, as {@link #solve}: simulated annealing of the whole batch in
     * one backend launch, replicated SGD likewise (every start of every unit in one launch), other solvers
     * unit by unit in parallel. Each run draws only from its own unit's streams, so the outcomes do not depend on the batch.
     */
    static List<List<SolverOutcome>> solveAll(List<Unit> units, List<PerceptronInstance> insts, double kappa, int starts,
                                              Backend backend, Purpose purpose) {
        return solveAll(units, insts, kappa, starts, backend, purpose, STANDARD);
    }

    static List<List<SolverOutcome>> solveAll(List<Unit> units, List<PerceptronInstance> insts, double kappa, int starts,
                                              Backend backend, Purpose purpose, Auto auto) {
        if (units.isEmpty()) {
            return List.of();
        }
        Point pt = units.get(0).point();
        for (Unit u : units) {
            if (u.point().index() != pt.index()) {
                throw new IllegalArgumentException("solveAll: a batch of one point's units, got points " + pt.index() + " and "
                        + u.point().index());
            }
        }
        String s = solver(pt, auto);
        List<List<SolverOutcome>> out = new ArrayList<>();
        if (s.equals("sa") || s.equals("replicated")) {
            List<byte[]> w0 = new ArrayList<>();
            List<RandomStream> streams = new ArrayList<>();
            int[] instance = new int[units.size() * starts];
            for (int u = 0; u < units.size(); u++) {
                for (int k = 0; k < starts; k++) {
                    instance[u * starts + k] = u;
                    if (s.equals("sa")) {
                        w0.add(saStart(units.get(u), purpose, k, insts.get(u).n()));
                    }
                    streams.add(units.get(u).stream(purpose, 2L * k + 1));
                }
            }
            List<SolverOutcome> flat = new ArrayList<>();
            if (s.equals("sa")) {
                for (AnnealOutcome a : backend.anneal(insts, instance, w0, streams, annealSpec(pt, kappa))) {
                    flat.add(SolverOutcome.of(a));
                }
            } else {
                for (RsgdOutcome o : backend.replicatedSgd(insts, instance, streams, rsgd(pt, kappa))) {
                    flat.add(of(o));
                }
            }
            for (int u = 0; u < units.size(); u++) {
                out.add(List.copyOf(flat.subList(u * starts, (u + 1) * starts)));
            }
            return out;
        }
        @SuppressWarnings("unchecked")
        List<SolverOutcome>[] each = new List[units.size()];
        Parallel.forEach(backend.pool(), units.size(), u -> each[u] = solve(pt, units.get(u), insts.get(u), kappa, starts, backend, purpose,
                auto));
        return List.of(each);
    }

    private static byte[] saStart(Unit unit, Purpose purpose, int k, int n) {
        byte[] w = new byte[n];
        unit.stream(purpose, 2L * k).spins(0, w, 0, n);
        return w;
    }

    private static AnnealSpec annealSpec(Point pt, double kappa) {
        return new AnnealSpec(pt.get(BETA0), pt.get(BETA1), pt.get(MAX_STEPS), kappa, pt.get(LOSS));
    }

    /** A replicated-SGD run as the solvers report it: steps are epochs. */
    static SolverOutcome of(RsgdOutcome o) {
        return new SolverOutcome(o.weights(), o.solved(), o.epochs(), o.violations());
    }

    /** Runs the point's solver from `starts` random initial conditions (replica r uses stream family member r). */
    static List<SolverOutcome> solve(Point pt, Unit unit, PerceptronInstance inst, double kappa, int starts, Backend backend,
                                     Purpose purpose) {
        return solve(pt, unit, inst, kappa, starts, backend, purpose, STANDARD);
    }

    static List<SolverOutcome> solve(Point pt, Unit unit, PerceptronInstance inst, double kappa, int starts, Backend backend,
                                     Purpose purpose, Auto auto) {
        String s = solver(pt, auto);
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
                    w0.add(saStart(unit, purpose, k, n));
                    streams.add(unit.stream(purpose, 2L * k + 1));
                }
                for (AnnealOutcome a : backend.anneal(List.of(inst), new int[starts], w0, streams, annealSpec(pt, kappa))) {
                    out.add(SolverOutcome.of(a));
                }
            }
            case "replicated" -> {
                List<RandomStream> streams = new ArrayList<>();
                for (int k = 0; k < starts; k++) {
                    streams.add(unit.stream(purpose, 2L * k + 1));
                }
                for (RsgdOutcome o : backend.replicatedSgd(List.of(inst), new int[starts], streams, rsgd(pt, kappa))) {
                    out.add(of(o));
                }
            }
            case "equilibrium" -> out.addAll(equilibrium(inst, kappa, unit, purpose, starts, pt.get(MAX_STEPS), 1.0, backend));
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

    /**
     * Typical solutions at margin kappa (the uniform measure on the solution space): per start, a strictly
     * feasible GD start (stream 2k of the purpose: HitAndRunSampler.descentStarts) and a pair-rotation
     * hit-and-run chain (stream 2k + 1) run for burnFactor times {@link HitAndRunSpec#decorrelationMoves}
     * moves; its last state is the solution. Steps: the chain's moves (0 when GD found no start: unsolved).
     */
    static List<SolverOutcome> equilibrium(PerceptronInstance inst, double kappa, Unit unit, Purpose purpose, int starts, int maxSteps,
                                           double burnFactor, Backend backend) {
        List<SolverOutcome> gd = descentStarts(inst, kappa, unit, purpose, starts, maxSteps, backend);
        List<HitAndRunSampler.Chain> chains = new ArrayList<>();
        for (int k = 0; k < starts; k++) {
            if (gd.get(k).solved()) {
                chains.add(new HitAndRunSampler.Chain(gd.get(k).weights(), unit.stream(purpose, 2L * k + 1)));
            }
        }
        long moves = (long) Math.ceil(burnFactor * HitAndRunSpec.decorrelationMoves(inst.n(), inst.p()));
        HitAndRunSpec spec = new HitAndRunSpec(kappa, HitAndRunMove.PAIR_ROTATION, moves, 1, 1, 4 * inst.n());
        List<ChainResult> rs = chains.isEmpty() ? List.of() : HitAndRunSampler.sample(inst, chains, spec, backend.pool());
        List<SolverOutcome> out = new ArrayList<>();
        int c = 0;
        for (int k = 0; k < starts; k++) {
            if (!gd.get(k).solved()) {
                out.add(gd.get(k)); // no strictly feasible start: the GD point, unsolved
            } else {
                ChainResult r = rs.get(c++);
                int v = inst.violations(r.last(), kappa);
                out.add(new SolverOutcome(r.last(), v == 0, r.moves(), v));
            }
        }
        return out;
    }

    /**
     * Strictly feasible GD starts, as HitAndRunSampler.descentStarts draws them (hinge loss at kappa + 0.01,
     * step 0.05, from a uniform random point; stream 2k of the purpose): solved iff the point satisfies
     * margin kappa + 0.01 (so strictly kappa), else the GD point with its violations at kappa.
     */
    static List<SolverOutcome> descentStarts(PerceptronInstance inst, double kappa, Unit unit, Purpose purpose, int starts, int maxSteps,
                                             Backend backend) {
        List<RandomStream> streams = new ArrayList<>();
        for (int k = 0; k < starts; k++) {
            streams.add(unit.stream(purpose, 2L * k));
        }
        return descentStarts(inst, kappa, streams, maxSteps, backend);
    }

    /** As above, start k from the given stream's family (member 0: the random point, member 1: the descent). */
    static List<SolverOutcome> descentStarts(PerceptronInstance inst, double kappa, List<RandomStream> streams, int maxSteps,
                                             Backend backend) {
        List<float[]> init = new ArrayList<>();
        List<RandomStream> dyn = new ArrayList<>();
        for (RandomStream st : streams) {
            RandomStream.Family f = st.family();
            init.add(SphericalDescent.randomStart(inst.n(), f.stream(0)));
            dyn.add(f.stream(1));
        }
        List<SolverOutcome> out = new ArrayList<>();
        for (SolverOutcome o : SphericalDescent.run(inst, init, dyn, new DescentSpec(0.05, 0, maxSteps, kappa + 0.01, 1), backend)) {
            int v = inst.violations(o.weights(), kappa);
            out.add(new SolverOutcome(o.weights(), o.solved() && v == 0, o.steps(), v));
        }
        return out;
    }

    /** The random-label instances of a batch's units, built in parallel on the pool. */
    static List<PerceptronInstance> instances(List<Unit> units, List<Param<?>> instanceParams, Backend backend) {
        PerceptronInstance[] out = new PerceptronInstance[units.size()];
        Parallel.forEach(backend.pool(), units.size(), u -> out[u] = storage(units.get(u).point(), units.get(u), instanceParams));
        return List.of(out);
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

    /** The line, computed for the swept values of p other than skip (the curves it takes its colour from). */
    static TheoryCurve atSwept(TheoryCurve c, Point p, List<String> swept, String skip) {
        TheoryCurve out = c;
        for (String name : swept) {
            if (!name.equals(skip)) {
                out = out.at(name, p.values().get(name));
            }
        }
        return out;
    }
}
