package io.dismc.backend.cpu;

import io.dismc.backend.DynamicsSpec;
import io.dismc.backend.UpdateRule;
import io.dismc.data.SpinMatrix;
import io.dismc.rng.RandomStream;
import io.dismc.rng.SweepSchedule;

/**
 * Asynchronous single-spin dynamics of a Hopfield network (docs/models.md 1.1.3): each sweep visits all N
 * spins in a fresh random permutation; T = 0 sets s_i = sign(h_i) (ties keep the spin), T &gt; 0 uses
 * Glauber or Metropolis. Stops at a fixed point (T = 0, a sweep without flips) or after maxSweeps.
 * This is the CPU twin of kernels/async_sweep.cu (its driver: cuda.SweepDriver); both follow {@link SweepSchedule}.
 * The kernel file's starting states and overlaps have their twins here too.
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

    /** start_states: column c of matrix m with the given sites' spins reversed. */
    public static byte[] startState(SpinMatrix m, int c, int[] flips) {
        byte[] s = m.column(c);
        for (int i : flips) {
            s[i] = (byte) -s[i];
        }
        return s;
    }

    /** overlaps: (1/N) sum_i s_i c_i against column c of matrix m, the sum exact in integers. */
    public static double overlap(byte[] s, SpinMatrix m, int c) {
        long sum = 0;
        int cols = m.cols();
        byte[] d = m.data();
        for (int i = 0; i < s.length; i++) {
            sum += s[i] * d[i * cols + c];
        }
        return (double) sum / s.length;
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
