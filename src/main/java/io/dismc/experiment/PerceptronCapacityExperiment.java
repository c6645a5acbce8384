package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.perceptron.PerceptronTheory;
import io.dismc.perceptron.SolutionSpaceStatistics;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.theory.perceptron.BinaryGardnerDerrida;
import io.dismc.theory.perceptron.SphericalGardner;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Storage capacity of the perceptron (docs/models.md 2.3): random labels, binary or spherical weights,
 * margin kappa; the fraction of instances a solver solves against alpha, and the margin of the
 * solutions found. Theory on the figure (docs/models.md 2.9): Cover's exact finite-N probability
 * (spherical, kappa = 0); Gardner's RS alpha_c(kappa) (exact for kappa &gt;= 0, an upper bound below, with the
 * de Almeida-Thouless alpha_AT(kappa) beyond which RS is unstable); the Gardner-Derrida RS alpha_c(kappa)
 * of binary weights (0.83308 at kappa = 0, Krauth-Mezard); and the RS largest margin kappa_max(alpha) above
 * the measured margins.
 */
public final class PerceptronCapacityExperiment extends Experiment<PerceptronCapacityExperiment.Result> {
    static final Param<Double> ALPHA = Param.real("alpha", "1:3:0.2", 0, false, 100, true,
            "constraint density alpha = P/N; the default brackets the spherical capacity 2 (binary weights: 0.833, try 0.2:1.2:0.1)");
    /** The instance (inputs, labels) depends on these only: solvers and margins meet the same instances. */
    static final List<Param<?>> INSTANCE = List.of(PerceptronParams.N, ALPHA, PerceptronParams.INPUTS);

    /**
     * One sample: whether the solver satisfied every constraint, the fraction it violates, its steps, and the
     * margin min_mu Delta^mu of the solution found (NaN when it did not solve).
     */
    public record Result(boolean solved, double violated, long steps, double margin) {}

    public PerceptronCapacityExperiment() {
        super(Descriptor.of("perceptron-capacity", Result.class)
                .title("perceptron storage capacity: solved fraction vs alpha, binary or spherical weights, margin kappa"
                        + " (docs/models.md 2.3)")
                .params(LocalEnergyExperiment.withSolver(PerceptronParams.N, ALPHA, PerceptronParams.KAPPA, PerceptronParams.WEIGHTS,
                        PerceptronParams.INPUTS))
                .samples(20)
                .table("solved", "violated", "margin")
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("solved", "margin"), "fraction of instances solved", null, null)
                        .withPanels(Figure.panel("fraction of instances solved", "solved"),
                                Figure.panel("margin of the solutions found, min Delta", "margin"))
                        .withTitleParams("n", "kappa", "weights", "inputs", "solver")));
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.validate(pt, pt.get(PerceptronParams.KAPPA));
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(PerceptronParams.N) * PerceptronParams.examples(pt);
    }

    /** The whole batch at once: simulated annealing of every sample in one backend launch (docs/models.md 2.2). */
    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        List<PerceptronInstance> insts = PerceptronParams.instances(batch, INSTANCE, backend);
        double kappa = batch.get(0).point().get(PerceptronParams.KAPPA);
        List<List<SolverOutcome>> solved = PerceptronParams.solveAll(batch, insts, kappa, 1, backend, Purpose.TRAINING);
        List<Result> out = new ArrayList<>();
        for (int u = 0; u < batch.size(); u++) {
            PerceptronInstance inst = insts.get(u);
            SolverOutcome o = solved.get(u).get(0);
            double margin = o.solved() ? SolutionSpaceStatistics.margin(inst, o.weights()) : Double.NaN;
            out.add(new Result(o.solved(), o.violations() < 0 ? Double.NaN : (double) o.violations() / inst.p(), o.steps(), margin));
        }
        return out;
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.get(PerceptronParams.N), PerceptronParams.examples(pt), 0, 4);
    }

    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new ArrayList<>();
        TreeSet<Double> alphas = new TreeSet<>();
        Map<String, Point> combos = new TreeMap<>();
        for (PointSummary s : summaries) {
            Point p = s.point();
            alphas.add(p.get(ALPHA));
            combos.putIfAbsent(p.get(PerceptronParams.WEIGHTS) + "|" + p.get(PerceptronParams.KAPPA) + "|" + p.get(PerceptronParams.N), p);
        }
        if (alphas.isEmpty()) {
            return out;
        }
        double lo = alphas.first();
        double hi = alphas.last();
        java.util.Set<String> margins = new java.util.HashSet<>();
        for (Point p : combos.values()) {
            double kappa = p.get(PerceptronParams.KAPPA);
            boolean binary = PerceptronParams.binary(p);
            if (!binary && kappa == 0) {
                int n = p.get(PerceptronParams.N);
                int m = 200;
                double[] x = new double[m + 1];
                double[] y = new double[m + 1];
                for (int k = 0; k <= m; k++) {
                    x[k] = lo + (hi - lo) * k / m;
                    y[k] = PerceptronTheory.coverProbability(n, (int) Math.round(x[k] * n));
                }
                out.add(new TheoryCurve("Cover, N=" + n, x, y).of("solved").at("kappa", kappa).at("weights", "spherical"));
            }
            String k = fmt(kappa);
            if (binary) {
                double ac = BinaryGardnerDerrida.capacity(kappa);
                out.add(TheoryCurve.vertical(String.format(Locale.ROOT, "binary RS alpha_c(%s)=%.4f (Gardner-Derrida%s)", k, ac,
                        kappa == 0 ? "; Krauth-Mezard" : ""), ac, 0, 1).of("solved").at("kappa", kappa).at("weights", "binary"));
            } else {
                double ac = SphericalGardner.capacity(kappa);
                out.add(TheoryCurve.vertical(String.format(Locale.ROOT, "Gardner RS alpha_c(%s)=%.3f%s", k, ac,
                        kappa < 0 ? " (upper bound)" : ""), ac, 0, 1).of("solved").at("kappa", kappa).at("weights", "spherical"));
                if (kappa < 0) {
                    double at = SphericalGardner.atLine(kappa).alpha();
                    out.add(TheoryCurve.vertical(String.format(Locale.ROOT, "dAT alpha_AT(%s)=%.3f: RS unstable above", k, at), at, 0, 1).of("solved").at("kappa", kappa).at("weights", "spherical"));
                }
            }
            if (margins.add(binary ? "binary" : "spherical")) {
                out.add(maxMarginLine(binary, lo, hi));
            }
        }
        return out;
    }

    /** RS kappa_max(alpha) on [lo, hi] (binary: Gardner-Derrida; spherical: Gardner, exact for alpha &lt;= 2). */
    static TheoryCurve maxMarginLine(boolean binary, double lo, double hi) {
        int m = 24;
        double[] x = new double[m + 1];
        double[] y = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            x[k] = lo + (hi - lo) * k / m;
            try {
                y[k] = binary ? BinaryGardnerDerrida.maxMargin(x[k]) : SphericalGardner.maxMargin(x[k]);
            } catch (IllegalArgumentException e) {
                y[k] = Double.NaN; // no positive RS entropy at any margin there
            }
        }
        return new TheoryCurve(binary ? "binary RS kappa_max(alpha) (Gardner-Derrida)" : "spherical RS kappa_max(alpha) (Gardner; RS bound above alpha 2)",
                x, y).of("margin").at("weights", binary ? "binary" : "spherical");
    }

    static String fmt(double v) {
        return Point.canonical(v);
    }
}
