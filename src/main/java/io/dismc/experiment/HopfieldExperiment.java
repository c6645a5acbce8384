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
import io.dismc.theory.hopfield.AgsState;
import io.dismc.theory.hopfield.AgsTheory;
import io.dismc.theory.hopfield.BranchCurves;
import io.dismc.theory.hopfield.ConvergenceFailure;
import io.dismc.theory.hopfield.RetrievalLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Storage in the standard Hopfield model (docs/models.md 1.1): start on (or near) pattern 1, relax, and
 * measure the Mattis overlap with it. Retrieval survives up to alpha_c ~= 0.138 at T = 0. The figure carries
 * the replica-symmetric retrieval branch of Amit, Gutfreund and Sompolinsky at the run's temperatures, and
 * every unit its value, m_theory (docs/models.md 1.4).
 */
public final class HopfieldExperiment extends Experiment<HopfieldExperiment.Result> {
    /** A run counts as retrieved when it ends this close to the pattern. */
    static final double RETRIEVED = 0.9;
    /** Points along a drawn theory branch. */
    static final int THEORY_POINTS = 120;

    /**
     * One sample: the final overlap, whether it retrieved, the energy per spin, sweeps, whether it reached a
     * fixed point, and the RS (AGS) retrieval overlap at this load and temperature (0 where no retrieval
     * solution exists; docs/models.md 1.4).
     */
    public record Result(double m, boolean retrieved, double energy, int sweeps, boolean converged, double m_theory) {}

    public HopfieldExperiment() {
        super(Descriptor.of("hopfield", Result.class)
                .title("standard Hopfield model: retrieval overlap vs alpha (docs/models.md 1.1)")
                .params(N, ALPHA, CommonParams.TEMPERATURE, CommonParams.RULE, FLIP_FRACTION, CommonParams.MAX_SWEEPS, FORM)
                .samples(8)
                .table("m", "m_theory", "retrieved", "sweeps")
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
        double mTheory = theoryOverlap((double) p / n, pt.get(CommonParams.TEMPERATURE));
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
                    out.add(new Result(m[b], m[b] > RETRIEVED, r.get(b).energyPerSpin(), r.get(b).sweeps(), r.get(b).converged(), mTheory));
                }
                return out;
            }
        }
    }

    /**
     * The AGS retrieval overlap at the realized load P/N and temperature T, 0 where there is no retrieval
     * solution, NaN should the finite-T solver fail (a run never stops for its theory column).
     */
    static double theoryOverlap(double alpha, double temperature) {
        try {
            return AgsTheory.overlap(alpha, temperature);
        } catch (ConvergenceFailure e) {
            return Double.NaN;
        }
    }

    /**
     * The AGS retrieval branch m(alpha) at each temperature of the run over its loads, ending with a drop to
     * m = 0 at the spinodal alpha_c (T = 0) or alpha_M(T) when that lies in the range; coloured like the
     * curves of its temperature when temperatures are swept.
     */
    @Override
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        TreeSet<Double> alphas = new TreeSet<>();
        TreeSet<Double> temperatures = new TreeSet<>();
        for (PointSummary s : summaries) {
            alphas.add(s.point().get(ALPHA));
            temperatures.add(s.point().get(CommonParams.TEMPERATURE));
        }
        List<TheoryCurve> out = new ArrayList<>();
        if (alphas.isEmpty()) {
            return out;
        }
        for (double t : temperatures) {
            List<AgsState> branch;
            try {
                branch = BranchCurves.ags(t, alphas.first(), alphas.last(), THEORY_POINTS);
            } catch (ConvergenceFailure e) {
                continue; // no line rather than no figure
            }
            if (branch.isEmpty()) {
                continue;
            }
            Optional<AgsState> top = t == 0 ? Optional.of(AgsTheory.capacity()) : RetrievalLine.spinodal(t);
            boolean drop = top.isPresent() && top.get().alpha() <= alphas.last();
            int k = branch.size() + (drop ? 1 : 0);
            double[] x = new double[k];
            double[] y = new double[k];
            for (int i = 0; i < branch.size(); i++) {
                x[i] = branch.get(i).alpha();
                y[i] = branch.get(i).m();
            }
            if (drop) {
                x[k - 1] = top.get().alpha();
                y[k - 1] = 0; // beyond the spinodal the only RS solutions have m = 0
            }
            String name = t == 0
                    ? String.format(Locale.ROOT, "AGS RS m(alpha), T = 0: alpha_c = %.4f", AgsTheory.capacity().alpha())
                    : String.format(Locale.ROOT, "AGS RS m(alpha), T = %s: alpha_M = %.4f", Point.canonical(t), top.get().alpha());
            TheoryCurve c = new TheoryCurve(name, x, y).of("m");
            out.add(swept.contains(CommonParams.TEMPERATURE.name()) ? c.at(CommonParams.TEMPERATURE.name(), t) : c);
        }
        return out;
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
