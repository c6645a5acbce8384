package io.dismc.perceptron;

import io.dismc.data.PerceptronInstance;
import java.util.List;

/**
 * Observables of sampled solutions that the replica theory predicts (docs/models.md
 * 2.2.1): overlaps between independent samples (-&gt; q, or p between two margins), the
 * law of the training stabilities, and energies along geodesics between samples.
 */
public final class SolutionSpaceStatistics {
    private SolutionSpaceStatistics() {}

    /** Stabilities Delta^mu = xi^mu . w / sqrt(N) of weights on the sphere or +-1 weights. */
    public static double[] stabilities(PerceptronInstance inst, double[] w) {
        double[] h = inst.fields(w);
        double s = Math.sqrt(inst.n());
        for (int mu = 0; mu < h.length; mu++) {
            h[mu] /= s;
        }
        return h;
    }

    /** The margin min_mu Delta^mu. */
    public static double margin(PerceptronInstance inst, double[] w) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : stabilities(inst, w)) {
            m = Math.min(m, d);
        }
        return m;
    }

    /** Mean normalized overlap over all pairs of distinct weights in the list. */
    public static double meanPairOverlap(List<double[]> ws) {
        if (ws.size() < 2) {
            throw new IllegalArgumentException("a pair overlap needs at least 2 samples");
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < ws.size(); a++) {
            for (int b = a + 1; b < ws.size(); b++) {
                sum += PerceptronProblems.overlap(ws.get(a), ws.get(b));
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Mean normalized overlap over all pairs (one from each list). */
    public static double meanCrossOverlap(List<double[]> as, List<double[]> bs) {
        double sum = 0;
        for (double[] a : as) {
            for (double[] b : bs) {
                sum += PerceptronProblems.overlap(a, b);
            }
        }
        return sum / (as.size() * (double) bs.size());
    }

    /** Fraction of stabilities Delta^mu &lt; x over all patterns and all weights (the empirical CDF). */
    public static double stabilityCdf(PerceptronInstance inst, List<double[]> ws, double x) {
        long below = 0;
        for (double[] w : ws) {
            for (double d : stabilities(inst, w)) {
                below += d < x ? 1 : 0;
            }
        }
        return below / ((double) ws.size() * inst.p());
    }

    /**
     * Energy (fraction of patterns with Delta &lt; kappa) at normalized-linear t = k / (points - 1) on the
     * geodesic from a to b, averaged over the given pairs ({@link Geodesic#profile} per pair).
     */
    public static double[] meanGeodesicProfile(PerceptronInstance inst, List<double[]> as, List<double[]> bs, double kappa, int points) {
        if (as.size() != bs.size() || as.isEmpty()) {
            throw new IllegalArgumentException("geodesic profiles need as many ends a as ends b (and at least one)");
        }
        double[] mean = new double[points];
        for (int k = 0; k < as.size(); k++) {
            double[] e = Geodesic.profile(inst, as.get(k), bs.get(k), kappa, points);
            for (int t = 0; t < points; t++) {
                mean[t] += e[t] / as.size();
            }
        }
        return mean;
    }

    /**
     * The spec's convergence diagnostic for chains from a common kind of start: the mean overlap of each
     * chain's last sample with its own start has fallen to within `slack` (0.02 in the spec) of the mean
     * overlap between the chains' last samples.
     */
    public static boolean decorrelated(List<ChainResult> chains, double slack) {
        double self = 0;
        List<double[]> last = new java.util.ArrayList<>();
        for (ChainResult c : chains) {
            self += PerceptronProblems.overlap(c.last(), c.start()) / chains.size();
            last.add(c.last());
        }
        return self <= meanPairOverlap(last) + slack;
    }
}
