package io.dismc.experiment;

import io.dismc.amp.AmpProblem;
import io.dismc.amp.AmpResult;
import io.dismc.amp.AmpSettings;
import io.dismc.amp.GampBatch;
import io.dismc.amp.InstanceStreams;
import io.dismc.amp.SeTrajectory;
import io.dismc.amp.Start;
import io.dismc.backend.Backend;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.rng.StreamIds.Purpose;
import java.util.ArrayList;
import java.util.List;

/**
 * What the AMP experiments share (docs/models.md 4): their options, defined once with the names scripts
 * use; the streams of an instance (its F, x0 and noise each from its own counter-addressed stream, keyed
 * by the instance-defining parameters only, so the algorithm, the start, the damping and the matrix mode
 * meet the same instances); the batched run, split to the heap; the per-iteration checkpoints.
 */
final class AmpParams {
    enum Algorithm { BAYES, L1 }

    enum StartKind { UNINFORMED, INFORMED }

    enum MatrixKind { STORED, REGENERATE }

    /** The informed start: a = x0 + 1e-3 xi, v = 1e-6, so that MSE_0 = 1e-6 = the informed SE's E_0 (docs/models.md 4.4). */
    static final double INFORMED_PERTURBATION = 1e-3;
    static final double INFORMED_VARIANCE = INFORMED_PERTURBATION * INFORMED_PERTURBATION;
    /** Iterations at which the MSE is recorded as a column (held at its last value once an instance stops). */
    static final int[] CHECKPOINTS = {1, 2, 3, 5, 10, 20, 50, 100, 200, 500};
    /** State evolution: iteration cap and relative tolerance (SE needs ~380 iterations next to a spinodal). */
    static final int SE_ITERATIONS = 5000;
    static final double SE_TOLERANCE = 1e-10;

    static final Param<Algorithm> ALGORITHM = Param.choice("algorithm", "bayes", Algorithm.class,
            "bayes: Bayes-optimal AMP (the teacher's prior and channel); l1: soft-threshold AMP (LASSO, Donoho-Maleki-Montanari)");
    static final Param<StartKind> START = Param.choice("start", "uninformed", StartKind.class,
            "uninformed: a = prior mean, v = prior variance; informed: a = x0 + 1e-3 xi, v = 1e-6 (reveals the hard phase)");
    static final Param<Double> DAMPING = Param.real("damping", "0", 0, true, 1, false,
            "weight beta of the PREVIOUS iterate: a <- beta a_old + (1 - beta) a_new, same for v (0: undamped; tramp's"
                    + " convention, vampyre's step is 1 - beta)");
    static final Param<Double> TOLERANCE = Param.real("tolerance", "1e-12", 0, true, 1, true,
            "stop when mean((a^{t+1} - a^t)^2)/(1 - beta)^2 < tolerance mean((a^{t+1})^2)");
    static final Param<MatrixKind> MATRIX = Param.choice("matrix", "stored", MatrixKind.class,
            "stored: each F generated once and kept (8 M N bytes per instance); regenerate: F never stored, every"
                    + " product regenerates it from its Philox address (the same bits, slower)");

    private AmpParams() {}

    static Param<Integer> n(String def) {
        return Param.integer("n", def, 2, 100_000_000, "signal dimension N (number of unknowns)");
    }

    static Param<Double> alpha(String def) {
        return Param.real("alpha", def, 0, false, 1000, true, "measurement rate alpha = M/N (M = round(alpha N) rows of F)");
    }

    static Param<Integer> maxIterations(String def) {
        return Param.integer("max-iterations", def, 1, 1_000_000, "iteration cap T_max per instance");
    }

    /** M = round(alpha N), at least 1. */
    static int rows(int n, double alpha, String alphaOption) {
        long m = Math.round(alpha * n);
        if (m < 1 || m > Integer.MAX_VALUE) {
            throw UsageError.option(alphaOption, "alpha = " + alpha + " gives M = round(alpha N) = " + m + " rows at N = " + n,
                    "alpha >= " + 0.5 / n + " so that M >= 1, and M < 2^31");
        }
        return (int) m;
    }

