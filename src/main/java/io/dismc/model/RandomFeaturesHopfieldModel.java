package io.dismc.model;

import io.dismc.backend.Backend;
import io.dismc.backend.RealStack;
import io.dismc.backend.SpinStack;
import io.dismc.rng.RandomStream;
import java.util.List;

/**
 * Random-Features Hopfield Model (Negri et al. 2023; docs/models.md 1.2): D features z^k (columns of F,
 * N x D) and P patterns xi^mu = sign(F c^mu), sign(0) = +1, for a batch of instances at once: features,
 * latents and patterns are generated, projected and stored on the backend, where they stay. Sparse
 * mixtures (docs/models.md 1.3.1) choose their features and weights here (P L numbers per instance)
 * and are built on the backend.
 *
 * @param n spins N
 * @param d features D (already made odd for binary latents, see {@link #featureCount})
 * @param featureKind distribution of F
 */
public record RandomFeaturesHopfieldModel(int n, int d, FeatureKind featureKind) {

    /** D = round(alpha_D N), at least 1, made odd for binary latents so that no pattern entry is 0. */
    public static int featureCount(int n, double alphaD, LatentKind latents) {
        int d = Math.max(1, (int) Math.round(alphaD * n));
        if (latents == LatentKind.BINARY && d % 2 == 0) {
            d += 1;
        }
        return d;
    }

    /**
     * The features of every instance, drawn from its stream: +-1 spins, or Gaussians snapped to the
     * exact-projection grid together with their signs.
     */
    public Features features(List<RandomStream> streams, Backend backend) {
        if (featureKind == FeatureKind.BINARY) {
            SpinStack f = backend.randomSpins(streams, n, d);
            return new Features(f, null, f);
        }
        RealStack g = backend.gaussians(streams, n, d);
        backend.snapToGrid(g, ProjectionGrid.GAUSSIAN_FEATURES);
        return new Features(null, g, backend.signs(g));
    }

    /**
     * P dense-latent patterns per instance: c (D x P, draw k*P+mu at entry (k, mu)) Gaussian or binary,
     * then sign(F c), all on the backend.
     */
    public SpinStack densePatterns(Features features, int p, LatentKind latents, List<RandomStream> streams, Backend backend) {
        try (RealStack c = backend.gaussians(streams, d, p)) {
            if (latents == LatentKind.BINARY) {
                backend.binarize(c);
            } else {
                backend.snapToGrid(c, featureKind == FeatureKind.BINARY ? ProjectionGrid.LATENTS_WITH_SPIN_FEATURES
                        : ProjectionGrid.GAUSSIAN_FEATURES);
            }
            return features.spins() != null ? backend.signProjection(features.spins(), c) : backend.signProjection(features.real(), c);
        }
    }

    /**
     * P sparse mixtures per instance: example mu mixes exactly L distinct features (positions from words
     * [mu L, mu L + L) of its position stream by partial Fisher-Yates) with weights (Gaussians mu L + q of
     * its weight stream, or their signs when binaryWeights).
     */
    public SpinStack sparseMixtures(Features features, int p, int l, boolean binaryWeights, List<RandomStream> positionStreams,
                                    List<RandomStream> weightStreams, Backend backend) {
        if (l < 1 || l > d) {
            throw new IllegalArgumentException("sparsity L must be in [1, D=" + d + "], got " + l);
        }
        int count = positionStreams.size();
        int[][] chosen = new int[count][];
        double[][] weights = new double[count][];
        for (int b = 0; b < count; b++) {
            chosen[b] = mixtureFeatures(p, l, positionStreams.get(b));
            weights[b] = new double[p * l];
            weightStreams.get(b).gaussians(0, weights[b], 0, p * l);
            if (binaryWeights) {
                for (int e = 0; e < weights[b].length; e++) {
                    weights[b][e] = weights[b][e] >= 0 ? 1.0 : -1.0;
                }
            }
        }
        return features.spins() != null ? backend.mixtures(features.spins(), p, l, chosen, weights)
                : backend.mixtures(features.real(), p, l, chosen, weights);
    }

    /** The L features of each of P examples: a partial Fisher-Yates over the D slots, undone after each example. */
    int[] mixtureFeatures(int p, int l, RandomStream positions) {
        int[] slots = new int[d];
        for (int k = 0; k < d; k++) {
            slots[k] = k;
        }
        int[] words = new int[l];
        int[] chosen = new int[p * l];
        for (int mu = 0; mu < p; mu++) {
            positions.words((long) mu * l, words, 0, l);
            for (int q = 0; q < l; q++) {
                int j = q + RandomStream.below(words[q], d - q);
                int t = slots[q];
                slots[q] = slots[j];
                slots[j] = t;
            }
            System.arraycopy(slots, 0, chosen, mu * l, l);
            // undo the swaps in reverse so the next example starts from the identity again
            for (int q = l - 1; q >= 0; q--) {
                int j = q + RandomStream.below(words[q], d - q);
                int t = slots[q];
                slots[q] = slots[j];
                slots[j] = t;
            }
        }
        return chosen;
    }

    /**
     * The features of a batch: exactly one of spins (binary features) or real (Gaussian features) is the
     * generating stack; signs is always the +-1 version used for overlaps and initial states.
     */
    public record Features(SpinStack spins, RealStack real, SpinStack signs) implements AutoCloseable {
        @Override
        public void close() {
            if (real != null) {
                real.close();
                signs.close();
            } else {
                spins.close();
            }
        }
    }
}
