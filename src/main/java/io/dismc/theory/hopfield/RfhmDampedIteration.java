package io.dismc.theory.hopfield;

import static io.dismc.theory.hopfield.GaussianEquivalence.K1;
import static io.dismc.theory.hopfield.GaussianEquivalence.KSTAR;

import io.dismc.theory.Gaussians;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.gamma.Erf;

/**
 * The authors' numerical method for the T = 0 RFHM saddle points, kept as a cross-check of the fold solvers
 * (Negri et al. 2023, repository ArtLabBocconi/random_feature_hopfield, saddle_point/{factor,pattern};
 * docs/models.md, section RFHM theory): sequential (Gauss-Seidel) updates of the order parameters in the
 * order dq, qh, dp, dph, pd, dpdh (dphd), m, mh, each damped as x &lt;- (1 - psi) new + psi old; a sweep has
 * converged when every variable changed by less than the tolerance (the smaller of the absolute and the
 * relative change). A span continues the last state from one load to the next and stops after the first
 * load that does not converge. The fold shows up as a collapse of m between two grid points: with the
 * authors' grid the learning collapse is the first grid point below alpha_L.
 */
public final class RfhmDampedIteration {
    private static final double SQRT2 = Math.sqrt(2);

    private RfhmDampedIteration() {}

    /** Damping psi, tolerance epsilon, iteration cap. */
    public record Settings(double damping, double tolerance, int maxIterations) {
        /** The authors' span settings: psi = 0.9, epsilon = 1e-5, 10000 iterations. */
        public static final Settings AUTHORS = new Settings(0.9, 1e-5, 10_000);

        public Settings {
            if (!(damping >= 0 && damping < 1)) {
                throw new IllegalArgumentException("damping must be in [0, 1), got " + damping);
            }
            ScalarSearch.requirePositive(tolerance, "tolerance");
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
        }
    }

    /** The state reached at one load, whether it met the tolerance, and after how many sweeps. */
    public record Outcome<S>(S state, boolean converged, int iterations) {}

    /** Iterates the learning equations at (alpha, alpha_D) from start (its own alpha and alpha_D are ignored). */
    public static Outcome<RfhmLearningState> learning(RfhmLearningState start, double alpha, double alphaD,
                                                      RfhmVariant variant, Settings settings) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        ScalarSearch.requirePositive(alphaD, "alpha_D");
        double[] v = {start.dq(), start.qh(), start.dp(), start.dph(), start.pd(), start.dpdh(), start.m(), start.mh()};
        double alphaT = alpha / alphaD;
        int e = variant.exponent();
        Sweeper sw = new Sweeper(v, settings);
        boolean ok = sw.run(() -> {
            double a = Math.sqrt(alpha * v[1]);
            sw.update(0, 2 * Gaussians.density(v[7] / a) / a);
            sw.update(1, KSTAR * (K1 * v[4] + KSTAR) / sq(den1(v)) + (v[5] + alphaT * v[3] * v[3]) / sq(den2(v, alphaT)));
            sw.update(2, v[0] / den2(v, alphaT));
            sw.update(3, K1 / den1(v));
            sw.update(4, v[6] * v[6] / alphaD + (1 + alphaT * v[0] * v[0] * v[5]) / sq(den2(v, alphaT)));
            sw.update(5, K1 * (K1 * v[4] + KSTAR) / Math.pow(den1(v), e));
            sw.update(6, Erf.value(v[7] / (SQRT2 * Math.sqrt(alpha * v[1]))));
            sw.update(7, alphaT * v[3] * v[6]);
        });
        RfhmLearningState s = new RfhmLearningState(alpha, alphaD, 0, 1, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        return new Outcome<>(s, ok, sw.iterations);
    }

