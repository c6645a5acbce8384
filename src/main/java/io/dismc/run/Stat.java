package io.dismc.run;

/** Mean and standard error of the mean over samples (sample standard deviation / sqrt(count)). */
public record Stat(double mean, double stderr, int count) {
    public static Stat of(double[] values) {
        int n = values.length;
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
