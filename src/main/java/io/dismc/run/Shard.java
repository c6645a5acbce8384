package io.dismc.run;

import io.dismc.params.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Slice i of n of a sweep's units, for clusters: every unit belongs to exactly one slice. Units are
 * dealt by longest-processing-time-first on the experiment's cost estimate (ties by unit order), so
 * the slices are balanced and the same on every machine.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public static Shard parse(String text) {
        String accepted = "i/n with 0 <= i < n, e.g. 3/16 (Slurm: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)";
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw UsageError.option("shard", "'" + text + "' is not i/n", accepted);
        }
        try {
            int i = Integer.parseInt(parts[0].trim());
            int n = Integer.parseInt(parts[1].trim());
            if (n < 1 || i < 0 || i >= n) {
                throw UsageError.option("shard", "'" + text + "' is out of range", accepted);
            }
            return new Shard(i, n);
        } catch (NumberFormatException e) {
            throw UsageError.option("shard", "'" + text + "' is not i/n", accepted);
        }
    }

    /** This slice's units, in sweep order. */
    public List<Unit> select(Experiment<?> e, List<Unit> all) {
        if (count == 1) {
            return all;
        }
        int[] owner = assign(e, all, count);
        List<Unit> mine = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (owner[k] == index) {
                mine.add(all.get(k));
            }
        }
        return mine;
    }

    static int[] assign(Experiment<?> e, List<Unit> all, int n) {
        double[] cost = new double[all.size()];
        for (int k = 0; k < cost.length; k++) {
            cost[k] = e.cost(all.get(k).point());
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < cost.length; k++) {
            order.add(k);
        }
        order.sort(Comparator.<Integer>comparingDouble(k -> -cost[k]).thenComparingInt(k -> k));
        double[] load = new double[n];
        int[] owner = new int[all.size()];
        for (int k : order) {
            int best = 0;
            for (int s = 1; s < n; s++) {
                if (load[s] < load[best]) {
                    best = s;
                }
            }
            owner[k] = best;
            load[best] += cost[k];
        }
        return owner;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
