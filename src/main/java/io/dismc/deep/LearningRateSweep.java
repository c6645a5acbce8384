package io.dismc.deep;

import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The learning-rate sweep of learning-rate transfer (docs/models.md, section deep networks and
 * spectra): at each width, GD for a fixed budget at learning rates on a geometric grid
 * eta_k = eta_0 r^k, extended upward until a run diverges (non-finite loss or loss above the spec's
 * factor x its initial value) and downward until the best learning rate eta* (the argmin of the final,
 * tail-averaged training loss over the runs that did not diverge) is not the grid's first point, so that
 * eta* is bracketed. Every run at a width starts from the same weights; runs are independent and
 * single-threaded, so the result does not depend on the thread count (points computed speculatively
 * beyond the first divergence are dropped).
 */
public final class LearningRateSweep {
    private LearningRateSweep() {}

    /**
     * @param network the architecture at the first width (withWidth gives the others)
     * @param widths hidden widths N, in increasing order
     * @param firstEta eta_0, the grid's anchor (the grid is eta_0 r^k for integer k, so all widths share it)
     * @param ratio r &gt; 1
     * @param maxPoints at most this many learning rates per width
     * @param init the start of each width's runs is network.withWidth(N).initialWeights(init)
     */
    public record Spec(DeepNetwork network, List<Integer> widths, DeepDataset train, DeepTrainingSpec training, double firstEta,
                       double ratio, int maxPoints, RandomStream init) {
        public Spec {
            if (widths.isEmpty() || !(firstEta > 0) || Double.isInfinite(firstEta) || !(ratio > 1) || Double.isInfinite(ratio)
                    || maxPoints < 2) {
                throw new IllegalArgumentException("learning-rate sweep: " + widths.size() + " widths, eta_0 = " + firstEta + ", ratio = "
                        + ratio + ", " + maxPoints + " points (at least 1 width, eta_0 > 0, ratio > 1, points >= 2)");
            }
            widths = List.copyOf(widths);
        }
    }

    /**
     * One width's sweep, learning rates increasing.
     *
     * @param finalLoss tail-averaged final training loss (NaN where diverged)
     * @param best index of eta* (-1 when every run diverged)
     * @param divergenceEta the smallest learning rate on the grid at which the run diverged (NaN if none did
     *                      within maxPoints)
     * @param bracketed whether eta* has a non-diverged neighbour below and a learning rate above on the grid
     */
    public record Width(int width, double[] etas, double[] finalLoss, boolean[] diverged, int best, double etaStar, double divergenceEta,
                        boolean bracketed) {}

    /** The sweep at every width of the spec, on one shared dataset. */
    public static List<Width> run(Spec spec, int threads) {
        List<Width> out = new ArrayList<>();
        for (int n : spec.widths()) {
            DeepNetwork net = spec.network().withWidth(n);
            out.add(sweep(net, net.initialWeights(spec.init()), spec.train(), spec.training(), spec.firstEta(), spec.ratio(),
                    spec.maxPoints(), threads));
        }
        return out;
    }

