package io.dismc.experiment;

/**
 * Mean and standard error of the mean over samples (sample standard deviation / sqrt(count)). NaN
 * values mean "not applicable to this sample" (say, a local energy where no solution was found) and
 * are left out; count is the number of values used.
 */
public record Stat(double mean, double stderr, int count) {
    public static Stat of(double[] all) {
        double[] values = java.util.Arrays.stream(all).filter(v -> !Double.isNaN(v)).toArray();
        int n = values.length;
        if (n == 0) {
            return new Stat(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double se = n > 1 ? Math.sqrt(var / (n - 1) / n) : Double.NaN;
        return new Stat(mean, se, n);
    }
}
