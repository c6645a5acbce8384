package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.model.PerceptronInstance;
import io.dismc.perceptron.Geodesic;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import io.dismc.data.NdArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Geometry of the spherical (negative) perceptron's solutions (Annesi et al. 2023): find `vertices`
 * typical solutions (GD from random starts at margin kappa) and one high-margin solution (GD at
 * kappa-high); the energy along the geodesics between typical pairs and between the high-margin one
 * and each typical one, its maximum (the barrier), and the energy inside the simplex of the typical
 * solutions. Star-shaped: high-margin solutions see zero barriers to most others. Note that GD stops at
 * the first solution it meets, on the boundary of the solution space; for kappa &lt; 0 the normalized
 * midpoint of two boundary solutions can violate the margin, so typical-typical barriers are small but
 * rarely exactly zero. For kappa &gt;= 0 the space is convex and every barrier is zero.
 */
public final class GeodesicExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "alpha", "inputs");
    static final Param KAPPA_HIGH = Param.real("kappa-high", "0", -10, true, 10, true,
            "margin the high-margin solution is found with (>= kappa)");
    static final Param VERTICES = Param.integer("vertices", "3", 2, 20, "typical solutions (simplex vertices)");
    static final Param PATH_POINTS = Param.integer("path-points", "41", 3, 10_000, "points on each geodesic");
    static final Param SIMPLEX_SAMPLES = Param.integer("simplex-samples", "200", 1, 1_000_000, "random points in the simplex");

    @Override
    public String name() {
        return "geodesic";
    }

    @Override
    public String title() {
        return "spherical perceptron: energy barriers along geodesics between solutions and inside their simplex (docs/models.md 2.6)";
    }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>(List.of(PerceptronParams.n("200"), PerceptronParams.alpha("0.5,1,1.5,2"),
                PerceptronParams.kappa("-0.5"), KAPPA_HIGH, PerceptronParams.INPUTS, VERTICES, PATH_POINTS, SIMPLEX_SAMPLES,
                Param.choice("solver", "gd", List.of("gd", "langevin"), "solver for the vertices: gd or langevin"),
                PerceptronParams.MAX_STEPS, PerceptronParams.ETA, PerceptronParams.TEMPERATURE, PerceptronParams.LOSS));
        return p;
    }

    @Override
    public int defaultSamples() {
        return 6;
    }

    @Override
    public List<String> observables() {
        return List.of("solved", "barrier_typical", "zero_barrier_typical", "barrier_high", "zero_barrier_high", "simplex_energy");
    }

    @Override
    public List<String> tableObservables() {
        return List.of("solved", "zero_barrier_typical", "zero_barrier_high", "simplex_energy");
    }

    @Override
    public List<String> arrayObservables() {
        return List.of("geodesics");
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.examples(pt);
        PerceptronParams.checkGradientLoss(pt, pt.choice("solver"));
        if (pt.real("kappa-high") < pt.real("kappa")) {
            throw new UsageError("--kappa-high: " + pt.real("kappa-high") + " is below --kappa " + pt.real("kappa")
                    + " (accepted: kappa-high >= kappa)");
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * PerceptronParams.examples(pt) * (pt.integer("vertices") + 1);
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        PerceptronInstance inst = PerceptronParams.storage(pt, unit, INSTANCE);
        double kappa = pt.real("kappa");
        int k = pt.integer("vertices");
        List<SolverOutcome> typical = PerceptronParams.solve(pt, unit, inst, kappa, k, backend, Purpose.TRAINING);
        SolverOutcome high = PerceptronParams.solve(pt, unit, inst, pt.real("kappa-high"), 1, backend, Purpose.PERTURBATION).get(0);
        boolean solved = typical.stream().allMatch(SolverOutcome::solved) && high.solved() && inst.violations(high.weights(), kappa) == 0;
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("solved", solved ? 1.0 : 0.0);
        int points = pt.integer("path-points");
        int pairs = k * (k - 1) / 2 + k;
        double[] profiles = new double[pairs * points];
        java.util.Arrays.fill(profiles, Double.NaN);
        if (!solved) {
            for (String o : observables().subList(1, observables().size())) {
                out.put(o, Double.NaN);
            }
            return new UnitOutput(out, Map.of("geodesics", new NdArray(new int[] {pairs, points}, profiles)));
        }
        double sumT = 0;
        double zeroT = 0;
        int row = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++, row++) {
                double[] prof = Geodesic.profile(inst, typical.get(a).weights(), typical.get(b).weights(), kappa, points);
                System.arraycopy(prof, 0, profiles, row * points, points);
                double barrier = Geodesic.barrier(prof);
                sumT += barrier;
                zeroT += barrier == 0 ? 1 : 0;
            }
        }
        double sumH = 0;
        double zeroH = 0;
        for (int a = 0; a < k; a++, row++) {
            double[] prof = Geodesic.profile(inst, high.weights(), typical.get(a).weights(), kappa, points);
            System.arraycopy(prof, 0, profiles, row * points, points);
            double barrier = Geodesic.barrier(prof);
            sumH += barrier;
            zeroH += barrier == 0 ? 1 : 0;
        }
        int typicalPairs = k * (k - 1) / 2;
        out.put("barrier_typical", sumT / typicalPairs);
        out.put("zero_barrier_typical", zeroT / typicalPairs);
        out.put("barrier_high", sumH / k);
        out.put("zero_barrier_high", zeroH / k);
        out.put("simplex_energy", Geodesic.simplexEnergy(inst, typical.stream().map(SolverOutcome::weights).toList(), kappa,
                pt.integer("simplex-samples"), unit.stream(Purpose.PERTURBATION, 99)));
        // rows: typical pairs (a < b) in order, then high-margin to typical a; columns: t = 0 .. 1
        return new UnitOutput(out, Map.of("geodesics", new NdArray(new int[] {pairs, points}, profiles)));
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.integer("n"), PerceptronParams.examples(pt), 0, 2 + 2 * pt.integer("vertices"))
                + 8L * pt.integer("vertices") * pt.integer("vertices") * pt.integer("path-points");
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/N", false, List.of("zero_barrier_typical", "zero_barrier_high"),
                "fraction of pairs with zero barrier", null, null).withTitleParams("n", "kappa", "kappa-high");
    }
}
