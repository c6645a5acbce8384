package io.dismc.dynamics;

import io.dismc.rng.RandomStream;

/**
 * Asynchronous single-spin dynamics of a Hopfield network (docs/models.md 1.1.3): each sweep visits all N
 * spins in a fresh random permutation; T = 0 sets s_i = sign(h_i) (ties keep the spin), T &gt; 0 uses
 * Glauber or Metropolis. Stops at a fixed point (T = 0, a sweep without flips) or after maxSweeps.
 * This is the CPU mirror of kernels/async_sweep.cu; both follow {@link SweepSchedule}.
 */
public final class AsynchronousDynamics {
    private AsynchronousDynamics() {}

    /** Runs the dynamics on s in place. */
    public static Relaxation relax(LocalField field, byte[] s, RandomStream stream, DynamicsSpec spec,
                                   SweepObserver observer) {
        int n = s.length;
        field.reset(s);
        SweepSchedule.Draws draws = new SweepSchedule.Draws(n, stream, !spec.isZeroTemperature());
        double beta = spec.isZeroTemperature() ? Double.POSITIVE_INFINITY : spec.beta();
        double invN = 1.0 / n;
        long totalFlips = 0;
        int sweeps = 0;
        boolean converged = false;
        for (int t = 0; t < spec.maxSweeps(); t++) {
            draws.begin(t);
            int flips = 0;
            for (int pos = 0; pos < n; pos++) {
                int i = draws.site(pos);
                int h = field.numerator(i, s);
                int si = s[i];
                int next;
                if (spec.isZeroTemperature()) {
                    next = h > 0 ? 1 : (h < 0 ? -1 : si);
                } else {
                    double u = draws.uniform(pos);
                    next = decide(spec.rule(), beta, h * invN, si, u);
                }
                if (next != si) {
                    s[i] = (byte) next;
                    field.flip(i, next);
                    flips++;
                }
            }
            sweeps = t + 1;
            totalFlips += flips;
            observer.afterSweep(t, s, flips, field);
            if (flips == 0 && spec.isZeroTemperature() && spec.stopAtFixedPoint()) {
                converged = true;
                break;
            }
        }
        double energy = LocalField.energyPerSpin(field.sumSpinTimesField(s), n);
        return new Relaxation(s, sweeps, converged, totalFlips, energy);
    }

    /** The T &gt; 0 decision for spin si in field h given the uniform u; returns the new spin. */
    static int decide(UpdateRule rule, double beta, double h, int si, double u) {
        if (rule == UpdateRule.GLAUBER) {
            double pUp = 1.0 / (1.0 + Math.exp(-2.0 * beta * h));
            return u < pUp ? 1 : -1;
        }
        double dE = 2.0 * si * h;
        return (dE <= 0 || u < Math.exp(-beta * dE)) ? -si : si;
    }
}
