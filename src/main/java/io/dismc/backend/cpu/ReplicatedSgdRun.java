package io.dismc.backend.cpu;

import io.dismc.backend.RsgdOutcome;
import io.dismc.backend.RsgdSpec;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import io.dismc.rng.SweepSchedule;
import java.util.Arrays;

/**
 * Replicated SGD for the binary perceptron: y replicas with real hidden fields H^a and weights
 * W^a = sign(H^a) (sign(0) = -1), coupled through the robust-ensemble term ln 2cosh(gamma sum_b W^b)
 * with the centre traced out (docs/models.md 2.2.2; Baldassi, Borgs, Chayes,
 * Ingrosso, Lucibello, Saglietti, Zecchina, PNAS 113, E7655 (2016), eq. (C7); the K = 1 case of the
 * authors' BinaryCommitteeMachineRSGD.jl, formula :simple).
 * <p>
 * Start: one random +-1 vector copied into every replica, H^a = W^a. One epoch: for each of ceil(P/batch)
 * minibatches the replicas are visited in a random order; replica a takes the next batch of its own
 * pattern order (reshuffled every epoch) and
 * <ol>
 *   <li>energy step: H^a += eta sum over the batch's patterns with xi^mu . W^a &lt; kappa sqrt(N) of xi^mu
 *       (fields of the W^a before the step), then W^a = sign(H^a);</li>
 *   <li>kick: H_i^a += lambda [tanh(gamma S_i) - W_i^a] with S_i = sum_b W_i^b = y Hc_i taken before this
 *       replica's two steps (sign(S_i) once gamma &gt;= 5), then W^a = sign(H^a) and S is updated.</li>
 * </ol>
 * After the epoch gamma += gammaStep, eta *= etaFactor, lambda *= lambdaFactor, and the run stops when
 * the centre sign(S) or any replica satisfies every constraint Delta^mu &gt;= kappa (checked at the start and
 * after every epoch). With +-1 inputs fields are exact integers from bit-packed XOR/popcount; a pattern
 * counts as violated when h &lt; ceil(kappa sqrt(N)), the same set as Delta &lt; kappa.
 * <p>
 * Draws (stream family of the run's stream): member 0, spins 0..N-1: the shared start; member 1, words
 * from (e B + b) y on: the Fisher-Yates replica order of minibatch b of epoch e (B minibatches per
 * epoch); member 2 + a, words from e P on: replica a's pattern order in epoch e. A run is sequential, as
 * the replicas interact in turn; the backend runs independent runs in parallel.
 * <p>
 * The CPU twin of kernels/rsgd.cu (driver: cuda.RsgdDriver), which follows this order of operations
 * and these draws exactly, so that the two give the same hidden fields value for value.
 */
public final class ReplicatedSgdRun {
    private ReplicatedSgdRun() {}

    public static RsgdOutcome run(PerceptronInstance inst, RsgdSpec spec, RandomStream stream) {
        return new Run(inst, spec, stream).solve();
    }

    /** The state of one run. */
    private static final class Run {
        final int n;
        final int p;
        final int y;
        final RsgdSpec spec;
        final Patterns patterns;
        final RandomStream.Family draws;
        final double[][] hidden;
        final byte[][] w;
        final long[][] packed; // W^a bit-packed, bit i set when W_i^a = +1
        final int[] sum; // S_i = sum_a W_i^a
        final int[][] order;
        final int batches;

        Run(PerceptronInstance inst, RsgdSpec spec, RandomStream stream) {
            this.n = inst.n();
            this.p = inst.p();
            this.y = spec.replicas();
            this.spec = spec;
            if (n < 1 || p < 1) {
                throw new IllegalArgumentException("replicated SGD needs N >= 1 and P >= 1, got " + n + " x " + p);
            }
            this.patterns = inst.binaryInputs() ? new BinaryPatterns(inst, spec.kappa()) : new RealPatterns(inst, spec.kappa());
            this.draws = stream.family();
            byte[] start = new byte[n];
            draws.stream(0).spins(0, start, 0, n);
            hidden = new double[y][n];
            packed = new long[y][];
            w = new byte[y][];
            sum = new int[n];
            for (int a = 0; a < y; a++) {
                w[a] = start.clone();
                packed[a] = BinaryPatterns.pack(start);
                for (int i = 0; i < n; i++) {
                    hidden[a][i] = start[i];
                }
            }
            for (int i = 0; i < n; i++) {
                sum[i] = y * start[i];
            }
            order = new int[y][p];
            batches = (p + spec.batch() - 1) / spec.batch();
        }

