package io.dismc.amp;

/**
 * The teacher of an AMP experiment: x0 ~ signal (i.i.d.), F ~ N(0, 1/N) with M = round(alpha N) rows, and
 * y_mu drawn from the channel at z = (F x0)_mu (docs/models.md 4.1).
 */
public record AmpProblem(Prior signal, OutputChannel channel, int n, int m) {
    public AmpProblem {
        Checks.atLeast("N", n, 1);
        Checks.atLeast("M", m, 1);
    }

    /** M = round(alpha N); alpha &gt; 0. */
    public static AmpProblem of(Prior signal, OutputChannel channel, int n, double alpha) {
        Checks.positive("alpha", alpha);
        Checks.atLeast("N", n, 1);
        long m = Math.round(alpha * n);
        if (m < 1 || m > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("alpha N must round to a row count in [1, 2^31), got alpha = " + alpha + ", N = " + n);
        }
        return new AmpProblem(signal, channel, n, (int) m);
    }

    /** alpha = M/N as realised. */
    public double alpha() {
        return (double) m / n;
    }
}
