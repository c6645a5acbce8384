package io.dismc.twolayer;

/**
 * Full-batch training: GD (temperature 0) or Langevin, W &lt;- W - eta grad L + sqrt(2 eta T) z with
 * L = (1/(2P)) sum (y - f)^2 + (lambda/2) |W|^2 + (delta/2) |W - W_source|^2. At stationarity the
 * Langevin chain samples the Gibbs measure exp(-L(W)/T), i.e. the Bayesian posterior with Gaussian
 * likelihood of noise variance P T and Gaussian prior of variance T/lambda (plus the elastic term).
 * In the muP parameterization, GD scales the hidden weights' gradient by K (the learning rate eta K of
 * mean-field training); Langevin runs use the plain rate so that the Gibbs measure stays the one above.
 *
 * @param batch minibatch size for SGD (0: full batch); minibatch t takes examples below(word, P) of the
 *              replica's stream, words t B .. t B + B - 1 at offset 2^40
 * @param timePoints number of log-spaced times (steps) at which curves are recorded
 */
public record TrainingSpec(double eta, double temperature, double weightDecay, double elastic, int steps, int batch,
                           int timePoints) {
    public TrainingSpec {
        if (!(eta > 0) || !(temperature >= 0) || !(weightDecay >= 0) || !(elastic >= 0) || steps < 1 || batch < 0 || timePoints < 1) {
            throw new IllegalArgumentException("bad training spec");
        }
    }

    /** Steps 0 (before training) and about timePoints log-spaced ones up to steps, distinct, increasing. */
    public int[] timeGrid() {
        java.util.TreeSet<Integer> t = new java.util.TreeSet<>();
        t.add(0);
        for (int q = 0; q < timePoints; q++) {
            t.add((int) Math.round(Math.pow(steps, (q + 1.0) / timePoints)));
        }
        t.add(steps);
        return t.stream().mapToInt(Integer::intValue).toArray();
    }
}
