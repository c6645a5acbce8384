package io.dismc.perceptron;

import io.dismc.backend.Backend;
import io.dismc.backend.RsgdOutcome;
import io.dismc.backend.RsgdSpec;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replicated SGD for the binary perceptron (docs/models.md 2.2.2; Baldassi et al., PNAS 113, E7655
 * (2016)): the domain side of {@link Backend#replicatedSgd}, which runs a batch of independent runs in
 * one launch on either backend (the algorithm and its draws: backend.cpu.ReplicatedSgdRun and
 * kernels/rsgd.cu). Here: tasks with their own parameters, and the margin scan.
 */
public final class ReplicatedSgd {
    private ReplicatedSgd() {}

    /** One independent run: an instance, parameters and the run's stream. */
    public record Task(PerceptronInstance instance, RsgdSpec spec, RandomStream stream) {}

    /**
     * Every task on the backend, one contract call per distinct spec (in order of first appearance);
     * outcome k belongs to task k and does not depend on the batch or the number of threads.
     */
    public static List<RsgdOutcome> runAll(List<Task> tasks, Backend backend) {
        Map<RsgdSpec, List<Integer>> bySpec = new LinkedHashMap<>();
        for (int k = 0; k < tasks.size(); k++) {
            bySpec.computeIfAbsent(tasks.get(k).spec(), s -> new ArrayList<>()).add(k);
        }
        RsgdOutcome[] out = new RsgdOutcome[tasks.size()];
        for (Map.Entry<RsgdSpec, List<Integer>> e : bySpec.entrySet()) {
            List<Integer> ks = e.getValue();
            List<PerceptronInstance> insts = new ArrayList<>();
            Map<PerceptronInstance, Integer> index = new IdentityHashMap<>();
            List<RandomStream> streams = new ArrayList<>();
            int[] instance = new int[ks.size()];
            for (int j = 0; j < ks.size(); j++) {
                Task t = tasks.get(ks.get(j));
                instance[j] = index.computeIfAbsent(t.instance(), i -> {
                    insts.add(i);
                    return insts.size() - 1;
                });
                streams.add(t.stream());
            }
            List<RsgdOutcome> got = backend.replicatedSgd(insts, instance, streams, e.getKey());
            for (int j = 0; j < ks.size(); j++) {
                out[ks.get(j)] = got.get(j);
            }
        }
        return List.of(out);
    }

    /** One run on the backend. */
    public static RsgdOutcome run(PerceptronInstance inst, RsgdSpec spec, RandomStream stream, Backend backend) {
        return backend.replicatedSgd(List.of(inst), new int[1], List.of(stream), spec).get(0);
    }

    /** Outcomes of a margin scan: target margins in increasing order, up to and including the first failure. */
    public record MarginScan(double[] targets, List<RsgdOutcome> outcomes) {
        /** The largest margin reached: the min stability of the solution at the largest solved target (NaN if none). */
        public double largestMargin() {
            double best = Double.NaN;
            for (RsgdOutcome o : outcomes) {
                if (o.solved()) {
                    best = Double.isNaN(best) ? o.margin() : Math.max(best, o.margin());
                }
            }
            return best;
        }

        /** The largest target margin that was solved (NaN if none). */
        public double largestTarget() {
            double best = Double.NaN;
            for (int k = 0; k < outcomes.size(); k++) {
                if (outcomes.get(k).solved()) {
                    best = targets[k];
                }
            }
            return best;
        }
    }

    /**
     * Runs at target margins kappas[0] &lt; kappas[1] &lt; ... on one instance, each from scratch with
     * member k of the stream's family, until the first target that is not solved: the largest margin
     * replicated SGD reaches at this alpha (what a margin-vs-alpha experiment reports).
     */
    public static MarginScan scanMargins(PerceptronInstance inst, RsgdSpec spec, double[] kappas, RandomStream stream, Backend backend) {
        for (int k = 1; k < kappas.length; k++) {
            if (!(kappas[k] > kappas[k - 1])) {
                throw new IllegalArgumentException("margin scan targets must increase");
            }
        }
        List<RsgdOutcome> out = new ArrayList<>();
        for (int k = 0; k < kappas.length; k++) {
            RsgdOutcome o = run(inst, spec.withKappa(kappas[k]), stream.family().stream(k), backend);
            out.add(o);
            if (!o.solved()) {
                break;
            }
        }
        return new MarginScan(kappas.clone(), List.copyOf(out));
    }
}
