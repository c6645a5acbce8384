package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.perceptron.PerceptronTheory;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Storage capacity of the perceptron (docs/models.md 2.3): random labels, binary or spherical weights,
 * margin kappa; the fraction of instances a solver solves against alpha. Theory on the figure:
 * Cover's exact finite-N probability (spherical, kappa = 0), Gardner's RS alpha_c(kappa) (exact for
 * kappa &gt;= 0, an upper bound below), Krauth-Mezard's 0.833 (binary).
 */
public final class PerceptronCapacityExperiment extends Experiment<PerceptronCapacityExperiment.Result> {
    static final Param<Double> ALPHA = Param.real("alpha", "1:3:0.2", 0, false, 100, true,
            "constraint density alpha = P/N; the default brackets the spherical capacity 2 (binary weights: 0.833, try 0.2:1.2:0.1)");
    /** The instance (inputs, labels) depends on these only: solvers and margins meet the same instances. */
    static final List<Param<?>> INSTANCE = List.of(PerceptronParams.N, ALPHA, PerceptronParams.INPUTS);

    /** One sample: whether the solver satisfied every constraint, the fraction it violates, and its steps. */
    public record Result(boolean solved, double violated, long steps) {}

    public PerceptronCapacityExperiment() {
        super(Descriptor.of("perceptron-capacity", Result.class)
                .title("perceptron storage capacity: solved fraction vs alpha, binary or spherical weights, margin kappa"
                        + " (docs/models.md 2.3)")
                .params(LocalEnergyExperiment.withSolver(PerceptronParams.N, ALPHA, PerceptronParams.KAPPA, PerceptronParams.WEIGHTS,
                        PerceptronParams.INPUTS))
                .samples(20)
                .table("solved", "violated")
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("solved"), "fraction of instances solved", null, null)
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

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        PerceptronInstance inst = PerceptronParams.storage(pt, unit, INSTANCE);
        SolverOutcome o = PerceptronParams.solve(pt, unit, inst, pt.get(PerceptronParams.KAPPA), 1, backend, Purpose.TRAINING).get(0);
        return new Result(o.solved(), o.violations() < 0 ? Double.NaN : (double) o.violations() / inst.p(), o.steps());
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
        for (Point p : combos.values()) {
            double kappa = p.get(PerceptronParams.KAPPA);
            if (p.get(PerceptronParams.WEIGHTS).equals("spherical")) {
                if (kappa == 0) {
                    int n = p.get(PerceptronParams.N);
                    int m = 200;
                    double[] x = new double[m + 1];
                    double[] y = new double[m + 1];
                    for (int k = 0; k <= m; k++) {
                        x[k] = lo + (hi - lo) * k / m;
                        y[k] = PerceptronTheory.coverProbability(n, (int) Math.round(x[k] * n));
                    }
                    out.add(new TheoryCurve("Cover, N=" + n, x, y));
                }
                double ac = PerceptronTheory.gardnerCapacity(kappa);
                out.add(new TheoryCurve(String.format(java.util.Locale.ROOT, "Gardner RS alpha_c(%s)=%.3f%s", kappa, ac,
                        kappa < 0 ? " (upper bound)" : ""), new double[] {ac, ac}, new double[] {0, 1}));
            } else if (kappa == 0) {
                double ac = PerceptronTheory.BINARY_CAPACITY;
                out.add(new TheoryCurve("binary alpha_c=0.833 (Krauth-Mezard)", new double[] {ac, ac}, new double[] {0, 1}));
            }
        }
        return out;
    }
}
