package io.dismc.deep;

import io.dismc.rng.RandomStream;
import io.dismc.twolayer.Activation;

/**
 * A depth-L fully connected network (docs/models.md, section deep networks and spectra): L weight
 * layers, input dimension D, L - 1 hidden layers of width N, C outputs,
 * <pre>
 *   h^1 = W^1 x / sqrt(D),   h^l = W^l phi(h^(l-1)) / sqrt(N)  (1 &lt; l &lt; L),   f = m_L W^L phi(h^(L-1)),
 * </pre>
 * with the readout multiplier m_L and learning-rate factor of the {@link DeepParameterization}, every
 * weight initialized N(0, sigma^2), phi linear (the deep linear network), erf, relu or tanh. The
 * weights are one flat vector: W^1 (N x D), W^2 .. W^(L-1) (N x N), W^L (C x N), each row-major.
 *
 * @param depth L, the number of weight layers (at least 2: one hidden layer)
 * @param gamma output scale gamma0 (divides the output; gamma^2 multiplies the learning rate)
 * @param sigma initialization standard deviation of every weight (the variance axis is sigma^2)
 * @param baseWidth N0, the width at which NTK and muP coincide
 */
public record DeepNetwork(int inputDim, int width, int depth, int outputs, Activation activation,
                          DeepParameterization parameterization, double gamma, double sigma, int baseWidth) {
    public DeepNetwork {
        if (inputDim < 1 || width < 1 || outputs < 1 || baseWidth < 1) {
            throw new IllegalArgumentException("deep network: D = " + inputDim + ", N = " + width + ", C = " + outputs
                    + ", N0 = " + baseWidth + " (each >= 1)");
        }
        if (depth < 2) {
            throw new IllegalArgumentException("--depth " + depth + ": a deep network has at least 2 weight layers");
        }
        if (!(gamma > 0) || !(sigma > 0) || Double.isInfinite(gamma) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("deep network: gamma = " + gamma + ", sigma = " + sigma + " (each > 0, finite)");
        }
        if (activation == Activation.SIGN) {
            throw new IllegalArgumentException("--activation sign has no gradient (accepted: linear, erf, relu, tanh)");
        }
        if ((long) width * width * depth + (long) width * inputDim > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("deep network too large: N = " + width + ", D = " + inputDim + ", L = " + depth);
        }
    }

    /** Rows of W^l (l = 1 .. L): N, or C for the readout. */
    public int rows(int layer) {
        check(layer);
        return layer == depth ? outputs : width;
    }

    /** Columns of W^l, its fan-in: D for the first layer, N otherwise. */
    public int cols(int layer) {
        check(layer);
        return layer == 1 ? inputDim : width;
    }

    /** Offset of W^l in the flat weight vector. */
    public int offset(int layer) {
        check(layer);
        int o = 0;
        for (int l = 1; l < layer; l++) {
            o += rows(l) * cols(l);
        }
        return o;
    }

    public int parameterCount() {
        return offset(depth) + outputs * width;
    }

    /** The multiplier m_l in front of W^l: 1/sqrt(fan-in) below the readout, the parameterization's on it. */
    public double multiplier(int layer) {
        check(layer);
        return layer == depth ? parameterization.readoutMultiplier(width, baseWidth, gamma) : 1 / Math.sqrt(cols(layer));
    }

    /** kappa, the same for every layer: GD moves w by eta kappa dL/dw. */
    public double learningRateFactor() {
        return parameterization.learningRateFactor(width, baseWidth, gamma, inputDim);
    }

    /** W^l as a copy (rows(l) x cols(l), row-major). */
    public double[] layer(double[] w, int layer) {
        int o = offset(layer);
        return java.util.Arrays.copyOfRange(w, o, o + rows(layer) * cols(layer));
    }

    /** Initial weights: sigma z with z the stream's Gaussians 0 .. parameterCount - 1, layer by layer. */
    public double[] initialWeights(RandomStream stream) {
        double[] w = new double[parameterCount()];
        stream.gaussians(0, w, 0, w.length);
        for (int i = 0; i < w.length; i++) {
            w[i] *= sigma;
        }
        return w;
    }

    /** The same architecture at another width (the width sweeps of learning-rate transfer). */
    public DeepNetwork withWidth(int n) {
        return new DeepNetwork(inputDim, n, depth, outputs, activation, parameterization, gamma, sigma, baseWidth);
    }

    public DeepNetwork withParameterization(DeepParameterization p) {
        return new DeepNetwork(inputDim, width, depth, outputs, activation, p, gamma, sigma, baseWidth);
    }

    private void check(int layer) {
        if (layer < 1 || layer > depth) {
            throw new IllegalArgumentException("layer " + layer + " (accepted: 1 .. " + depth + ")");
        }
    }
}
