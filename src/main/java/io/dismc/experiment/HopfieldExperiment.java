package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.dynamics.InitialCondition;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.model.Couplings;
import io.dismc.model.HopfieldNetwork;
import io.dismc.model.Overlap;
import io.dismc.data.SpinMatrix;
import io.dismc.model.StandardHopfieldModel;
import io.dismc.rng.StreamIds.Purpose;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Storage in the standard Hopfield model (docs/models.md 1.1): start on (or near) pattern 1, relax, and
 * measure the Mattis overlap with it. Retrieval survives up to alpha_c ~= 0.138 at T = 0.
 */
public final class HopfieldExperiment implements Experiment {
    /** A run counts as retrieved when it ends this close to the pattern. */
    static final double RETRIEVED = 0.9;

    @Override
    public String name() {
        return "hopfield";
    }

    @Override
    public String title() {
        return "standard Hopfield model: retrieval overlap vs alpha (docs/models.md 1.1)";
    }

    @Override
    public List<Param> params() {
        return List.of(CommonParams.n("1000"), CommonParams.alpha("0.04:0.2:0.02"), CommonParams.TEMPERATURE,
                CommonParams.RULE, CommonParams.FLIP_FRACTION, CommonParams.maxSweeps("200"), CommonParams.FORM);
    }

    @Override
    public int defaultSamples() {
        return 8;
    }

    @Override
    public List<String> observables() {
        return List.of("m", "retrieved", "energy", "sweeps", "converged");
    }

    @Override
    public List<String> tableObservables() {
        return List.of("m", "retrieved", "sweeps");
    }

    @Override
    public void validate(Point point) {
        CommonParams.patternCount(point);
    }

    @Override
    public UnitOutput run(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.integer("n");
        int p = CommonParams.patternCount(pt);
        SpinMatrix patterns = StandardHopfieldModel.patterns(n, p, unit.stream(Purpose.PATTERNS), backend);
        Couplings couplings = HopfieldNetwork.store(patterns, CommonParams.form(pt), backend);
        byte[] target = patterns.column(0);
        byte[] start = InitialCondition.flipped(target, InitialCondition.flipCount(pt.real("flip-fraction"), n),
                unit.stream(Purpose.INITIAL_STATE));
        Relaxation r = backend.relax(couplings, List.of(new Replica(start, unit.stream(Purpose.DYNAMICS))),
                CommonParams.dynamics(pt)).get(0);
        double m = Overlap.of(r.state(), target);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("m", m);
        out.put("retrieved", m > RETRIEVED ? 1.0 : 0.0);
        out.put("energy", r.energyPerSpin());
        out.put("sweeps", (double) r.sweeps());
        out.put("converged", r.converged() ? 1.0 : 0.0);
        return UnitOutput.of(out);
    }

    /** Per sweep: N updates of O(min(P, N)) each (the cheaper field form). */
    @Override
    public double cost(Point pt) {
        int n = pt.integer("n");
        return (double) n * Math.min(Math.round(pt.real("alpha") * n), n);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.hopfield(pt.integer("n"), Math.round(pt.real("alpha") * pt.integer("n")), 0, false, false,
                CommonParams.form(pt));
    }

    @Override
    public Figure figure() {
        return new Figure("alpha", "alpha = P/N", false, List.of("m"), "overlap m with the stored pattern", null, null)
                .withTitleParams("n", "temperature", "flip-fraction");
    }
}
