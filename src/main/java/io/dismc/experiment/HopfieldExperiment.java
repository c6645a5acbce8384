package io.dismc.experiment;

import static io.dismc.experiment.CommonParams.ALPHA;
import static io.dismc.experiment.CommonParams.FLIP_FRACTION;
import static io.dismc.experiment.CommonParams.FORM;
import static io.dismc.experiment.CommonParams.N;

import io.dismc.backend.Backend;
import io.dismc.dynamics.InitialCondition;
import io.dismc.dynamics.Relaxation;
import io.dismc.dynamics.Replica;
import io.dismc.model.Couplings;
import io.dismc.model.HopfieldNetwork;
import io.dismc.model.Overlap;
import io.dismc.data.SpinMatrix;
import io.dismc.model.StandardHopfieldModel;
import io.dismc.rng.StreamIds.Purpose;
import java.util.List;

/**
 * Storage in the standard Hopfield model (docs/models.md 1.1): start on (or near) pattern 1, relax, and
 * measure the Mattis overlap with it. Retrieval survives up to alpha_c ~= 0.138 at T = 0.
 */
public final class HopfieldExperiment extends Experiment<HopfieldExperiment.Result> {
    /** A run counts as retrieved when it ends this close to the pattern. */
    static final double RETRIEVED = 0.9;

    /** One sample: the final overlap, whether it retrieved, the energy per spin, sweeps, whether it reached a fixed point. */
    public record Result(double m, boolean retrieved, double energy, int sweeps, boolean converged) {}

    public HopfieldExperiment() {
        super(Descriptor.of("hopfield", Result.class)
                .title("standard Hopfield model: retrieval overlap vs alpha (docs/models.md 1.1)")
                .params(N, ALPHA, CommonParams.TEMPERATURE, CommonParams.RULE, FLIP_FRACTION, CommonParams.MAX_SWEEPS, FORM)
                .samples(8)
                .table("m", "retrieved", "sweeps")
                .figure(new Figure("alpha", "alpha = P/N", false, List.of("m"), "overlap m with the stored pattern", null, null)
                        .withTitleParams("n", "temperature", "flip-fraction")));
    }

    @Override
    public void validate(Point point) {
        CommonParams.patternCount(point);
    }

    @Override
    protected Result unit(Unit unit, Backend backend) {
        Point pt = unit.point();
        int n = pt.get(N);
        int p = CommonParams.patternCount(pt);
        SpinMatrix patterns = StandardHopfieldModel.patterns(n, p, unit.stream(Purpose.PATTERNS), backend);
        Couplings couplings = HopfieldNetwork.store(patterns, pt.get(FORM), backend);
        byte[] target = patterns.column(0);
        byte[] start = InitialCondition.flipped(target, InitialCondition.flipCount(pt.get(FLIP_FRACTION), n),
                unit.stream(Purpose.INITIAL_STATE));
        Relaxation r = backend.relax(couplings, List.of(new Replica(start, unit.stream(Purpose.DYNAMICS))),
                CommonParams.dynamics(pt)).get(0);
        double m = Overlap.of(r.state(), target);
        return new Result(m, m > RETRIEVED, r.energyPerSpin(), r.sweeps(), r.converged());
    }

    /** Per sweep: N updates of O(min(P, N)) each (the cheaper field form). */
    @Override
    public double cost(Point pt) {
        int n = pt.get(N);
        return (double) n * Math.min(Math.round(pt.get(ALPHA) * n), n);
    }

    @Override
    public long memoryBytes(Point pt) {
        return MemoryEstimate.hopfield(pt.get(N), Math.round(pt.get(ALPHA) * pt.get(N)), 0, false, false, pt.get(FORM));
    }
}
