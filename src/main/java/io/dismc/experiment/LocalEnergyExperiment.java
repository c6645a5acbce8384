package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.PerceptronInstance;
import io.dismc.params.Param;
import io.dismc.perceptron.LocalEnergy;
import io.dismc.perceptron.SolverOutcome;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flatness of the solutions a solver finds (Baldassi et al. 2021, "wide flat minima"): find a solution
 * at margin kappa, then measure the training error after random moves to distance d (local energy
 * delta_E(d)). Solutions found with kappa &gt; 0 sit in wider, flatter regions: lower delta_E at small d.
 * The instance does not depend on kappa or the solver, so margins are compared on the same instances.
 */
public final class LocalEnergyExperiment extends Experiment<LocalEnergyExperiment.Result> {
    static final Param<Integer> N = PerceptronParams.n("201");
    static final Param<Double> ALPHA = PerceptronParams.alpha("0.4");
    static final Param<Double> KAPPA = PerceptronParams.kappa("0,0.3");
    static final Param<String> WEIGHTS = Param.choice("weights", "binary", List.of("binary", "spherical"),
            "weights +-1 or on the sphere |w|^2 = N");
    static final Param<Integer> MOVES = Param.integer("moves", "30", 1, 100_000, "random moves averaged per distance");
    static final List<Param<?>> INSTANCE = List.of(N, ALPHA, PerceptronParams.INPUTS);
    /** Distances d at which delta_E is measured (overlap 1 - 2d with the solution): the components of {@link Result}. */
    static final double[] DISTANCES = {0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2};

    /** One sample: whether the solver found a solution, and the local energy at each distance (NaN without a solution). */
    public record Result(boolean solved, @Observable("dE_0") double dE0, @Observable("dE_0.005") double dE0005,
                         @Observable("dE_0.01") double dE001, @Observable("dE_0.02") double dE002,
                         @Observable("dE_0.05") double dE005, @Observable("dE_0.1") double dE01,
                         @Observable("dE_0.2") double dE02) {}

    public LocalEnergyExperiment() {
        super(Descriptor.of("local-energy", Result.class)
                .title("local energy delta_E(d) around solutions found at margin kappa: the flatness of minima (docs/models.md 2.5)")
                .params(withSolver(N, ALPHA, KAPPA, WEIGHTS, PerceptronParams.INPUTS, MOVES))
                .samples(8)
                .table("solved", column(0.01), column(0.05), column(0.2))
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

    private static Map<String, Double> profile() {
        Map<String, Double> at = new LinkedHashMap<>();
        for (double d : DISTANCES) {
            at.put(column(d), d);
        }
        return at;
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.validate(pt, pt.get(KAPPA));
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.get(N) * PerceptronParams.examples(pt) * (1 + pt.get(MOVES));
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        PerceptronInstance inst = PerceptronParams.storage(pt, unit, INSTANCE);
        SolverOutcome o = PerceptronParams.solve(pt, unit, inst, pt.get(KAPPA), 1, backend, Purpose.TRAINING).get(0);
        double[] e = new double[DISTANCES.length];
        for (int k = 0; k < DISTANCES.length; k++) {
            // moves are drawn from the instance's streams: every margin meets the same perturbations
            e[k] = o.solved() ? LocalEnergy.at(inst, o.weights(), PerceptronParams.binary(pt), DISTANCES[k], pt.get(MOVES),
                    unit.instanceStream(INSTANCE, Purpose.PERTURBATION, k).family()) : Double.NaN;
        }
        return new Result(o.solved(), e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.get(N), PerceptronParams.examples(pt), 0, 4 + pt.get(MOVES));
    }
}
