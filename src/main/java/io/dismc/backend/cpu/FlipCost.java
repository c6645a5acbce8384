package io.dismc.backend.cpu;

/**
 * The cost of flipping one binary perceptron weight, the inner loop of simulated annealing: with
 * fields h^mu and the flipped weight's inputs xi^mu (a contiguous row), after = h + step xi, it returns
 * the change in the number of violated constraints (after &lt; threshold) and in the sum of their fields.
 * For +-1 inputs every field is an integer, so both are exact whatever the summation order and the
 * vector and scalar versions agree exactly; for real inputs the sum is rounded in the vector's order.
 */
public final class FlipCost {
    private static final boolean VECTOR = SpinKernels.vectorApiAvailable();

    private FlipCost() {}

    /** Change of the violated count into count[0]; returns the change of the violated fields' sum. */
    public static double of(double[] h, double[] xi, int off, int p, double step, double threshold, int[] count) {
        return VECTOR ? VectorFlipCost.of(h, xi, off, p, step, threshold, count) : scalar(h, xi, off, p, step, threshold, count, 0, 0, 0);
    }

    /** Entries [from, p): the fallback, and the vector version's tail. */
    static double scalar(double[] h, double[] xi, int off, int p, double step, double threshold, int[] count, int from, int delta,
                         double deltaSum) {
        for (int mu = from; mu < p; mu++) {
            double after = h[mu] + step * xi[off + mu];
            boolean wasViolated = h[mu] < threshold;
            boolean isViolated = after < threshold;
            delta += (isViolated ? 1 : 0) - (wasViolated ? 1 : 0);
            deltaSum += (isViolated ? after : 0) - (wasViolated ? h[mu] : 0);
        }
        count[0] = delta;
        return deltaSum;
    }
}