    static Start start(Point pt) {
        return pt.get(START) == StartKind.INFORMED ? Start.informed(INFORMED_PERTURBATION, INFORMED_VARIANCE) : Start.uninformed();
    }

    /** The options every AMP experiment applies to its settings. */
    static AmpSettings settings(AmpSettings base, Point pt, Param<Integer> maxIterations) {
        return base.withMaxIterations(pt.get(maxIterations)).withTolerance(pt.get(TOLERANCE)).withDampingOld(pt.get(DAMPING))
                .withStart(start(pt));
    }

    static boolean stored(Point pt) {
        return pt.get(MATRIX) == MatrixKind.STORED;
    }

    /** Unit bytes: the vectors, plus the stored matrix or the regeneration scratch. */
    static long memoryBytes(int n, int m, boolean stored) {
        long vectors = GampBatch.vectorBytes(1, n, m) + 64L * n;
        return vectors + (stored ? 8L * m * n : 8L * (32L * n + 1024));
    }

    /** The streams of a unit's instance: F, x0 and the output noise, keyed by the instance parameters only. */
    static InstanceStreams streams(Unit u, List<Param<?>> instance) {
        return new InstanceStreams(u.instanceStream(instance, Purpose.INPUTS, 0).streamId(),
                u.instanceStream(instance, Purpose.TEACHER, 0).streamId(), u.instanceStream(instance, Purpose.NOISE, 0).streamId());
    }

    /**
     * The batch as one GampBatch (or as few as the heap needs): the instances advance in lock-step, each
     * stopping on its own, on the backend's linear operations. A chunk holds at most as many units as the
     * heap share of one concurrently running batch allows (the runner checked that one unit per thread fits).
     */
    static List<AmpResult> run(List<Unit> batch, Backend backend, AmpProblem problem, AmpSettings settings, List<Param<?>> instance,
                               boolean stored) {
        long unit = backend.name().equals("cpu") ? memoryBytes(problem.n(), problem.m(), stored) : memoryBytes(problem.n(), problem.m(), false);
        long share = (long) (Runtime.getRuntime().maxMemory() * 0.6 - (96L << 20)) / Math.max(1, backend.threads());
        int chunk = (int) Math.max(1, Math.min(batch.size(), share / Math.max(1, unit)));
        List<AmpResult> out = new ArrayList<>(batch.size());
        GampBatch amp = new GampBatch(problem, settings, backend.pool());
        long seed = batch.get(0).seed();
        for (int from = 0; from < batch.size(); from += chunk) {
            List<InstanceStreams> streams = new ArrayList<>();
            for (Unit u : batch.subList(from, Math.min(batch.size(), from + chunk))) {
                streams.add(streams(u, instance));
            }
            out.addAll(amp.run(backend.linear(), stored, seed, streams));
        }
        return out;
    }

    /** values[t] for t = 0 .. T, and the last value beyond (an instance that stopped keeps its estimate). */
    static double held(double[] values, int t) {
        return values[Math.min(t, values.length - 1)];
    }

    /** The MSE at the checkpoints. */
    static double[] checkpoints(double[] mse) {
        double[] out = new double[CHECKPOINTS.length];
        for (int k = 0; k < CHECKPOINTS.length; k++) {
            out[k] = held(mse, CHECKPOINTS[k]);
        }
        return out;
    }

    /** SE's E_t for t = 0 .. length - 1, held at its fixed point after it stops. */
    static double[] seTrace(SeTrajectory se, int length) {
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            out[t] = held(se.mse(), t);
        }
        return out;
    }

    /** Evenly spaced points from lo to hi (count >= 2), with the given extra points merged in, ascending. */
    static double[] grid(double lo, double hi, int count, double... extra) {
        java.util.TreeSet<Double> s = new java.util.TreeSet<>();
        for (int k = 0; k < count; k++) {
            s.add(lo + (hi - lo) * k / (count - 1));
        }
        for (double e : extra) {
            if (e >= lo && e <= hi) {
                s.add(e);
            }
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