        RsgdOutcome solve() {
            double eta = spec.eta();
            double lambda = spec.lambda();
            int best = Integer.MAX_VALUE;
            int epoch = 0;
            Check check = check();
            best = Math.min(best, check.fewest);
            int[] replicaOrder = new int[y];
            int[] words = new int[Math.max(p, y)];
            double[] tanh = new double[2 * y + 1];
            byte[] old = new byte[n];
            while (!check.solved() && epoch < spec.maxEpochs()) {
                spec.couplingTable(epoch, tanh);
                for (int a = 0; a < y; a++) {
                    draws.stream(2 + a).words((long) epoch * p, words, 0, p - 1);
                    SweepSchedule.permutation(order[a], p, words);
                }
                for (int b = 0; b < batches; b++) {
                    draws.stream(1).words(((long) epoch * batches + b) * y, words, 0, y - 1);
                    SweepSchedule.permutation(replicaOrder, y, words);
                    int from = b * spec.batch();
                    int to = Math.min(p, from + spec.batch());
                    for (int k = 0; k < y; k++) {
                        step(replicaOrder[k], from, to, eta, lambda, tanh, old);
                    }
                }
                epoch++;
                eta *= spec.etaFactor();
                lambda *= spec.lambdaFactor();
                check = check();
                best = Math.min(best, check.fewest);
            }
            return check.outcome(epoch, best, spec.gamma(Math.max(0, epoch - 1)));
        }

        /** Energy step and kick of replica a on positions [from, to) of its pattern order. */
        void step(int a, int from, int to, double eta, double lambda, double[] tanh, byte[] old) {
            byte[] wa = w[a];
            double[] ha = hidden[a];
            System.arraycopy(wa, 0, old, 0, n);
            patterns.clear();
            long[] bits = packed[a];
            patterns.load(wa, bits);
            int[] ord = order[a];
            for (int k = from; k < to; k++) {
                int mu = ord[k];
                if (patterns.violated(mu)) {
                    patterns.accumulate(mu);
                }
            }
            int[] s = sum;
            for (int k = 0, i0 = 0; i0 < n; k++, i0 += 64) {
                long word = 0;
                int end = Math.min(n, i0 + 64);
                for (int i = i0; i < end; i++) {
                    double h = ha[i] + eta * patterns.accumulated(i);
                    double wi = h > 0 ? 1 : -1; // W^a after the energy step
                    h += lambda * (tanh[s[i] + y] - wi);
                    ha[i] = h;
                    boolean up = h > 0;
                    byte next = (byte) (up ? 1 : -1);
                    wa[i] = next;
                    s[i] += next - old[i];
                    word |= (up ? 1L : 0L) << (i - i0);
                }
                bits[k] = word;
            }
        }

        record Check(boolean solved, int who, int violations, double margin, double centreMargin, int fewest, byte[] weights) {
            RsgdOutcome outcome(int epochs, int best, double gamma) {
                double[] d = new double[weights.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = weights[i];
                }
                return new RsgdOutcome(d, solved, who, epochs, violations, margin, centreMargin, best, gamma);
            }
        }

        /** Violations and margins of the centre and every replica; picks the reported configuration. */
        Check check() {
            byte[] centre = new byte[n];
            for (int i = 0; i < n; i++) {
                centre[i] = (byte) (sum[i] > 0 ? 1 : -1);
            }
            double[] stat = new double[2];
            patterns.evaluate(centre, stat);
            int bestWho = -1;
            int bestViol = (int) stat[0];
            double bestMargin = stat[1];
            double centreMargin = stat[1];
            byte[] bestW = centre;
            for (int a = 0; a < y && bestViol > 0; a++) {
                patterns.evaluate(w[a], stat);
                if ((int) stat[0] < bestViol) {
                    bestViol = (int) stat[0];
                    bestMargin = stat[1];
                    bestWho = a;
                    bestW = w[a];
                }
            }
            int fewest = bestViol;
            return new Check(bestViol == 0, bestWho, bestViol, bestMargin, centreMargin, fewest, bestW.clone());
        }
    }

    /** The examples as the energy step reads them: one pattern at a time. */
    private abstract static class Patterns {
        /** Makes w (with its bit-packed form, bit i set when w_i = +1) the weights that {@link #violated} tests. */
        abstract void load(byte[] w, long[] packed);

        /** Whether pattern mu violates the margin under the loaded weights. */
        abstract boolean violated(int mu);

        /** Starts an energy step: the sum of violated patterns is zero. */
        abstract void clear();

        /** Adds xi^mu to the sum of violated patterns. */
        abstract void accumulate(int mu);

        /** Component i of the sum of violated patterns. */
        abstract double accumulated(int i);

        /** out[0] = violated patterns, out[1] = min stability, for weights w. */
        abstract void evaluate(byte[] w, double[] out);
    }

    /** +-1 inputs: patterns bit-packed (bit set = +1), integer fields h = N - 2 popcount(xi XOR w). */
    private static final class BinaryPatterns extends Patterns {
        final int n;
        final int p;
        final int words;
        final long[] bits;
        final byte[] rows; // pattern-major +-1
        long[] loaded;
        final int[] counts;
        final int threshold;
        final double sqrtN;

