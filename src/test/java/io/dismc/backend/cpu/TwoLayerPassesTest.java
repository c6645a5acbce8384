package io.dismc.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.backend.Examples;
import io.dismc.backend.TwoLayerShape;
import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;
import io.dismc.twolayer.Dataset;
import io.dismc.twolayer.Parameterization;
import io.dismc.twolayer.TwoLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The CPU twin of kernels/two_layer.cu: the gradient of the data term, and the SGD minibatch rows (docs/models.md 3.3). */
class TwoLayerPassesTest {

    @ParameterizedTest(name = "{0} {1} readout {2}")
    @CsvSource({"LINEAR, NTK, false", "LINEAR, MUP, true", "ERF, NTK, true", "ERF, MUP, false", "TANH, NTK, true",
            "TANH, MUP, true", "RELU, NTK, true", "RELU, MUP, false"})
    void analyticGradientEqualsFiniteDifferences(Activation g, Parameterization param, boolean trainReadout) {
        int n = 7;
        int k = 3;
        int p = 11;
        TwoLayerShape s = new TwoLayerNetwork(n, k, g, param, 1.3, trainReadout).shape();
        Dataset d = Dataset.gaussianInputs(n, p, new RandomStream(1, 2));
        double[] y = new double[p];
        new RandomStream(1, 3).gaussians(0, y, 0, p);
        Examples e = d.withTargets(y).examples();
        double[] w = new double[s.parameterCount()];
        new RandomStream(1, 4).gaussians(0, w, 0, w.length);
        double[] grad = new double[w.length];
        TwoLayerPasses.Scratch sc = new TwoLayerPasses.Scratch(s, p);
        TwoLayerPasses.lossAndGradient(s, w, e, grad, sc);
        double h = 1e-6;
        double[] dummy = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double keep = w[i];
            w[i] = keep + h;
            double up = TwoLayerPasses.lossAndGradient(s, w, e, dummy, sc);
            w[i] = keep - h;
            double down = TwoLayerPasses.lossAndGradient(s, w, e, dummy, sc);
            w[i] = keep;
            double fd = (up - down) / (2 * h);
            double scale = Math.max(Math.abs(fd), 1e-3);
            assertEquals(fd, grad[i], 1e-5 * scale, "parameter " + i);
        }
    }

    /** Row q of minibatch t is example below(word 2^40 + t b + q, P) of the stream, with its target, and xt is x transposed. */
    @Test
    void minibatchRowsComeFromTheStreamsWords() {
        int n = 5;
        int p = 9;
        int b = 4;
        Dataset d = Dataset.gaussianInputs(n, p, new RandomStream(3, 1));
        double[] y = new double[p];
        for (int mu = 0; mu < p; mu++) {
            y[mu] = mu;
        }
        Examples all = d.withTargets(y).examples();
        RandomStream stream = new RandomStream(3, 2);
        Examples mb = TwoLayerPasses.minibatch(all, b, stream, 7);
        for (int q = 0; q < b; q++) {
            int mu = RandomStream.below(stream.word((1L << 40) + 7L * b + q), p);
            assertEquals(mu, mb.y()[q], "target of row " + q);
            for (int i = 0; i < n; i++) {
                assertEquals(all.x()[mu * n + i], mb.x()[q * n + i]);
                assertEquals(mb.x()[q * n + i], mb.xt()[i * b + q]);
            }
        }
        assertArrayEquals(mb.y(), TwoLayerPasses.minibatch(all, b, new RandomStream(3, 2), 7).y(), "addressed by (stream, step)");
    }
}
