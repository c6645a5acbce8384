package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.model.PerceptronInstance;
import io.dismc.perceptron.PerceptronTheory;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
public final class PerceptronCapacityExperiment implements Experiment {
    /** The instance (inputs, labels) depends on these only: solvers and margins meet the same instances. */
    static final List<String> INSTANCE = List.of("n", "alpha", "inputs");

    @Override
    public String name() {
        return "perceptron-capacity";
    }

    @Override
    public String title() {
        return "perceptron storage capacity: solved fraction vs alpha, binary or spherical weights, margin kappa (docs/models.md 2.3)";
    }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>(List.of(PerceptronParams.n("100"),
                Param.real("alpha", "1:3:0.2", 0, false, 100, true,
                        "constraint density alpha = P/N; the default brackets the spherical capacity 2 (binary weights: 0.833, try 0.2:1.2:0.1)"),
                PerceptronParams.kappa("0"), PerceptronParams.WEIGHTS, PerceptronParams.INPUTS));
        p.addAll(PerceptronParams.solverParams());
        return p;
    }

    @Override
    public int defaultSamples() {
        return 20;
    }

    @Override
    public List<String> observables() {
        return List.of("solved", "violated", "steps");
    }

    @Override
    public List<String> tableObservables() {
        return List.of("solved", "violated");
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.validate(pt, pt.real("kappa"));
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * PerceptronParams.examples(pt);
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        PerceptronInstance inst = PerceptronParams.storage(pt, unit, INSTANCE);
        SolverOutcome o = PerceptronParams.solve(pt, unit, inst, pt.real("kappa"), 1, backend, Purpose.TRAINING).get(0);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("solved", o.solved() ? 1.0 : 0.0);
        out.put("violated", o.violations() < 0 ? Double.NaN : (double) o.violations() / inst.p());
        out.put("steps", (double) o.steps());
        return UnitOutput.of(out);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.integer("n"), PerceptronParams.examples(pt), 0, 4);
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/N", false, List.of("solved"), "fraction of instances solved", null, null)
                .withTitleParams("n", "kappa", "weights", "inputs", "solver");
    }

    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        List<TheoryCurve> out = new ArrayList<>();
        TreeSet<Double> alphas = new TreeSet<>();
        Map<String, Point> combos = new TreeMap<>();
        for (PointSummary s : summaries) {
            alphas.add(s.point().real("alpha"));
            Point p = s.point();
            combos.putIfAbsent(p.choice("weights") + "|" + p.real("kappa") + "|" + p.integer("n"), p);
        }
        if (alphas.isEmpty()) {
            return out;
        }
        double lo = alphas.first();
        double hi = alphas.last();
        for (Point p : combos.values()) {
            double kappa = p.real("kappa");
            if (p.choice("weights").equals("spherical")) {
                if (kappa == 0) {
                    int n = p.integer("n");
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
