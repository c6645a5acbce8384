package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.model.PerceptronInstance;
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
public final class LocalEnergyExperiment implements Experiment {
    static final List<String> INSTANCE = List.of("n", "alpha", "inputs");
    /** Distances d at which delta_E is measured (overlap 1 - 2d with the solution). */
    static final double[] DISTANCES = {0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2};
    static final Param MOVES = Param.integer("moves", "30", 1, 100_000, "random moves averaged per distance");

    @Override
    public String name() {
        return "local-energy";
    }

    @Override
    public String title() {
        return "local energy delta_E(d) around solutions found at margin kappa: the flatness of minima (docs/models.md 2.5)";
    }

    @Override
    public List<Param> params() {
        List<Param> p = new ArrayList<>(List.of(PerceptronParams.n("201"), PerceptronParams.alpha("0.4"), PerceptronParams.kappa("0,0.3"),
                Param.choice("weights", "binary", List.of("binary", "spherical"), "weights +-1 or on the sphere |w|^2 = N"),
                PerceptronParams.INPUTS, MOVES));
        p.addAll(PerceptronParams.solverParams());
        return p;
    }

    @Override
    public int defaultSamples() {
        return 8;
    }

    static String column(double d) {
        return "dE_" + (d == 0 ? "0" : String.format(Locale.ROOT, "%s", d));
    }

    @Override
    public List<String> observables() {
        List<String> o = new ArrayList<>(List.of("solved"));
        for (double d : DISTANCES) {
            o.add(column(d));
        }
        return o;
    }

    @Override
    public List<String> tableObservables() {
        return List.of("solved", column(0.01), column(0.05), column(0.2));
    }

    @Override
    public void validate(Point pt) {
        PerceptronParams.validate(pt, pt.real("kappa"));
    }

    @Override
    public double cost(Point pt) {
        return (double) pt.integer("n") * PerceptronParams.examples(pt) * (1 + pt.integer("moves"));
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        PerceptronInstance inst = PerceptronParams.storage(pt, unit, INSTANCE);
        SolverOutcome o = PerceptronParams.solve(pt, unit, inst, pt.real("kappa"), 1, backend, Purpose.TRAINING).get(0);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("solved", o.solved() ? 1.0 : 0.0);
        for (int k = 0; k < DISTANCES.length; k++) {
            // moves are drawn from the instance's streams: every margin meets the same perturbations
            double e = o.solved() ? LocalEnergy.at(inst, o.weights(), PerceptronParams.binary(pt), DISTANCES[k], pt.integer("moves"),
                    unit.instanceStream(INSTANCE, Purpose.PERTURBATION, k).family()) : Double.NaN;
            out.put(column(DISTANCES[k]), e);
        }
        return UnitOutput.of(out);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.perceptron(pt.integer("n"), PerceptronParams.examples(pt), 0, 4 + pt.integer("moves"));
    }

    @Override
    public Figure figure() {
        Map<String, Double> at = new LinkedHashMap<>();
        for (double d : DISTANCES) {
            at.put(column(d), d);
        }
        return Figure.profile("distance d (overlap 1 - 2d with the solution)", at, "local energy delta_E(d): training error after the move")
                .withTitleParams("n", "alpha", "weights", "solver");
    }
}
