package io.dismc.experiment;

import static io.dismc.experiment.CommonParams.ALPHA;
import static io.dismc.experiment.CommonParams.FLIP_FRACTION;
import static io.dismc.experiment.CommonParams.FORM;
import static io.dismc.experiment.CommonParams.N;

import io.dismc.backend.Backend;
import io.dismc.backend.Column;
import io.dismc.backend.Network;
import io.dismc.backend.RelaxationStats;
import io.dismc.backend.SpinStack;
import io.dismc.dynamics.InitialCondition;
import io.dismc.model.HopfieldNetwork;
import io.dismc.model.StandardHopfieldModel;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
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

    /**
     * A batch of samples of one point: every sample's patterns generated, stored and relaxed together on
     * the backend (one sweep launch for all of them), only the start choices and observables crossing.
     */
    @Override
    public List<Result> run(List<Unit> batch, Backend backend) {
        Point pt = batch.get(0).point();
        int n = pt.get(N);
        int p = CommonParams.patternCount(pt);
        try (SpinStack xi = StandardHopfieldModel.patterns(n, p, Batch.streams(batch, Purpose.PATTERNS, 0), backend);
             Network network = HopfieldNetwork.store(xi, pt.get(FORM), backend)) {
            List<Column> targets = new ArrayList<>();
            List<Column> starts = new ArrayList<>();
            for (int b = 0; b < batch.size(); b++) {
                targets.add(Column.of(xi, b, 0));
                starts.add(targets.get(b).flipped(InitialCondition.flipSites(n, flips(batch.get(b)), batch.get(b).stream(Purpose.INITIAL_STATE))));
            }
            try (SpinStack s = backend.states(starts)) {
                List<RelaxationStats> r = backend.relax(network, Batch.identity(batch.size()), s, Batch.streams(batch, Purpose.DYNAMICS, 0),
                        CommonParams.dynamics(pt));
                double[] m = backend.overlaps(s, targets);
                List<Result> out = new ArrayList<>();
                for (int b = 0; b < batch.size(); b++) {
                    out.add(new Result(m[b], m[b] > RETRIEVED, r.get(b).energyPerSpin(), r.get(b).sweeps(), r.get(b).converged()));
                }
                return out;
            }
        }
    }

    /** Per sweep: N updates of O(min(P, N)) each (the cheaper field form). */
    /**
     * Points that differ only in the initial distance share shapes and dynamics: their samples batch
     * together (one sweep launch over all of them, each replica with its own disorder and start).
     */
    @Override
    public Object batchKey(Point pt) {
        return CommonParams.dynamicsKey(pt);
    }

    private static int flips(Unit u) {
        return InitialCondition.flipCount(u.point().get(FLIP_FRACTION), u.point().get(N));
    }

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
