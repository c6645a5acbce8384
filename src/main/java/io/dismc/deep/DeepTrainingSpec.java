package io.dismc.deep;

/**
 * GD on the squared loss: w &lt;- w - eta kappa grad L (kappa the network's learning-rate factor), full
 * batch (batch = 0) or SGD on minibatches of batch examples drawn with replacement.
 *
 * @param timePoints about this many log-spaced recorded steps (plus step 0 and the last)
 * @param divergence the run stops as diverged once the training loss is not finite or exceeds
 *                   divergence x its initial value
 * @param tail the final loss is the mean training loss over the last tail steps (it smooths the
 *             period-two oscillation of GD at the edge of stability)
 */
public record DeepTrainingSpec(double eta, int steps, int batch, int timePoints, double divergence, int tail) {
    public DeepTrainingSpec {
        if (!(eta > 0) || Double.isInfinite(eta) || steps < 1 || batch < 0 || timePoints < 1 || !(divergence > 1) || tail < 1
                || tail > steps) {
            throw new IllegalArgumentException("training spec: eta = " + eta + ", steps = " + steps + ", batch = " + batch
                    + ", time points = " + timePoints + ", divergence factor = " + divergence + ", tail = " + tail
                    + " (eta > 0, steps >= 1, batch >= 0, time points >= 1, factor > 1, 1 <= tail <= steps)");
        }
    }

    /** Full-batch GD, divergence at 100x the initial loss, final loss averaged over the last max(1, steps/20) steps. */
    public static DeepTrainingSpec gd(double eta, int steps, int timePoints) {
        return new DeepTrainingSpec(eta, steps, 0, timePoints, 100, Math.max(1, steps / 20));
    }

    public DeepTrainingSpec withEta(double e) {
        return new DeepTrainingSpec(e, steps, batch, timePoints, divergence, tail);
    }

    /** Step 0 and about timePoints log-spaced steps up to steps, distinct and increasing; every step when timePoints &gt;= steps. */
    public int[] timeGrid() {
        if (timePoints >= steps) {
            return java.util.stream.IntStream.rangeClosed(0, steps).toArray();
        }
        java.util.TreeSet<Integer> t = new java.util.TreeSet<>();
        t.add(0);
        for (int q = 0; q < timePoints; q++) {
            t.add((int) Math.round(Math.pow(steps, (q + 1.0) / timePoints)));
        }
        t.add(steps);
        return t.stream().mapToInt(Integer::intValue).toArray();
    }
}
