package io.dismc.amp;

import io.dismc.parallel.Parallel;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * GAMP for a batch of independent instances (each with its own F, x0 and noise) advancing in lock-step,
 * each stopping on its own (docs/models.md, section AMP / iteration; KMSSZ PRX 2012; Rangan ISIT 2011):
 * <pre>
 *   V^t       = mean_i v^t_i                         [exact: V_mu = sum_i F_{mu i}^2 v_i]
 *   omega^t   = F a^t - V^t g^{t-1}                   (the Onsager reaction term; g^{-1} = 0)
 *   g^t, dg^t = g_out(y, omega^t, V^t), d_omega g_out
 *   Sigma^{t+1} = 1/(alpha mean_mu(-dg^t))           [exact: 1/sum_mu F_{mu i}^2 (-dg_mu)]
 *   R^{t+1}   = a^t + Sigma^{t+1} F^T g^t
 *   a^{t+1}, v^{t+1} = f_a, f_v (Sigma^{t+1}, R^{t+1}),  then damped: x = beta x_old + (1 - beta) x_new
 * </pre>
 * An instance stops at the tolerance, at the variance floor, when its labels are fitted (if asked), at the cap, or when its update turns
 * non-finite or blows up (then it keeps its last finite iterate and records the iteration: nothing is
 * thrown). Instances never interact, so a batch gives each instance the bits it gets alone.
 */
public final class GampBatch {
    /** An update with mean(a^2) above this multiple of the signal power counts as diverged. */
    public static final double BLOW_UP = 1e8;

    private final AmpProblem problem;
    private final AmpSettings settings;
    private final ForkJoinPool pool;

    /** pool: where products and per-instance work run (null: in the calling thread). */
    public GampBatch(AmpProblem problem, AmpSettings settings, ForkJoinPool pool) {
        this.problem = problem;
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Bytes a batch needs: 8 vectors of length N and 8 of length M per instance, plus the stored matrices
     * (8 B M N) or the regeneration scratch of each worker. The CLI can refuse work that cannot fit.
     */
    public static long bytesNeeded(int batch, int n, int m, boolean storedMatrices, int workers) {
        long vectors = 8L * batch * (8L * n + 8L * m);
        long matrices = storedMatrices ? StoredMatrices.bytes(batch, m, n) : (long) Math.max(1, workers) * RegeneratedMatrices.bytesPerTask(n);
        return vectors + matrices;
    }

    /** With each instance's F generated once and stored. */
    public List<AmpResult> runStored(long seed, List<InstanceStreams> streams) {
        return run(new StoredMatrices(seed, matrixStreams(streams), problem.m(), problem.n(), pool), seed, streams);
    }

    /** With F regenerated in every product (matrix-free; the same bits as {@link #runStored}). */
    public List<AmpResult> runRegenerated(long seed, List<InstanceStreams> streams) {
        return run(new RegeneratedMatrices(seed, matrixStreams(streams), problem.m(), problem.n(), pool), seed, streams);
    }

    private static long[] matrixStreams(List<InstanceStreams> streams) {
        return streams.stream().mapToLong(InstanceStreams::matrix).toArray();
    }

    /** Runs the batch on the given matrices (one per instance, in the order of streams). */
    public List<AmpResult> run(SensingMatrices matrices, long seed, List<InstanceStreams> streams) {
        int batch = streams.size();
        int n = problem.n();
        int m = problem.m();
        if (matrices.batch() != batch || matrices.rows() != m || matrices.columns() != n) {
            throw new IllegalArgumentException("matrices are " + matrices.batch() + " x " + matrices.rows() + " x " + matrices.columns()
                + ", the batch needs " + batch + " x " + m + " x " + n);
        }
        Instance[] inst = new Instance[batch];
        for (int b = 0; b < batch; b++) {
            inst[b] = new Instance(n, m, seed, streams.get(b));
        }
        boolean[] all = new boolean[batch];
        Arrays.fill(all, true);
        // the teacher: z = F x0, y ~ P_out(.|z)
        matrices.multiply(column(inst, s -> s.x0), column(inst, s -> s.fa), all, false);
        forEach(inst, all, s -> s.prepare(seed));

        boolean[] active = all.clone();
        boolean exact = settings.varianceMode() == VarianceMode.EXACT;
        double[][] a = column(inst, s -> s.a);
        double[][] v = column(inst, s -> s.v);
        double[][] fa = column(inst, s -> s.fa);
        double[][] vOut = column(inst, s -> s.vOut);
        double[][] ftg = column(inst, s -> s.ftg);
        double[][] sigma = column(inst, s -> s.sigma);
        double[][] negDg = column(inst, s -> s.negDg);
        for (int t = 0; t < settings.maxIterations() && any(active); t++) {
            if (exact) {
                matrices.multiply(v, vOut, active, true);
            }
            matrices.multiply(a, fa, active, false);
            forEach(inst, active, Instance::outputStep);
            for (int b = 0; b < batch; b++) {
                active[b] = inst[b].stop == null;
            }
            if (exact) {
                matrices.multiplyTransposed(negDg, sigma, active, true);
            }
            double[][] g = column(inst, s -> s.g);
            matrices.multiplyTransposed(g, ftg, active, false);
            int next = t + 1;
            forEach(inst, active, s -> s.inputStep(next));
            for (int b = 0; b < batch; b++) {
                active[b] = inst[b].stop == null;
            }
        }
        List<AmpResult> out = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            Instance s = inst[b];
            StopReason stop = s.stop == null ? StopReason.MAX_ITERATIONS : s.stop;
            AmpTrace trace = s.trace.build();
            double last = trace.mse()[trace.iterations()];
            out.add(new AmpResult(b, trace, s.a, stop, last < settings.successMse(), s.divergedAt));
        }
        return out;
    }

