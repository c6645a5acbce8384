package io.dismc.deep;

/**
 * The Marchenko-Pastur law for the singular values of a K x M matrix W with i.i.d. entries of mean 0
 * and variance v, normalized by sqrt(M) (the fan-in): as K, M grow with q = K/M fixed, the nonzero
 * s = sigma_i(W) / sqrt(M) fill [sqrt(v) |sqrt(q) - 1|, sqrt(v) (sqrt(q) + 1)] (Marchenko and Pastur
 * 1967; the squares s^2 are the eigenvalues of W W^T / M, whose law has density
 * sqrt((l+ - l)(l - l-)) / (2 pi q v l) on [l-, l+] = v [(1 - sqrt q)^2, (1 + sqrt q)^2] and an atom
 * 1 - 1/q at 0 when q &gt; 1). docs/models.md, section deep networks and spectra.
 */
public final class MarchenkoPastur {
    private MarchenkoPastur() {}

    /** The bulk's edges [lower, upper] for s = sigma / sqrt(M). */
    public record Edges(double lower, double upper) {
        public boolean contains(double s, double slack) {
            return s >= lower - slack && s <= upper + slack;
        }
    }

    /** Edges for unit variance: [|sqrt(q) - 1|, sqrt(q) + 1], q = rows / cols. */
    public static Edges edges(double ratio) {
        return edges(ratio, 1.0);
    }

    /** Edges for entries of variance v: sqrt(v) [|sqrt(q) - 1|, sqrt(q) + 1]. */
    public static Edges edges(double ratio, double variance) {
        if (!(ratio > 0) || Double.isInfinite(ratio) || !(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("Marchenko-Pastur: aspect ratio " + ratio + ", variance " + variance + " (each > 0, finite)");
        }
        double r = Math.sqrt(ratio);
        double sd = Math.sqrt(variance);
        return new Edges(sd * Math.abs(r - 1), sd * (r + 1));
    }

    /** Mean and standard deviation of the Tracy-Widom (beta = 1) law (Tracy and Widom 1996). */
    static final double TW1_MEAN = -1.2065;
    static final double TW1_SD = 1.2680;

    /**
     * The largest s = sigma_max / sqrt(M) of one K x M matrix of i.i.d. N(0, 1) entries at finite size: mean
     * and standard deviation from Johnstone's (2001) Tracy-Widom law for the largest eigenvalue l of the
     * Gram matrix, (l - mu) / sigma_TW -&gt; TW1 with mu = (sqrt(n - 1) + sqrt(m))^2 and
     * sigma_TW = (sqrt(n - 1) + sqrt(m)) (1/sqrt(n - 1) + 1/sqrt(m))^(1/3), n = min(K, M), m = max(K, M)
     * (the -1 on the smaller side fits 40-draw means at 32 x 32 .. 512 x 32 to 0.3 sd), so s = sqrt(l / M)
     * sits below the edge by O(M^(-2/3)): 1.91 +- 0.08 at 32 x 32 (the measured 1.89-1.95 against the edge 2).
     */
    public record FiniteTop(double mean, double sd) {}

    public static FiniteTop finiteSizeTop(int rows, int cols) {
        if (rows < 2 || cols < 2) {
            throw new IllegalArgumentException("finite-size edge of a " + rows + " x " + cols + " matrix (each side >= 2)");
        }
        double a = Math.sqrt(Math.min(rows, cols) - 1.0);
        double b = Math.sqrt(Math.max(rows, cols));
        double mu = (a + b) * (a + b);
        double sigma = (a + b) * Math.cbrt(1 / a + 1 / b);
        double l = mu + TW1_MEAN * sigma;
        double mean = Math.sqrt(l / cols);
        // ds = dl / (2 M s)
        return new FiniteTop(mean, TW1_SD * sigma / (2 * cols * mean));
    }

    /**
     * Density of the nonzero singular values s (normalized over them, unit variance): 2 s rho(s^2) / w
     * with rho the eigenvalue density above and w = min(1, 1/q) the weight of the nonzero part.
     */
    public static double singularValueDensity(double s, double ratio) {
        Edges e = edges(ratio);
        if (s <= e.lower() || s >= e.upper()) {
            return 0;
        }
        double l = s * s;
        double lm = e.lower() * e.lower();
        double lp = e.upper() * e.upper();
        double rho = Math.sqrt((lp - l) * (l - lm)) / (2 * Math.PI * ratio * l);
        return 2 * s * rho / Math.min(1, 1 / ratio);
    }
}
