package io.dismc.dataset;

import io.dismc.twolayer.Dataset;

/**
 * A labelled dataset split into P training and P_test test examples, inputs row-major (example mu is
 * x[mu D .. mu D + D - 1]) after the dataset's preprocessing (docs/models.md, section datasets).
 *
 * @param name   what it is, e.g. "mnist01" or the user's file name (for logs and manifests)
 * @param d      input dimension D
 * @param xTrain P x D training inputs
 * @param yTrain P training labels (+1 / -1 for the two-class image tasks)
 * @param xTest  P_test x D test inputs
 * @param yTest  P_test test labels
 */
public record LabelledData(String name, int d, double[] xTrain, double[] yTrain, double[] xTest, double[] yTest) {
    public LabelledData {
        if (d < 1 || xTrain.length != (long) yTrain.length * d || xTest.length != (long) yTest.length * d) {
            throw new IllegalArgumentException(name + ": inputs and labels disagree in size (D = " + d + ")");
        }
    }

    public int trainSize() {
        return yTrain.length;
    }

    public int testSize() {
        return yTest.length;
    }

    /** The training split as the two-layer engine's dataset (N = D). */
    public Dataset train() {
        return Dataset.of(d, trainSize(), xTrain, yTrain);
    }

    /** The test split as the two-layer engine's dataset, targets = test labels. */
    public Dataset test() {
        return Dataset.of(d, testSize(), xTest, yTest);
    }
}