    private interface Field {
        double[] of(Instance s);
    }

    private static double[][] column(Instance[] inst, Field f) {
        double[][] out = new double[inst.length][];
        for (int b = 0; b < inst.length; b++) {
            out[b] = f.of(inst[b]);
        }
        return out;
    }

    private static boolean any(boolean[] active) {
        for (boolean x : active) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    private void forEach(Instance[] inst, boolean[] active, java.util.function.Consumer<Instance> body) {
        int[] which = new int[inst.length];
        int count = 0;
        for (int b = 0; b < inst.length; b++) {
            if (active[b]) {
                which[count++] = b;
            }
        }
        if (pool == null || count <= 1) {
            for (int k = 0; k < count; k++) {
                body.accept(inst[which[k]]);
            }
        } else {
            Parallel.forEach(pool, count, k -> body.accept(inst[which[k]]));
        }
    }

    /** One instance's vectors and bookkeeping. */
    private final class Instance {
        final int n;
        final int m;
        final InstanceStreams streams;
        final double[] x0;
        final double[] a;
        final double[] v;
        final double[] aOld;
        final double[] vOld;
        final double[] ftg;
        final double[] sigma;
        final double[] r;
        final double[] y;
        final double[] fa;
        final double[] vOut;
        double[] g;
        double[] gPrev;
        final double[] dg;
        final double[] negDg;
        AmpTrace.Builder trace;
        double signalPower;
        double residual;
        double noise;
        double uniformSigma;
        StopReason stop;
        int divergedAt = -1;

        Instance(int n, int m, long seed, InstanceStreams streams) {
            this.n = n;
            this.m = m;
            this.streams = streams;
            x0 = new double[n];
            a = new double[n];
            v = new double[n];
            aOld = new double[n];
            vOld = new double[n];
            ftg = new double[n];
            boolean exact = settings.varianceMode() == VarianceMode.EXACT;
            sigma = exact ? new double[n] : null;
            r = new double[n];
            y = new double[m];
            fa = new double[m];
            vOut = new double[m];
            g = new double[m];
            gPrev = new double[m];
            dg = new double[m];
            negDg = exact ? new double[m] : null;
            problem.signal().sample(new RandomStream(seed, streams.signal()), x0);
        }

        /** y from z = F x0 (in fa), the start, the t = 0 record. */
        void prepare(long seed) {
            RandomStream noiseStream = new RandomStream(seed, streams.noise());
            noiseStream.gaussians(0, y, 0, m);
            OutputChannel teacher = problem.channel();
            for (int mu = 0; mu < m; mu++) {
                y[mu] = teacher.sample(fa[mu], y[mu]);
            }
            double p = 0;
            for (double x : x0) {
                p += x * x;
            }
            signalPower = p / n;
            Start start = settings.start();
            if (start.informed()) {
                RandomStream s = new RandomStream(seed, streams.signal());
                s.gaussians(4L * n, a, 0, n);
                for (int i = 0; i < n; i++) {
                    a[i] = x0[i] + start.perturbation() * a[i];
                }
                Arrays.fill(v, start.variance());
            } else {
                Arrays.fill(a, problem.signal().priorMean());
                Arrays.fill(v, problem.signal().priorVariance());
            }
            trace = new AmpTrace.Builder(signalPower, settings.dampingOld());
            Moments mom = moments();
            trace.add(mom.mse, mom.meanV, mom.overlap, mom.self, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        /** omega, g, dg, the residual and Sigma (uniform) from F a (in fa) and V. */
        void outputStep() {
            if (settings.stopOnFittedLabels() && labelsFitted()) {
                stop = StopReason.LABELS_FITTED;
                return;
            }
            double floor = settings.minVariance();
            if (settings.varianceMode() == VarianceMode.UNIFORM) {
                double mv = 0;
                for (double x : v) {
                    mv += x;
                }
                Arrays.fill(vOut, Math.max(mv / n, floor));
            } else {
                for (int mu = 0; mu < m; mu++) {
                    vOut[mu] = Math.max(vOut[mu], floor);
                }
            }
            double[] omega = fa; // F a is not needed after this
            if (settings.onsager()) {
                for (int mu = 0; mu < m; mu++) {
                    omega[mu] = fa[mu] - vOut[mu] * gPrev[mu];
                }
            }
            double res = 0;
            for (int mu = 0; mu < m; mu++) {
                double d = y[mu] - omega[mu];
                res += d * d;
            }
            residual = res / m;
            noise = residual / problem.alpha();
            settings.channel().evaluate(y, omega, vOut, g, dg, m);
            if (negDg != null) {
                for (int mu = 0; mu < m; mu++) {
                    negDg[mu] = -dg[mu];
                }
            } else {
                double s = 0;
                for (double d : dg) {
                    s -= d;
                }
                uniformSigma = 1 / (problem.alpha() * (s / m));
            }
        }

        /** R = a + Sigma F^T g (F^T g in ftg), the denoiser, damping, diagnostics, stopping. */
        void inputStep(int t) {
            Denoiser eta = settings.denoiser();
            double beta = settings.dampingOld();
            double sigmaSum = 0;
            for (int i = 0; i < n; i++) {
                double s = sigma == null ? uniformSigma : 1 / sigma[i];
                if (sigma != null) {
                    sigma[i] = s;
                }
                double ri = a[i] + s * ftg[i];
                r[i] = ri;
                sigmaSum += s;
                double an = eta.estimate(s, noise, ri);
                double vn = eta.variance(s, noise, ri);
                aOld[i] = a[i];
                vOld[i] = v[i];
                a[i] = beta == 0 ? an : beta * aOld[i] + (1 - beta) * an;
                v[i] = beta == 0 ? vn : beta * vOld[i] + (1 - beta) * vn;
            }
            Moments mom = moments();
            double change = 0;
            for (int i = 0; i < n; i++) {
                double d = a[i] - aOld[i];
                change += d * d;
            }
            change /= n;
            double meanSigma = sigmaSum / n;
            if (!(Double.isFinite(mom.self) && Double.isFinite(mom.meanV) && Double.isFinite(meanSigma) && Double.isFinite(residual))
                || mom.self > BLOW_UP * Math.max(signalPower, Double.MIN_NORMAL)) {
                System.arraycopy(aOld, 0, a, 0, n);
                System.arraycopy(vOld, 0, v, 0, n);
                stop = StopReason.DIVERGED;
                divergedAt = t;
                return;
            }
            double[] noiseMoments = noiseMoments();
            trace.add(mom.mse, mom.meanV, mom.overlap, mom.self, meanSigma, residual, noiseMoments[0] / meanSigma,
                noiseMoments[1] / 3);
            double[] swap = gPrev;
            gPrev = g;
            g = swap;
            double undamped = change / ((1 - beta) * (1 - beta));
            if (undamped < settings.tolerance() * mom.self) {
                stop = StopReason.CONVERGED;
            } else if (mom.meanV < settings.varianceStop()) {
                stop = StopReason.VARIANCE_FLOOR;
            }
        }

        /** Whether sign((F a)_mu) = y_mu for every mu (F a in fa). */
        boolean labelsFitted() {
            for (int mu = 0; mu < m; mu++) {
                if (!(fa[mu] * y[mu] > 0)) {
                    return false;
                }
            }
            return true;
        }

        /** Variance and kurtosis of R - x0 (two passes: the mean first). */
        double[] noiseMoments() {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += r[i] - x0[i];
            }
            mean /= n;
            double m2 = 0;
            double m4 = 0;
            for (int i = 0; i < n; i++) {
                double d = r[i] - x0[i] - mean;
                double d2 = d * d;
                m2 += d2;
                m4 += d2 * d2;
            }
            m2 /= n;
            m4 /= n;
            return new double[] {m2, m4 / (m2 * m2)};
        }

        Moments moments() {
            double e = 0;
            double mv = 0;
            double ov = 0;
            double self = 0;
            for (int i = 0; i < n; i++) {
                double d = a[i] - x0[i];
                e += d * d;
                mv += v[i];
                ov += a[i] * x0[i];
                self += a[i] * a[i];
            }
            return new Moments(e / n, mv / n, ov / n, self / n);
        }
    }

    private record Moments(double mse, double meanV, double overlap, double self) {}
}
