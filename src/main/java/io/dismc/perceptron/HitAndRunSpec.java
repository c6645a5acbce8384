package io.dismc.perceptron;

/**
 * Parameters of a hit-and-run run on {w : |w|^2 = N, Delta^mu(w) &gt;= kappa for all mu} (docs/models.md
 * 2.2.1).
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
     * Moves to decorrelate a chain from a descent start: max(alpha^2, 1/2) N^2, at least 1000. The spec
     * recommends 0.5 alpha^2 N^2 (great circles, alpha = 1-2); measured here with pair rotations at alpha = 1
     * (N = 200-1000) the spec's diagnostic (overlap with own start within 0.02 of the overlap between chains)
     * is met after about 0.75 N^2, and at alpha = 0.5 about 0.5 N^2 are needed (not 0.125 N^2).
     */
    public static long decorrelationMoves(int n, int p) {
        double alpha = (double) p / n;
        return Math.max(1000, (long) Math.ceil(Math.max(alpha * alpha, 0.5) * n * (double) n));
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
