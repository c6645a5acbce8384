package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.parallel.Parallel;
import io.dismc.perceptron.FlipMcResult;
import io.dismc.perceptron.FlipMcSpec;
import io.dismc.perceptron.LocalEnergy;
import io.dismc.perceptron.SolutionSpaceStatistics;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.perceptron.ZeroEnergyMonteCarlo;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.theory.perceptron.BinaryGardnerDerrida;
import io.dismc.theory.perceptron.LocalEnergyTheory;
import io.dismc.theory.perceptron.SphericalGardner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flatness of the solutions a solver finds (Baldassi et al. 2021, "wide flat minima"; docs/models.md 2.5):
 * find a solution at margin kappa, then measure the training error after random moves to distance d
 * (local energy delta_E(d)). By default binary solutions come from replicated SGD, which reaches the
 * dense, flat regions the paper is about (simulated annealing does not at N ~ 1000), and spherical ones
 * are typical (equilibrium) solutions. Beside every measured curve the figure draws the RS line of a
 * typical solution at the same margin (docs/models.md 2.9) and the flip law applied to the stabilities of
 * the solutions found (a self-check of the sampled moves). The instance does not depend on kappa or the
 * solver, so margins and solvers are compared on the same instances.
 */
public final class LocalEnergyExperiment extends Experiment<LocalEnergyExperiment.Result> {
    static final Param<Integer> N = PerceptronParams.n("1001");
    static final Param<Double> ALPHA = PerceptronParams.alpha("0.4");
    static final Param<Double> KAPPA = PerceptronParams.kappa("0,0.3");
    static final Param<String> WEIGHTS = Param.choice("weights", "binary", List.of("binary", "spherical"),
            "weights +-1 or on the sphere |w|^2 = N");
    static final Param<Integer> MOVES = Param.integer("moves", "30", 1, 100_000, "random moves averaged per distance");
    static final Param<String> SOLVER = Param.choice("solver", "auto", PerceptronParams.SOLVERS,
            "auto (replicated for binary, equilibrium for spherical weights); " + PerceptronParams.SOLVER_HELP.substring(
                    PerceptronParams.SOLVER_HELP.indexOf("binary:")));
    static final Param<Integer> MAX_STEPS = Param.integer("max-steps", "3000", 1, 100_000_000,
            "budget: epochs (replicated), sweeps (sa), gradient steps (gd, langevin, and the GD start of equilibrium), proposals (mc)");
    static final Param<Integer> EQUILIBRATE = Param.integer("equilibrate", "0", 0, 1_000_000,
            "binary weights: sweeps of zero-energy flip MC at margin kappa from the solution found, whose last state"
                    + " is the reference (0: the solution itself)");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, PerceptronParams.INPUTS);
    /** Distances d at which delta_E is measured (overlap 1 - 2d with the solution): the components of {@link Result}. */
    static final double[] DISTANCES = {0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2};

    /**
     * One sample: whether the solver found a solution, its margin (min stability) and steps; the local energy
     * at each distance (NaN without a solution); and the flip law on this solution's stabilities at each
     * distance (dE_law: the exact hypergeometric law for binary weights and +-1 inputs, else the N -&gt; infinity
     * law (1/P) sum_mu H((1-2d) Delta_mu / (2 sqrt(d(1-d))))).
     */
    public record Result(boolean solved, double margin, long steps,
                         @Observable("dE_0") double dE0, @Observable("dE_0.005") double dE0005,
                         @Observable("dE_0.01") double dE001, @Observable("dE_0.02") double dE002,
                         @Observable("dE_0.05") double dE005, @Observable("dE_0.1") double dE01,
                         @Observable("dE_0.2") double dE02,
                         @Observable("dE_law_0") double law0, @Observable("dE_law_0.005") double law0005,
                         @Observable("dE_law_0.01") double law001, @Observable("dE_law_0.02") double law002,
                         @Observable("dE_law_0.05") double law005, @Observable("dE_law_0.1") double law01,
                         @Observable("dE_law_0.2") double law02) {}

    public LocalEnergyExperiment() {
        super(Descriptor.of("local-energy", Result.class)
                .title("local energy delta_E(d) around solutions found at margin kappa: the flatness of minima (docs/models.md 2.5)")
                .params(N, ALPHA, KAPPA, WEIGHTS, PerceptronParams.INPUTS, MOVES, SOLVER, MAX_STEPS, PerceptronParams.REPLICAS, EQUILIBRATE,
                        PerceptronParams.BETA0, PerceptronParams.BETA1, PerceptronParams.ETA, PerceptronParams.TEMPERATURE,
                        PerceptronParams.LOSS, PerceptronParams.MOVE)
                .samples(8)
                .table("solved", "margin", column(0.01), column(0.05), column(0.2))
                .figure(Figure.profile("distance d (overlap 1 - 2d with the solution)", profile(),
                        "local energy delta_E(d): training error after the move").withTitleParams("n", "alpha", "weights", "solver")));
    }

    static List<Param<?>> withSolver(Param<?>... own) {
        List<Param<?>> p = new ArrayList<>(List.of(own));
        p.addAll(PerceptronParams.solverParams());
        return p;
    }

    static String column(double d) {
        return "dE_" + (d == 0 ? "0" : String.format(Locale.ROOT, "%s", d));
    }

    static String lawColumn(double d) {
        return "dE_law_" + (d == 0 ? "0" : String.format(Locale.ROOT, "%s", d));
    }

    private static Map<String, Double> profile() {
        Map<String, Double> at = new LinkedHashMap<>();
        for (double d : DISTANCES) {
            at.put(column(d), d);
        }
        return at;
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.validate(pt, pt.get(KAPPA), PerceptronParams.DENSE);
        if (pt.get(EQUILIBRATE) > 0 && !PerceptronParams.binary(pt)) {
            throw new UsageError("--equilibrate: flip MC needs --weights binary (spherical weights: --solver equilibrium samples"
                    + " typical solutions; accepted: 0)");
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * PerceptronParams.examples(pt) * (1 + pt.get(MOVES));
    }

    /** The batch at once: one annealing launch or one pool of replicated-SGD runs, then the moves unit by unit. */
    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        List<PerceptronInstance> insts = PerceptronParams.instances(batch, INSTANCE, backend);
        double kappa = batch.get(0).point().get(KAPPA);
        List<List<SolverOutcome>> found = PerceptronParams.solveAll(batch, insts, kappa, 1, backend, Purpose.TRAINING,
                PerceptronParams.DENSE);
        Result[] out = new Result[batch.size()];
        Parallel.forEach(backend.pool(), batch.size(), u -> out[u] = measure(batch.get(u), insts.get(u), found.get(u).get(0)));
        return List.of(out);
    }

    private static Result measure(Unit unit, PerceptronInstance inst, SolverOutcome found) {
        Point pt = unit.point();
        boolean binary = PerceptronParams.binary(pt);
        SolverOutcome o = equilibrate(unit, inst, found);
        double[] e = new double[DISTANCES.length];
        double[] law = new double[DISTANCES.length];
        double[] stab = o.solved() ? SolutionSpaceStatistics.stabilities(inst, o.weights()) : null;
        for (int k = 0; k < DISTANCES.length; k++) {
            // moves are drawn from the instance's streams: every margin meets the same perturbations
            e[k] = o.solved() ? LocalEnergy.at(inst, o.weights(), binary, DISTANCES[k], pt.get(MOVES),
                    unit.instanceStream(INSTANCE, Purpose.PERTURBATION, k).family()) : Double.NaN;
            law[k] = o.solved() ? flipLaw(inst, binary, stab, DISTANCES[k]) : Double.NaN;
        }
        double margin = o.solved() ? SolutionSpaceStatistics.margin(inst, o.weights()) : Double.NaN;
        return new Result(o.solved(), margin, o.steps(), e[0], e[1], e[2], e[3], e[4], e[5], e[6],
                law[0], law[1], law[2], law[3], law[4], law[5], law[6]);
    }

    /**
     * With --equilibrate S &gt; 0 (binary weights): the last state of S sweeps of zero-energy flip MC at margin
     * kappa from the solution found (stream TRAINING 99 of the unit; docs/models.md 2.2.3), still a solution;
     * else the solution itself. The steps stay the solver's.
     */
    static SolverOutcome equilibrate(Unit unit, PerceptronInstance inst, SolverOutcome o) {
        int sweeps = unit.point().get(EQUILIBRATE);
        if (sweeps == 0 || !o.solved()) {
            return o;
        }
        byte[] start = new byte[inst.n()];
        for (int i = 0; i < start.length; i++) {
            start[i] = (byte) (o.weights()[i] > 0 ? 1 : -1);
        }
        FlipMcResult r = ZeroEnergyMonteCarlo.run(inst, start, unit.stream(Purpose.TRAINING, 99),
                FlipMcSpec.zeroEnergy(unit.point().get(KAPPA), sweeps, sweeps));
        double[] w = new double[start.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.weights()[i];
        }
        return new SolverOutcome(w, r.violations() == 0, o.steps(), r.violations());
    }

    /**
     * The expected training error after the move, given the solution's stabilities: binary weights with +-1
     * inputs, the exact law of round(dN) random flips (integer fields h = sqrt(N) Delta); otherwise the
     * N -&gt; infinity law, which is also the spherical rotation's (q = 1 - 2d: q Delta / sqrt(1 - q^2) is
     * (1 - 2d) Delta / (2 sqrt(d(1-d)))).
     */
    static double flipLaw(PerceptronInstance inst, boolean binary, double[] stabilities, double d) {
        if (binary && inst.binaryInputs()) {
            int n = inst.n();
            double s = Math.sqrt(n);
            int[] h = new int[stabilities.length];
            for (int mu = 0; mu < h.length; mu++) {
                h[mu] = (int) Math.round(stabilities[mu] * s);
            }
            return LocalEnergyTheory.exactFlipEnergy(n, h, (int) Math.round(d * n));
        }
        return LocalEnergyTheory.fromStabilities(stabilities, d);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.get(N), PerceptronParams.examples(pt), 0, 4 + pt.get(MOVES) + 2 * pt.get(PerceptronParams.REPLICAS));
    }

    /**
     * Per point: the RS local energy of a typical solution at the point's margin (binary: Gardner-Derrida q,
     * spherical: Gardner q; none where no typical solution exists), and the flip law on the solutions found
     * (the means of the dE_law columns).
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PointSummary s : summaries) {
            Point p = s.point();
            double alpha = p.get(ALPHA);
            double kappa = p.get(KAPPA);
            boolean binary = PerceptronParams.binary(p);
            String tag = label(p, swept);
            if (seen.add(binary + "|" + alpha + "|" + kappa)) {
                double q = binary ? BinaryGardnerDerrida.typicalOverlap(alpha, kappa) : SphericalGardner.typicalOverlap(alpha, kappa);
                if (!Double.isNaN(q)) {
                    int m = 40;
                    double[] x = new double[m + 1];
                    double[] y = new double[m + 1];
                    for (int k = 0; k <= m; k++) {
                        x[k] = 0.2 * (k / (double) m) * (k / (double) m); // dense near d = 0, where the line rises as sqrt(d)
                        y[k] = LocalEnergyTheory.atOverlap(q, kappa, x[k]);
                    }
                    out.add(PerceptronParams.atSwept(new TheoryCurve(String.format(Locale.ROOT, "RS typical solution%s (q=%.3f)", tag, q), x, y), p, swept, ""));
                }
            }
            double[] x = new double[DISTANCES.length];
            double[] y = new double[DISTANCES.length];
            for (int k = 0; k < DISTANCES.length; k++) {
                x[k] = DISTANCES[k];
                Stat st = s.stats().get(lawColumn(DISTANCES[k]));
                y[k] = st == null ? Double.NaN : st.mean();
            }
            boolean exact = binary && p.get(PerceptronParams.INPUTS).equals("binary");
            out.add(PerceptronParams.atSwept(new TheoryCurve((exact ? "exact flip law" : "N->inf flip law") + " on the solutions found" + tag, x, y), p, swept, ""));
        }
        return out;
    }

    /** ", kappa=0.3" and the other swept values that tell points apart (none when nothing is swept). */
    private static String label(Point p, List<String> swept) {
        StringBuilder sb = new StringBuilder();
        for (String name : swept) {
            sb.append(sb.length() == 0 ? ", " : " ").append(name).append('=').append(Point.canonical(p.values().get(name)));
        }
        return sb.toString();
    }
}