    /**
     * The sweep of one network from one start (any data: the proportional limit changes D and P with N).
     *
     * @param training the budget and divergence rule (its eta is replaced by the grid's; full batch only)
     * @param threads runs trained at once (the result does not depend on it)
     */
    public static Width sweep(DeepNetwork net, double[] start, DeepDataset train, DeepTrainingSpec training, double firstEta,
                              double ratio, int maxPoints, int threads) {
        if (threads < 1 || training.batch() != 0) {
            throw new IllegalArgumentException("learning-rate sweep: threads " + threads + ", batch " + training.batch()
                    + " (threads >= 1, full-batch GD)");
        }
        if (!(firstEta > 0) || Double.isInfinite(firstEta) || !(ratio > 1) || Double.isInfinite(ratio) || maxPoints < 2) {
            throw new IllegalArgumentException("learning-rate sweep: eta_0 = " + firstEta + ", ratio = " + ratio + ", " + maxPoints
                    + " points (eta_0 > 0, ratio > 1, points >= 2)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return width(new Grid(net, start, train, training, firstEta, ratio, maxPoints), pool, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Grid(DeepNetwork net, double[] start, DeepDataset train, DeepTrainingSpec training, double firstEta, double ratio,
                        int maxPoints) {
        double eta(int k) {
            return firstEta * Math.pow(ratio, k);
        }
    }

    private static Width width(Grid spec, ExecutorService pool, int threads) {
        java.util.TreeMap<Integer, DeepTrainer.Run> runs = new java.util.TreeMap<>();
        // upward from k = 0 until the first divergence
        int k = 0;
        Integer firstDiverged = null;
        while (firstDiverged == null && runs.size() < spec.maxPoints()) {
            int batch = Math.min(threads, spec.maxPoints() - runs.size());
            List<Integer> ks = new ArrayList<>();
            for (int q = 0; q < batch; q++) {
                ks.add(k + q);
            }
            List<DeepTrainer.Run> rs = trainAll(spec, ks, pool);
            for (int q = 0; q < ks.size() && firstDiverged == null; q++) {
                runs.put(ks.get(q), rs.get(q));
                if (rs.get(q).diverged()) {
                    firstDiverged = ks.get(q);
                }
            }
            k += batch;
        }
        // downward while eta* sits at the lowest learning rate
        while (runs.size() < spec.maxPoints() && bestKey(runs) != null && bestKey(runs).equals(runs.firstKey())) {
            int low = runs.firstKey();
            int batch = Math.min(threads, spec.maxPoints() - runs.size());
            List<Integer> ks = new ArrayList<>();
            for (int q = 1; q <= batch; q++) {
                ks.add(low - q);
            }
            List<DeepTrainer.Run> rs = trainAll(spec, ks, pool);
            boolean found = false;
            for (int q = 0; q < ks.size() && !found; q++) {
                runs.put(ks.get(q), rs.get(q));
                // stop as soon as the new lowest point is worse than the one above it: eta* is bracketed
                found = !bestKey(runs).equals(runs.firstKey());
            }
        }
        int size = runs.size();
        double[] etas = new double[size];
        double[] loss = new double[size];
        boolean[] div = new boolean[size];
        int i = 0;
        for (var e : runs.entrySet()) {
            etas[i] = spec.eta(e.getKey());
            loss[i] = e.getValue().diverged() ? Double.NaN : e.getValue().finalLoss();
            div[i] = e.getValue().diverged();
            i++;
        }
        Integer bk = bestKey(runs);
        int best = bk == null ? -1 : runs.headMap(bk).size();
        double divergenceEta = firstDiverged == null ? Double.NaN : spec.eta(firstDiverged);
        boolean bracketed = best > 0 && best < size - 1;
        return new Width(spec.net().width(), etas, loss, div, best, best < 0 ? Double.NaN : etas[best], divergenceEta, bracketed);
    }

    private static Integer bestKey(java.util.TreeMap<Integer, DeepTrainer.Run> runs) {
        Integer best = null;
        for (var e : runs.entrySet()) {
            DeepTrainer.Run r = e.getValue();
            if (!r.diverged() && Double.isFinite(r.finalLoss()) && (best == null || r.finalLoss() < runs.get(best).finalLoss())) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static List<DeepTrainer.Run> trainAll(Grid spec, List<Integer> ks, ExecutorService pool) {
        List<Future<DeepTrainer.Run>> fs = new ArrayList<>();
        for (int kk : ks) {
            DeepTrainingSpec t = spec.training().withEta(spec.eta(kk));
            fs.add(pool.submit(() -> DeepTrainer.train(spec.net(), spec.start(), spec.train(), t, null, null)));
        }
        List<DeepTrainer.Run> out = new ArrayList<>();
        for (Future<DeepTrainer.Run> f : fs) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("learning-rate sweep interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return out;
    }
}