        BinaryPatterns(PerceptronInstance inst, double kappa) {
            n = inst.n();
            p = inst.p();
            words = (n + 63) >>> 6;
            bits = new long[p * words];
            rows = new byte[p * n];
            double[] xi = inst.xi();
            for (int i = 0; i < n; i++) {
                for (int mu = 0; mu < p; mu++) {
                    byte v = (byte) xi[i * p + mu];
                    rows[mu * n + i] = v;
                    if (v > 0) {
                        bits[mu * words + (i >>> 6)] |= 1L << (i & 63);
                    }
                }
            }
            counts = new int[n];
            sqrtN = Math.sqrt(n);
            threshold = (int) Math.ceil(kappa * sqrtN);
        }

        static long[] pack(byte[] w) {
            long[] out = new long[(w.length + 63) >>> 6];
            for (int i = 0; i < w.length; i++) {
                if (w[i] > 0) {
                    out[i >>> 6] |= 1L << (i & 63);
                }
            }
            return out;
        }

        int field(int mu, long[] w) {
            int diff = 0;
            int off = mu * words;
            for (int k = 0; k < words; k++) {
                diff += Long.bitCount(bits[off + k] ^ w[k]);
            }
            return n - 2 * diff;
        }

        @Override
        void load(byte[] w, long[] packed) {
            loaded = packed;
        }

        @Override
        boolean violated(int mu) {
            return field(mu, loaded) < threshold;
        }

        @Override
        void clear() {
            Arrays.fill(counts, 0);
        }

        @Override
        void accumulate(int mu) {
            int off = mu * n;
            int[] c = counts;
            for (int i = 0; i < n; i++) {
                c[i] += rows[off + i];
            }
        }

        @Override
        double accumulated(int i) {
            return counts[i];
        }

        @Override
        void evaluate(byte[] w, double[] out) {
            long[] packed = pack(w);
            int viol = 0;
            int min = Integer.MAX_VALUE;
            for (int mu = 0; mu < p; mu++) {
                int h = field(mu, packed);
                viol += h < threshold ? 1 : 0;
                min = Math.min(min, h);
            }
            out[0] = viol;
            out[1] = min / sqrtN;
        }
    }

    /** Real (Gaussian) inputs: fields in double, pattern-major rows. */
    private static final class RealPatterns extends Patterns {
        final int n;
        final int p;
        final double[] rows;
        final double threshold;
        final double sqrtN;
        final double[] sums;
        final double[] loaded;

        RealPatterns(PerceptronInstance inst, double kappa) {
            n = inst.n();
            p = inst.p();
            rows = new double[p * n];
            double[] xi = inst.xi();
            for (int i = 0; i < n; i++) {
                for (int mu = 0; mu < p; mu++) {
                    rows[mu * n + i] = xi[i * p + mu];
                }
            }
            sums = new double[n];
            loaded = new double[n];
            sqrtN = Math.sqrt(n);
            threshold = kappa * sqrtN;
        }

        /** xi^mu . w with four interleaved partial sums (fixed order: i mod 4), so the loop pipelines. */
        double field(int mu, double[] w) {
            int off = mu * n;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += w[i] * rows[off + i];
                s1 += w[i + 1] * rows[off + i + 1];
                s2 += w[i + 2] * rows[off + i + 2];
                s3 += w[i + 3] * rows[off + i + 3];
            }
            for (; i < n; i++) {
                s0 += w[i] * rows[off + i];
            }
            return (s0 + s1) + (s2 + s3);
        }

        void convert(byte[] w, double[] out) {
            for (int i = 0; i < n; i++) {
                out[i] = w[i];
            }
        }

        @Override
        void load(byte[] w, long[] packed) {
            convert(w, loaded);
        }

        @Override
        boolean violated(int mu) {
            return field(mu, loaded) < threshold;
        }

        @Override
        void clear() {
            Arrays.fill(sums, 0);
        }

        @Override
        void accumulate(int mu) {
            int off = mu * n;
            double[] c = sums;
            for (int i = 0; i < n; i++) {
                c[i] += rows[off + i];
            }
        }

        @Override
        double accumulated(int i) {
            return sums[i];
        }

        @Override
        void evaluate(byte[] w, double[] out) {
            int viol = 0;
            double min = Double.POSITIVE_INFINITY;
            double[] wd = new double[n];
            convert(w, wd);
            for (int mu = 0; mu < p; mu++) {
                double h = field(mu, wd);
                viol += h < threshold ? 1 : 0;
                min = Math.min(min, h);
            }
            out[0] = viol;
            out[1] = min / sqrtN;
        }
    }
}