    /** Iterates the storage equations at (alpha, alpha_D) from start. */
    public static Outcome<RfhmStorageState> storage(RfhmStorageState start, double alpha, double alphaD, Settings settings) {
        ScalarSearch.requirePositive(alpha, "load alpha");
        ScalarSearch.requirePositive(alphaD, "alpha_D");
        double[] v = {start.dq(), start.qh(), start.dp(), start.dph(), start.pd(), start.dphd(), start.m()};
        double alphaT = alpha / alphaD;
        Sweeper sw = new Sweeper(v, settings);
        boolean ok = sw.run(() -> {
            double a = Math.sqrt(alpha * v[1]);
            sw.update(0, 2 * Gaussians.density(v[6] / a) / a);
            sw.update(1, KSTAR * (K1 * v[4] + KSTAR) / sq(den1(v)) + (v[5] + alphaT * v[3] * v[3]) / sq(den2(v, alphaT)));
            sw.update(2, v[0] / den2(v, alphaT));
            sw.update(3, K1 / den1(v));
            sw.update(4, (1 + alphaT * v[0] * v[0] * v[5]) / sq(den2(v, alphaT)));
            sw.update(5, K1 * (K1 * v[4] + KSTAR) / sq(den1(v)));
            sw.update(6, Erf.value(v[6] / (SQRT2 * Math.sqrt(alpha * v[1]))));
        });
        RfhmStorageState s = new RfhmStorageState(alpha, alphaD, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        return new Outcome<>(s, ok, sw.iterations);
    }

    /** The authors' span over loads (in the given order) at fixed alpha_D; ends with the first unconverged load. */
    public static List<Outcome<RfhmLearningState>> learningSpan(RfhmLearningState start, List<Double> alphas, double alphaD,
                                                                RfhmVariant variant, Settings settings) {
        List<Outcome<RfhmLearningState>> out = new ArrayList<>();
        RfhmLearningState s = start;
        for (double a : alphas) {
            Outcome<RfhmLearningState> o = learning(s, a, alphaD, variant, settings);
            out.add(o);
            if (!o.converged()) {
                break;
            }
            s = o.state();
        }
        return out;
    }

    /** The authors' storage span over loads at fixed alpha_D; ends with the first unconverged load. */
    public static List<Outcome<RfhmStorageState>> storageSpan(RfhmStorageState start, List<Double> alphas, double alphaD,
                                                              Settings settings) {
        List<Outcome<RfhmStorageState>> out = new ArrayList<>();
        RfhmStorageState s = start;
        for (double a : alphas) {
            Outcome<RfhmStorageState> o = storage(s, a, alphaD, settings);
            out.add(o);
            if (!o.converged()) {
                break;
            }
            s = o.state();
        }
        return out;
    }

    /** The authors' grid a0, a0 + step, ... (step may be negative) up to and including end, as decimals. */
    public static List<Double> grid(double first, double step, double last) {
        List<Double> g = new ArrayList<>();
        long n = Math.round((last - first) / step);
        for (long k = 0; k <= n; k++) {
            g.add(Math.round((first + k * step) * 1e9) / 1e9);
        }
        return g;
    }

    private static double den1(double[] v) {
        return 1 - K1 * v[2] - KSTAR * v[0];
    }

    private static double den2(double[] v, double alphaT) {
        return 1 - alphaT * v[0] * v[3];
    }

    private static double sq(double x) {
        return x * x;
    }

    /** One damped Gauss-Seidel sweep at a time, with the authors' convergence measure. */
    private static final class Sweeper {
        private final double[] v;
        private final Settings settings;
        private double delta;
        int iterations;

        Sweeper(double[] v, Settings settings) {
            this.v = v;
            this.settings = settings;
        }

        void update(int k, double next) {
            double old = v[k];
            double abs = Math.abs(next - old);
            double rel = abs == 0 ? 0 : abs / ((Math.abs(next) + Math.abs(old)) / 2);
            delta = Math.max(delta, Math.min(abs, rel));
            v[k] = (1 - settings.damping()) * next + settings.damping() * old;
        }

        boolean run(Runnable sweep) {
            for (iterations = 1; iterations <= settings.maxIterations(); iterations++) {
                delta = 0;
                sweep.run();
                if (!Double.isFinite(delta)) {
                    return false; // the authors' code stops on a non-finite change
                }
                if (delta < settings.tolerance()) {
                    return true;
                }
            }
            iterations = settings.maxIterations();
            return false;
        }
    }
}
