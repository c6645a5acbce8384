package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.perceptron.Geodesic;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.List;

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
public final class GeodesicExperiment extends Experiment<GeodesicExperiment.Result> {
    static final Param<Integer> N = PerceptronParams.n("200");
    static final Param<Double> ALPHA = PerceptronParams.alpha("0.5,1,1.5,2");
    static final Param<Double> KAPPA = PerceptronParams.kappa("-0.5");
    static final Param<Double> KAPPA_HIGH = Param.real("kappa-high", "0", -10, true, 10, true,
            "margin the high-margin solution is found with (>= kappa)");
    static final Param<Integer> VERTICES = Param.integer("vertices", "3", 2, 20, "typical solutions (simplex vertices)");
    static final Param<Integer> PATH_POINTS = Param.integer("path-points", "41", 3, 10_000, "points on each geodesic");
    static final Param<Integer> SIMPLEX_SAMPLES = Param.integer("simplex-samples", "200", 1, 1_000_000, "random points in the simplex");
    static final Param<String> SOLVER = Param.choice("solver", "gd", List.of("gd", "langevin"), "solver for the vertices: gd or langevin");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, PerceptronParams.INPUTS);

    /**
     * One sample: whether every vertex was solved; mean barrier and zero-barrier fraction between typical vertices
     * and from the high-margin one; the simplex energy; geodesics: the energy profile of every pair (rows: typical
     * pairs a &lt; b in order, then high-margin to typical a; columns t = 0 .. 1).
     */
    public record Result(boolean solved, double barrier_typical, double zero_barrier_typical, double barrier_high,
                         double zero_barrier_high, double simplex_energy, NdArray geodesics) {}

    public GeodesicExperiment() {
        super(Descriptor.of("geodesic", Result.class)
                .title("spherical perceptron: energy barriers along geodesics between solutions and inside their simplex"
                        + " (docs/models.md 2.6)")
                .params(N, ALPHA, KAPPA, KAPPA_HIGH, PerceptronParams.INPUTS, VERTICES, PATH_POINTS, SIMPLEX_SAMPLES, SOLVER,
                        PerceptronParams.MAX_STEPS, PerceptronParams.ETA, PerceptronParams.TEMPERATURE, PerceptronParams.LOSS)
                .samples(6)
                .table("solved", "zero_barrier_typical", "zero_barrier_high", "simplex_energy")
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("zero_barrier_typical", "zero_barrier_high"),
                        "fraction of pairs with zero barrier", null, null).withTitleParams("n", "kappa", "kappa-high")));
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.examples(pt);
        PerceptronParams.checkGradientLoss(pt, pt.get(SOLVER));
        if (pt.get(KAPPA_HIGH) < pt.get(KAPPA)) {
            throw new UsageError("--kappa-high: " + pt.get(KAPPA_HIGH) + " is below --kappa " + pt.get(KAPPA)
                    + " (accepted: kappa-high >= kappa)");
        }
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * PerceptronParams.examples(pt) * (pt.get(VERTICES) + 1);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        PerceptronInstance inst = PerceptronParams.storage(pt, unit, INSTANCE);
        double kappa = pt.get(KAPPA);
        int k = pt.get(VERTICES);
        List<SolverOutcome> typical = PerceptronParams.solve(pt, unit, inst, kappa, k, backend, Purpose.TRAINING);
        SolverOutcome high = PerceptronParams.solve(pt, unit, inst, pt.get(KAPPA_HIGH), 1, backend, Purpose.PERTURBATION).get(0);
        boolean solved = typical.stream().allMatch(SolverOutcome::solved) && high.solved() && inst.violations(high.weights(), kappa) == 0;
        int points = pt.get(PATH_POINTS);
        int pairs = k * (k - 1) / 2 + k;
        double[] profiles = new double[pairs * points];
        java.util.Arrays.fill(profiles, Double.NaN);
        if (!solved) {
            double nan = Double.NaN;
            return new Result(false, nan, nan, nan, nan, nan, array(profiles, pairs, points));
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
        double simplex = Geodesic.simplexEnergy(inst, typical.stream().map(SolverOutcome::weights).toList(), kappa,
                pt.get(SIMPLEX_SAMPLES), unit.stream(Purpose.PERTURBATION, 99));
        return new Result(true, sumT / typicalPairs, zeroT / typicalPairs, sumH / k, zeroH / k, simplex, array(profiles, pairs, points));
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.get(N), PerceptronParams.examples(pt), 0, 2 + 2 * pt.get(VERTICES))
                + 8L * pt.get(VERTICES) * pt.get(VERTICES) * pt.get(PATH_POINTS);
    }
}
