package io.dismc.perceptron;

import io.dismc.backend.Backend;
import io.dismc.linalg.MatrixProduct;
import io.dismc.parallel.Parallel;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Hit-and-run sampler of the uniform (equilibrium, flat) measure on the solution space of a spherical
 * perceptron, {w : |w|^2 = N, Delta^mu = xi^mu . w / sqrt(N) &gt;= kappa for all mu}, started from a
 * solution (docs/models.md 2.2.1; the great-circle recipe of the spec, after
 * Annesi et al., PRL 131, 227301 (2023)).
 * <p>
 * A move picks a circle through the current point (a great circle in a random tangent direction, or a
 * rotation of a random coordinate pair, {@link HitAndRunMove}) on which every stability is
 * Delta^mu(psi) = c_mu + A_mu cos psi + B_mu sin psi, psi = 0 being the current point. Constraint mu holds
 * on |wrap(psi - phi_mu)| &lt;= beta_mu with R = sqrt(A^2 + B^2), phi = atan2(B, A), beta = arccos((kappa - c)/R);
 * it never binds when kappa - c &lt;= -R. The connected feasible arc is (-min_mu(beta - phi), min_mu(beta + phi)),
 * the whole circle when nothing binds, and the new point is uniform on it. The kernel is symmetric (w and
 * w' see the same circle and the same arc), so the uniform measure is stationary; no cap at pi is applied
 * to either side (a cap would make the arc depend on where on it the chain sits, breaking the symmetry).
 * Constraints whose slack exceeds R times the current arc bound are skipped: |d Delta/d psi| &lt;= R, so they
 * cannot shorten the arc.
 * <p>
 * Chains are independent; each runs with its own stream and writes only its own state, so results do
 * not depend on the pool or on how chains are grouped. Great-circle chains advance in fixed groups of
 * {@value #GROUP} whose directions go through one matrix product U Xi (each entry summed in a fixed order).
 * Draws of chain c's stream family: great circle, member 0: Gaussians t N2 .. t N2 + N - 1 (N2 = N rounded
 * up to even) for move t's direction, member 1: uniform t for its position on the arc; pair rotation,
 * member 0, block t: words 0, 1 pick (i, j), words 2, 3 form the double uniform of the position.
 */
public final class HitAndRunSampler {
    /** Great-circle chains per matrix product. */
    static final int GROUP = 4;

    private HitAndRunSampler() {}

    /** A chain: a strictly feasible start (any norm; it is put on the sphere) and the chain's stream. */
    public record Chain(double[] start, RandomStream stream) {}

    /** Runs every chain on the pool; result k belongs to chain k. */
    public static List<ChainResult> sample(PerceptronInstance inst, List<Chain> chains, HitAndRunSpec spec, ForkJoinPool pool) {
        for (Chain c : chains) {
            if (c.start().length != inst.n()) {
                throw new IllegalArgumentException("chain start has " + c.start().length + " weights, the instance " + inst.n());
            }
            int v = inst.violations(c.start(), spec.kappa());
            if (v > 0) {
                throw new IllegalArgumentException("chain start violates " + v + " constraints at kappa = " + spec.kappa());
            }
        }
        ChainResult[] out = new ChainResult[chains.size()];
        if (spec.move() == HitAndRunMove.PAIR_ROTATION) {
            Parallel.forEach(pool, chains.size(), k -> out[k] = runPairs(inst, chains.get(k), spec, true));
        } else {
            int groups = (chains.size() + GROUP - 1) / GROUP;
            Parallel.forEach(pool, groups, g -> {
                int from = g * GROUP;
                int to = Math.min(chains.size(), from + GROUP);
                ChainResult[] r = runGreatCircles(inst, chains.subList(from, to), spec);
                System.arraycopy(r, 0, out, from, r.length);
            });
        }
        return List.of(out);
    }

    /**
     * Strictly feasible starts by gradient descent on the sphere (the existing {@link SphericalDescent} with
     * the hinge loss, r = 1, at margin kappa + 0.01 and step 0.05: it stops with min stability &gt;= kappa + 0.01;
     * the squared hinge at the same margin converges only asymptotically), one per stream, each from a
     * uniformly random point (stream family member 0; member 1 drives the descent). Starts that did not
     * converge in maxSteps are returned as null.
     */
    public static List<double[]> descentStarts(PerceptronInstance inst, double kappa, List<RandomStream> streams, int maxSteps,
                                               Backend backend) {
        List<float[]> init = new ArrayList<>();
        List<RandomStream> dyn = new ArrayList<>();
        for (RandomStream s : streams) {
            init.add(SphericalDescent.randomStart(inst.n(), s.family().stream(0)));
            dyn.add(s.family().stream(1));
        }
        List<SolverOutcome> gd = SphericalDescent.run(inst, init, dyn, new DescentSpec(0.05, 0, maxSteps, kappa + 0.01, 1), backend);
        List<double[]> out = new ArrayList<>();
        for (SolverOutcome o : gd) {
            out.add(o.solved() && inst.violations(o.weights(), kappa) == 0 ? o.weights() : null);
        }
        return out;
    }

    // --- chain state ---

    /** w on the sphere and its stabilities; sampling bookkeeping. */
    private static final class State {
        final int n;
        final int p;
        final double sqrtN;
        final double[] w;
        final double[] delta;
        final double[] start;
        final List<double[]> samples = new ArrayList<>();
        double arcSum;
        double maxDrift;

        State(PerceptronInstance inst, double[] start0) {
            n = inst.n();
            p = inst.p();
            sqrtN = Math.sqrt(n);
            w = start0.clone();
            delta = new double[p];
            normalize();
            start = w.clone();
            System.arraycopy(stabilities(inst, w), 0, delta, 0, p);
        }

        void normalize() {
            double s = 0;
            for (double x : w) {
                s += x * x;
            }
            double scale = Math.sqrt(n / s);
            for (int i = 0; i < n; i++) {
                w[i] *= scale;
            }
        }

        /** Puts w back on the sphere and recomputes the stabilities, recording the drift. */
        void reanchor(PerceptronInstance inst) {
            normalize();
            double[] exact = stabilities(inst, w);
            for (int mu = 0; mu < p; mu++) {
                maxDrift = Math.max(maxDrift, Math.abs(exact[mu] - delta[mu]));
                delta[mu] = exact[mu];
            }
        }

        void afterMove(PerceptronInstance inst, long done, HitAndRunSpec spec) {
            if (done % spec.reanchorEvery() == 0) {
                reanchor(inst);
            }
            if (done >= spec.burnIn() && (done - spec.burnIn()) % spec.thin() == 0 && samples.size() < spec.samples()) {
                reanchor(inst);
                samples.add(w.clone());
            }
        }

        ChainResult result(PerceptronInstance inst, long moves, double kappa) {
            return new ChainResult(start, List.copyOf(samples), moves, moves == 0 ? 0 : arcSum / moves,
                    inst.violations(samples.get(samples.size() - 1), kappa), maxDrift);
        }
    }

    static double[] stabilities(PerceptronInstance inst, double[] w) {
        return SolutionSpaceStatistics.stabilities(inst, w);
    }

    /**
     * The feasible arc (-lo, hi) around psi = 0, built up constraint by constraint; infinite sides mean
     * no constraint has bound yet.
     */
    static final class Arc {
        double lo;
        double hi;
        /** max(lo, hi)^2: constraints with slack^2 &gt;= R^2 bound2 cannot shorten the arc. */
        double bound2;

        void reset() {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.POSITIVE_INFINITY;
            bound2 = Double.POSITIVE_INFINITY;
        }

        /**
         * Folds in the constraint A cos psi + B sin psi &gt;= A - slack (slack &gt;= 0: it holds at psi = 0).
         * The cheap tests use squares, so most constraints cost no square root.
         */
        void fold(double a, double b, double slack) {
            double rr = a * a + b * b;
            if (slack * slack >= rr * bound2) {
                return; // |d Delta / d psi| <= R: cannot bind within the current arc
            }
            double k = a - slack;
            if (k <= 0 && k * k >= rr) {
                return; // K <= -R: holds on the whole circle
            }
            double r = Math.sqrt(rr);
            double beta = Math.acos(Math.min(1, k / r));
            double phi = Math.atan2(b, a);
            hi = Math.min(hi, Math.max(0, beta + phi));
            lo = Math.min(lo, Math.max(0, beta - phi));
            double m = Math.max(lo, hi);
            bound2 = m * m;
        }

        /** Uniform on (-lo, hi), or on the whole circle when nothing binds. */
        double position(double u) {
            if (lo == Double.POSITIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
                return Math.PI * (2 * u - 1);
            }
            return -lo + u * (lo + hi);
        }

        double length() {
            return lo == Double.POSITIVE_INFINITY ? 2 * Math.PI : lo + hi;
        }
    }

    // --- great circles ---

    private static ChainResult[] runGreatCircles(PerceptronInstance inst, List<Chain> chains, HitAndRunSpec spec) {
        int g = chains.size();
        int n = inst.n();
        int p = inst.p();
        int n2 = n + (n & 1);
        double sqrtN = Math.sqrt(n);
        double kappa = spec.kappa();
        State[] st = new State[g];
        RandomStream[] dirs = new RandomStream[g];
        RandomStream[] pos = new RandomStream[g];
        for (int c = 0; c < g; c++) {
            st[c] = new State(inst, chains.get(c).start());
            dirs[c] = chains.get(c).stream().family().stream(0);
            pos[c] = chains.get(c).stream().family().stream(1);
        }
        double[] u = new double[g * n];
        double[] gamma = new double[g * p];
        Arc arc = new Arc();
        long total = spec.totalMoves();
        for (State s : st) {
            s.afterMove(inst, 0, spec); // records the start when burnIn = 0
        }
        for (long t = 0; t < total; t++) {
            for (int c = 0; c < g; c++) {
                dirs[c].gaussians(t * n2, u, c * n, n);
                tangent(u, c * n, st[c].w, n);
            }
            MatrixProduct.multiply(u, g, n, inst.xi(), p, gamma);
            for (int c = 0; c < g; c++) {
                State s = st[c];
                int go = c * p;
                arc.reset();
                for (int mu = 0; mu < p; mu++) {
                    gamma[go + mu] /= sqrtN;
                    arc.fold(s.delta[mu], gamma[go + mu], s.delta[mu] - kappa);
                }
                s.arcSum += arc.length();
                double theta = arc.position(pos[c].uniform(t));
                double cs = Math.cos(theta);
                double sn = Math.sin(theta);
                int uo = c * n;
                for (int i = 0; i < n; i++) {
                    s.w[i] = cs * s.w[i] + sn * u[uo + i];
                }
                for (int mu = 0; mu < p; mu++) {
                    s.delta[mu] = cs * s.delta[mu] + sn * gamma[go + mu];
                }
                s.afterMove(inst, t + 1, spec);
            }
        }
        ChainResult[] out = new ChainResult[g];
        for (int c = 0; c < g; c++) {
            out[c] = st[c].result(inst, total, kappa);
        }
        return out;
    }

    /** u[off..off+n) &lt;- its component orthogonal to w, scaled to |u|^2 = N. */
    static void tangent(double[] u, int off, double[] w, int n) {
        double uw = 0;
        double ww = 0;
        for (int i = 0; i < n; i++) {
            uw += u[off + i] * w[i];
            ww += w[i] * w[i];
        }
        double c = uw / ww;
        double uu = 0;
        for (int i = 0; i < n; i++) {
            double v = u[off + i] - c * w[i];
            u[off + i] = v;
            uu += v * v;
        }
        double scale = Math.sqrt(n / uu);
        for (int i = 0; i < n; i++) {
            u[off + i] *= scale;
        }
    }

    // --- pair rotations ---

    /** Pair-rotation chains with every constraint folded on every move (the reference for the sorted scan). */
    static List<ChainResult> samplePairsFullScan(PerceptronInstance inst, List<Chain> chains, HitAndRunSpec spec) {
        List<ChainResult> out = new ArrayList<>();
        for (Chain c : chains) {
            out.add(runPairs(inst, c, spec, false));
        }
        return out;
    }

    private static ChainResult runPairs(PerceptronInstance inst, Chain chain, HitAndRunSpec spec, boolean sortedScan) {
        int n = inst.n();
        if (n < 2) {
            throw new IllegalArgumentException("pair rotations need N >= 2");
        }
        int p = inst.p();
        double[] xi = inst.xi();
        // +-1 inputs as bytes for the arc scan (8 times less memory traffic than the double rows)
        byte[] spins = inst.binaryInputs() ? inst.asSpins().data() : null;
        double kappa = spec.kappa();
        State s = new State(inst, chain.start());
        double invSqrtN = 1 / s.sqrtN;
        RandomStream draws = chain.stream().family().stream(0);
        int[] words = new int[4];
        int[] candidates = new int[p + 1];
        Arc arc = new Arc();
        long total = spec.totalMoves();
        s.afterMove(inst, 0, spec);
        double[] w = s.w;
        double[] delta = s.delta;
        for (long t = 0; t < total; t++) {
            draws.block(t, words, 0);
            int i = RandomStream.below(words[0], n);
            int j = RandomStream.below(words[1], n - 1);
            if (j >= i) {
                j++;
            }
            double u = ((((long) words[3] << 32) | (words[2] & 0xffffffffL)) >>> 11) * 0x1.0p-53;
            double wi = w[i];
            double wj = w[j];
            int oi = i * p;
            int oj = j * p;
            if (spins != null && sortedScan) {
                pairArcSorted(spins, oi, oj, wi * invSqrtN, wj * invSqrtN, delta, kappa, p, arc, candidates);
            } else if (spins != null) {
                pairArc(spins, oi, oj, wi * invSqrtN, wj * invSqrtN, delta, kappa, p, arc);
            } else {
                pairArc(xi, oi, oj, wi * invSqrtN, wj * invSqrtN, delta, kappa, p, arc);
            }
            s.arcSum += arc.length();
            double psi = arc.position(u);
            double cs = Math.cos(psi);
            double sn = Math.sin(psi);
            double ni = cs * wi - sn * wj;
            double nj = sn * wi + cs * wj;
            double di = (ni - wi) * invSqrtN;
            double dj = (nj - wj) * invSqrtN;
            w[i] = ni;
            w[j] = nj;
            pairUpdate(xi, oi, oj, di, dj, delta, p);
            s.afterMove(inst, t + 1, spec);
        }
        return s.result(inst, total, kappa);
    }

    /** The feasible arc of the rotation of (w_i, w_j): Delta(psi) = Delta - a + a cos psi + b sin psi. */
    static void pairArc(double[] xi, int oi, int oj, double vi, double vj, double[] delta, double kappa, int p, Arc arc) {
        arc.reset();
        for (int mu = 0; mu < p; mu++) {
            double xa = xi[oi + mu];
            double xb = xi[oj + mu];
            double a = xa * vi + xb * vj;
            double b = xb * vi - xa * vj;
            arc.fold(a, b, delta[mu] - kappa);
        }
    }

    static void pairArc(byte[] xi, int oi, int oj, double vi, double vj, double[] delta, double kappa, int p, Arc arc) {
        arc.reset();
        for (int mu = 0; mu < p; mu++) {
            double xa = xi[oi + mu];
            double xb = xi[oj + mu];
            double a = xa * vi + xb * vj;
            double b = xb * vi - xa * vj;
            arc.fold(a, b, delta[mu] - kappa);
        }
    }

    /** Arcs up to this long (radians) are found from the constraints near the boundary alone. */
    static final double SORTED_SCAN_LIMIT = 1.5;

    /**
     * {@link #pairArc(byte[], int, int, double, double, double[], double, int, Arc)} for +-1 inputs, cheaper:
     * every constraint has the same R = sqrt(2 (v_i^2 + v_j^2)) (a^2 + b^2 = (xi_i^2 + xi_j^2)(v_i^2 + v_j^2)),
     * and one with slack s cannot end an arc shorter than s / R on either side. So only constraints with
     * slack &lt; R L (L = {@value #SORTED_SCAN_LIMIT}) are gathered and folded in increasing slack (by
     * selection), stopping at the first whose slack reaches R max(lo, hi); if the arc still exceeds L, every constraint is
     * folded. The arc is the same minimum as the full scan's.
     */
    static void pairArcSorted(byte[] xi, int oi, int oj, double vi, double vj, double[] delta, double kappa, int p, Arc arc, int[] cand) {
        double r = Math.sqrt(2 * (vi * vi + vj * vj));
        double cut = kappa + r * SORTED_SCAN_LIMIT;
        int m = 0;
        for (int mu = 0; mu < p; mu++) {
            cand[m] = mu; // branch-free compaction
            m += delta[mu] < cut ? 1 : 0;
        }
        arc.reset();
        // selection: fold the remaining candidate of least slack until the slack reaches r max(lo, hi)
        while (m > 0) {
            int best = 0;
            for (int x = 1; x < m; x++) {
                if (delta[cand[x]] < delta[cand[best]]) {
                    best = x;
                }
            }
            int mu = cand[best];
            cand[best] = cand[--m];
            double slack = delta[mu] - kappa;
            if (slack >= r * Math.max(arc.lo, arc.hi)) {
                break;
            }
            double xa = xi[oi + mu];
            double xb = xi[oj + mu];
            arc.fold(xa * vi + xb * vj, xb * vi - xa * vj, slack);
        }
        if (!(Math.max(arc.lo, arc.hi) <= SORTED_SCAN_LIMIT)) {
            pairArc(xi, oi, oj, vi, vj, delta, kappa, p, arc);
        }
    }

    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    static void pairUpdate(double[] xi, int oi, int oj, double di, double dj, double[] delta, int p) {
        if (VECTOR) {
            PairKernels.update(xi, oi, oj, di, dj, delta, p);
            return;
        }
        for (int mu = 0; mu < p; mu++) {
            delta[mu] += xi[oi + mu] * di + xi[oj + mu] * dj;
        }
    }
}
