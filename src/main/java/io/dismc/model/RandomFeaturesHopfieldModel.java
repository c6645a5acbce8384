package io.dismc.model;

import io.dismc.data.RealMatrix;
import io.dismc.data.SpinMatrix;
import io.dismc.backend.Backend;
import io.dismc.rng.RandomStream;

/**
 * Random-Features Hopfield Model (Negri et al. 2023; docs/models.md 1.2): D features z^k (columns of F,
 * N x D) and P patterns xi^mu = sign(F c^mu), sign(0) = +1. The dense product runs on the backend;
 * sparse mixtures (docs/models.md 1.3.1) are O(N L) per example and built here.
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

    /** The features, drawn from the stream: +-1 spins, or Gaussians snapped to the exact-projection grid. */
    public Features features(RandomStream stream, Backend backend) {
        if (featureKind == FeatureKind.BINARY) {
            SpinMatrix f = backend.randomSpins(stream, n, d);
            return new Features(f, null, f);
        }
        double[] g = ProjectionGrid.snap(backend.gaussians(stream, Math.multiplyExact(n, d)), ProjectionGrid.GAUSSIAN_FEATURES);
        byte[] signs = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            signs[i] = (byte) (g[i] >= 0 ? 1 : -1);
        }
        return new Features(null, new RealMatrix(n, d, g), new SpinMatrix(n, d, signs));
    }

    /**
     * P dense-latent patterns: c (D x P, draw k*P+mu at entry (k, mu)) Gaussian or binary, then
     * sign(F c) on the backend.
     */
    public SpinMatrix densePatterns(Features features, int p, LatentKind latents, RandomStream stream, Backend backend) {
        double[] c = backend.gaussians(stream, Math.multiplyExact(d, p));
        if (latents == LatentKind.BINARY) {
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i] >= 0 ? 1.0 : -1.0;
            }
        } else {
            double grid = featureKind == FeatureKind.BINARY ? ProjectionGrid.LATENTS_WITH_SPIN_FEATURES : ProjectionGrid.GAUSSIAN_FEATURES;
            ProjectionGrid.snap(c, grid);
        }
        RealMatrix cm = new RealMatrix(d, p, c);
        return features.spins() != null ? backend.signProjection(features.spins(), cm)
                : backend.signProjection(features.real(), cm);
    }

    /**
     * P sparse mixtures: example mu mixes exactly L distinct features (positions from words
     * [mu L, mu L + L) of positionStream by partial Fisher-Yates) with weights (Gaussians mu L + q of
     * weightStream, or their signs when binaryWeights).
     */
    public SpinMatrix sparseMixtures(Features features, int p, int l, boolean binaryWeights,
                                     RandomStream positionStream, RandomStream weightStream) {
        if (l < 1 || l > d) {
            throw new IllegalArgumentException("sparsity L must be in [1, D=" + d + "], got " + l);
        }
        int[] slots = new int[d];
        for (int k = 0; k < d; k++) {
            slots[k] = k;
        }
        int[] words = new int[l];
        double[] w = new double[l];
        int[] chosen = new int[l];
        double[] field = new double[n];
        byte[] out = new byte[n * p];
        for (int mu = 0; mu < p; mu++) {
            positionStream.words((long) mu * l, words, 0, l);
            weightStream.gaussians((long) mu * l, w, 0, l);
            for (int q = 0; q < l; q++) {
                int j = q + io.dismc.rng.RandomStream.below(words[q], d - q);
                int t = slots[q];
                slots[q] = slots[j];
                slots[j] = t;
            }
            System.arraycopy(slots, 0, chosen, 0, l);
            // undo the swaps in reverse so the next example starts from the identity again
            for (int q = l - 1; q >= 0; q--) {
                int j = q + io.dismc.rng.RandomStream.below(words[q], d - q);
                int t = slots[q];
                slots[q] = slots[j];
                slots[j] = t;
            }
            java.util.Arrays.fill(field, 0.0);
            for (int q = 0; q < l; q++) {
                double weight = binaryWeights ? (w[q] >= 0 ? 1.0 : -1.0) : w[q];
                int k = chosen[q];
                for (int i = 0; i < n; i++) {
                    field[i] += weight * features.value(i, k);
                }
            }
            for (int i = 0; i < n; i++) {
                out[i * p + mu] = (byte) (field[i] >= 0 ? 1 : -1);
            }
        }
        return new SpinMatrix(n, p, out);
    }

    /**
     * The feature matrix: exactly one of spins (binary features) or real (Gaussian features) is the
     * generating matrix; signs is always the +-1 version used for overlaps and initial states.
     */
    public record Features(SpinMatrix spins, RealMatrix real, SpinMatrix signs) {
        public double value(int i, int k) {
            return spins != null ? spins.get(i, k) : real.get(i, k);
        }

        /** sign(z^k) as a configuration. */
        public byte[] feature(int k) {
            return signs.column(k);
        }
    }
}
