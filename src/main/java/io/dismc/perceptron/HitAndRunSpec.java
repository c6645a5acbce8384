package io.dismc.perceptron;

/**
 * Parameters of a hit-and-run run on {w : |w|^2 = N, Delta^mu(w) &gt;= kappa for all mu} (docs/models.md,
 * section "Equilibrium samplers").
 *
 * @param kappa        margin of the constraints
 * @param move         proposal family
 * @param burnIn       moves before the first sample
 * @param thin         moves between samples
 * @param samples      samples per chain: sample k is the state after burnIn + k thin moves
 * @param reanchorEvery every this many moves w is renormalized onto |w|^2 = N and the stabilities are
 *                     recomputed from scratch (the incremental update drifts by rounding)
 */
public record HitAndRunSpec(double kappa, HitAndRunMove move, long burnIn, long thin, int samples, int reanchorEvery) {
    public HitAndRunSpec {
        if (!Double.isFinite(kappa) || move == null) {
            throw new IllegalArgumentException("hit-and-run needs a finite kappa and a move");
        }
        if (burnIn < 0 || thin < 1 || samples < 1 || reanchorEvery < 1) {
            throw new IllegalArgumentException("hit-and-run needs burnIn >= 0, thin >= 1, samples >= 1, reanchorEvery >= 1; got "
                    + burnIn + ", " + thin + ", " + samples + ", " + reanchorEvery);
        }
    }

    /**
     * The spec's recommended decorrelation time for great-circle moves from a descent start, 0.5 alpha^2 N^2
     * moves (measured: the pairwise overlap reaches q after about 0.3 alpha^2 N^2); at least 1000.
     */
    public static long decorrelationMoves(int n, int p) {
        double alpha = (double) p / n;
        return Math.max(1000, (long) Math.ceil(0.5 * alpha * alpha * n * (double) n));
    }

    /**
     * burnIn = thin = {@link #decorrelationMoves} (so consecutive samples of a chain are decorrelated too),
     * re-anchoring every 200 great-circle moves (O(N P) each, like a move) or every 4N pair moves (a
     * re-anchoring then costs P per move, a fraction of the move's own O(P)).
     */
    public static HitAndRunSpec recommended(int n, int p, double kappa, HitAndRunMove move, int samples) {
        long t = decorrelationMoves(n, p);
        return new HitAndRunSpec(kappa, move, t, t, samples, move == HitAndRunMove.GREAT_CIRCLE ? 200 : 4 * n);
    }

    public HitAndRunSpec withKappa(double k) {
        return new HitAndRunSpec(k, move, burnIn, thin, samples, reanchorEvery);
    }

    public long totalMoves() {
        return burnIn + (samples - 1) * thin;
    }
}
