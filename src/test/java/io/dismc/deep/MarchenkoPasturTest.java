package io.dismc.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import org.junit.jupiter.api.Test;

/**
 * The Marchenko-Pastur bulk of i.i.d. Gaussian weights at initialization (docs/models.md, section deep
 * networks and spectra). For K x M matrices of N(0, 1) entries, s = sigma / sqrt(M):
 * the mean top s over 8 draws is within 3 standard errors (plus 0.01 for the O(1/M) error of the
 * formula) of the finite-size Tracy-Widom prediction and within 7% below the asymptotic edge
 * sqrt(K/M) + 1 (the finite-size shift is O(M^(-2/3)): 4.5% at 32 x 32); the mean smallest s is within
 * 0.5 (sqrt(K/M) + 1) min(K, M)^(-2/3) of |sqrt(K/M) - 1| for K != M (the same finite-size scale; the
 * measured shifts are 0.18 of it or less); the empirical distribution of all s matches the MP law
 * (Kolmogorov distance &lt; 0.03 at 400 x 200, where the finite-size edge smearing is about 1%); and every
 * layer of a network initialized with sigma = 0.7 fills sigma times its layer's bulk.
 */
class MarchenkoPasturTest {
    static double[] gaussianMatrix(int k, int m, long seed) {
        double[] w = new double[k * m];
        new RandomStream(seed, 3).gaussians(0, w, 0, w.length);
        return w;
    }

    @Test
    void edgesAreTheClosedForm() {
        MarchenkoPastur.Edges e = MarchenkoPastur.edges(4);
        assertEquals(1, e.lower(), 1e-15);
        assertEquals(3, e.upper(), 1e-15);
        MarchenkoPastur.Edges v = MarchenkoPastur.edges(0.25, 4);
        assertEquals(1, v.lower(), 1e-15);
        assertEquals(3, v.upper(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.edges(0));
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.edges(1, -1));
    }

    @Test
    void singularValueDensityIsNormalized() {
        for (double q : new double[] {0.25, 1, 2, 16}) {
            MarchenkoPastur.Edges e = MarchenkoPastur.edges(q);
            int n = 200_000;
            double h = (e.upper() - e.lower()) / n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += MarchenkoPastur.singularValueDensity(e.lower() + (i + 0.5) * h, q) * h;
            }
            assertEquals(1, sum, 2e-3, "integral of the singular-value density at q = " + q);
        }
    }

    @Test
    void topAndBottomSingularValuesSitAtTheEdgesAtFiniteSize() {
        int[][] shapes = {{32, 32}, {128, 32}, {512, 32}, {64, 256}};
        int draws = 8;
        for (int[] sh : shapes) {
            int k = sh[0];
            int m = sh[1];
            double top = 0;
            double bottom = 0;
            for (int r = 0; r < draws; r++) {
                double[] s = WeightSpectrum.singularValues(gaussianMatrix(k, m, r), k, m);
                top += s[0] / draws;
                bottom += s[s.length - 1] / draws;
            }
            MarchenkoPastur.Edges e = MarchenkoPastur.edges((double) k / m);
            MarchenkoPastur.FiniteTop f = MarchenkoPastur.finiteSizeTop(k, m);
            String shape = k + " x " + m;
            assertEquals(f.mean(), top, 3 * f.sd() / Math.sqrt(draws) + 0.01, shape + ": mean top singular value vs Tracy-Widom");
            assertTrue(top < e.upper() && top > 0.93 * e.upper(), shape + ": mean top " + top + " vs the edge " + e.upper());
            if (k != m) {
                // the soft lower edge fluctuates on the same n^(-2/3) scale (n the smaller side) as the top
                double scale = e.upper() * Math.pow(Math.min(k, m), -2.0 / 3);
                assertEquals(e.lower(), bottom, 0.5 * scale, shape + ": mean smallest singular value vs the lower edge");
            }
        }
    }

    @Test
    void bulkFollowsTheMarchenkoPasturLaw() {
        int k = 400;
        int m = 200;
        double q = (double) k / m;
        double[] s = WeightSpectrum.singularValues(gaussianMatrix(k, m, 99), k, m);
        java.util.Arrays.sort(s);
        MarchenkoPastur.Edges e = MarchenkoPastur.edges(q);
        int grid = 20_000;
        double h = (e.upper() - e.lower()) / grid;
        double cdf = 0;
        double worst = 0;
        int below = 0;
        for (int i = 0; i < grid; i++) {
            double x = e.lower() + (i + 1) * h;
            cdf += MarchenkoPastur.singularValueDensity(x - h / 2, q) * h;
            while (below < s.length && s[below] <= x) {
                below++;
            }
            worst = Math.max(worst, Math.abs((double) below / s.length - cdf));
        }
        assertTrue(worst < 0.03, "Kolmogorov distance of the 400 x 200 singular values from Marchenko-Pastur: " + worst);
    }

    @Test
    void initialWeightsOfEveryLayerFillTheirBulk() {
        double sigma = 0.7;
        DeepNetwork net = new DeepNetwork(64, 128, 3, 1, Activation.TANH, DeepParameterization.MUP, 1, sigma, 128);
        double[] w = net.initialWeights(new RandomStream(4, 4));
        for (int l = 1; l < net.depth(); l++) {
            WeightSpectrum.Layer s = WeightSpectrum.of(net, w, l, 3, 0.0);
            MarchenkoPastur.FiniteTop f = MarchenkoPastur.finiteSizeTop(s.rows(), s.cols());
            assertEquals(sigma * f.mean(), s.top()[0], sigma * 4 * f.sd(), "layer " + l + " top singular value at init");
            assertEquals(sigma * (Math.sqrt((double) s.rows() / s.cols()) + 1), s.bulk().upper(), 1e-12, "layer " + l + " bulk edge");
            assertEquals(0, s.outliers(), "layer " + l + ": no outlier at init");
        }
    }
}
