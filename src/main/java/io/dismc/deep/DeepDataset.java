package io.dismc.deep;

/**
 * P examples of a regression task with C outputs: inputs x^mu in R^D kept example-major (x, P x D) and
 * input-major (xt, D x P, the first layer's activations), targets y (C x P, row c over examples).
 */
public record DeepDataset(int inputDim, int examples, int outputs, double[] x, double[] xt, double[] y) {
    public DeepDataset {
        if (inputDim < 1 || examples < 1 || outputs < 1) {
            throw new IllegalArgumentException("dataset: D = " + inputDim + ", P = " + examples + ", C = " + outputs + " (each >= 1)");
        }
        if (x.length != (long) examples * inputDim || xt.length != x.length || y.length != (long) outputs * examples) {
            throw new IllegalArgumentException("dataset arrays do not match D = " + inputDim + ", P = " + examples + ", C = " + outputs);
        }
    }

    /** From example-major inputs (P x D) and targets (C x P). */
    public static DeepDataset of(int inputDim, int examples, int outputs, double[] x, double[] y) {
        double[] xt = new double[x.length];
        for (int mu = 0; mu < examples; mu++) {
            for (int i = 0; i < inputDim; i++) {
                xt[i * examples + mu] = x[mu * inputDim + i];
            }
        }
        return new DeepDataset(inputDim, examples, outputs, x, xt, y);
    }

    /** The examples at the given indices (with repetition), in that order: an SGD minibatch. */
    public DeepDataset subset(int[] rows) {
        int b = rows.length;
        double[] xs = new double[b * inputDim];
        double[] ys = new double[outputs * b];
        for (int q = 0; q < b; q++) {
            System.arraycopy(x, rows[q] * inputDim, xs, q * inputDim, inputDim);
            for (int c = 0; c < outputs; c++) {
                ys[c * b + q] = y[c * examples + rows[q]];
            }
        }
        return of(inputDim, b, outputs, xs, ys);
    }
}
