package io.dismc.cli;

import io.dismc.params.Param;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.experiment.Experiment;
import io.dismc.experiment.Experiments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value of every choice option, and every numeric option at its smallest accepted value, of every
 * experiment at a tiny size: the run either completes (exit 0) or refuses the combination with a
 * one-line usage error (exit 2), never an internal error.
 */
class EveryChoiceTest {
    /** Sizes that make each experiment's run take well under a second. */
    static final Map<String, String> TINY = Map.ofEntries(
            Map.entry("hopfield", "--n 200 --alpha 0.05,0.15"),
            Map.entry("rfhm", "--n 200 --alpha 0.1 --alpha-d 0.1"),
            Map.entry("rfhm-unseen", "--n 400 --alpha 0.05 --alpha-d 0.05"),
            Map.entry("perceptron-capacity", "--n 40 --alpha 0.5,1.5"),
            Map.entry("perceptron-teacher", "--n 40 --alpha 1"),
            Map.entry("local-energy", "--n 40"),
            Map.entry("geodesic", "--n 40"),
            Map.entry("binary-committee", "--n 21"),
            Map.entry("teacher-student", "--n 20 --alpha 1 --steps 100"),
            Map.entry("bayes-kernel", "--k 16 --p 16 --burn-in 20 --draws 2 --gamma 1 --anbk-samples 500 --test-size 20"),
            Map.entry("flow-kernel", "--k 16 --p 16 --gamma 1 --time 1 --particles 100 --test-size 20"),
            Map.entry("transfer", "--n 20 --steps 100 --alignment 0.5 --delta 0.1 --k 4 --burn-in 20 --draws 2 --chains 1"),
            Map.entry("spectra", "--n 16 --k 16 --steps 20 --eta 0.3"),
            Map.entry("amp-cs", "--n 100 --alpha 0.3,0.6 --max-iterations 50"),
            Map.entry("amp-perceptron", "--n 100 --alpha 1,2 --max-iterations 30 --test-examples 200"));

    static Stream<Arguments> choices() {
        List<Arguments> out = new ArrayList<>();
        for (Experiment<?> e : Experiments.all()) {
            for (Param<?> p : e.params()) {
                if (p.kind() == Param.Kind.CHOICE) {
                    for (String v : p.choices()) {
                        out.add(Arguments.of(e.name(), p.name(), v));
                    }
                }
            }
        }
        return out.stream();
    }

    /** The smallest accepted value of every integer and real option (just above an exclusive bound). */
    static Stream<Arguments> minimums() {
        List<Arguments> out = new ArrayList<>();
        for (Experiment<?> e : Experiments.all()) {
            for (Param<?> p : e.params()) {
                if (p.kind() == Param.Kind.INT) {
                    out.add(Arguments.of(e.name(), p.name(), String.valueOf((long) p.min() + (p.minInclusive() ? 0 : 1))));
                } else if (p.kind() == Param.Kind.REAL) {
                    double v = p.minInclusive() ? p.min() : p.min() == 0 ? 1e-3 : p.min() + 1e-3 * Math.abs(p.min());
                    out.add(Arguments.of(e.name(), p.name(), String.valueOf(v)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --{1} {2}")
    @MethodSource({"choices", "minimums"})
    void runsOrRefusesCleanly(String experiment, String option, String value, @TempDir Path tmp) {
        assertTrue(TINY.containsKey(experiment), "give " + experiment + " a tiny size here");
        List<String> args = new ArrayList<>(List.of("run", experiment));
        String[] tiny = TINY.get(experiment).split(" ");
        for (int t = 0; t < tiny.length; t += 2) {
            if (!tiny[t].equals("--" + option)) { // the option under test replaces the tiny setting
                args.addAll(List.of(tiny[t], tiny[t + 1]));
            }
        }
        args.addAll(List.of("--" + option, value, "--samples", "1", "--threads", "2", "--quiet", "--no-plot", "--out",
                tmp.resolve("run").toString()));
        CliTest.Outcome o = CliTest.dismc(args.toArray(String[]::new));
        assertTrue(o.code() == 0 || o.code() == 2 && o.err().lines().count() == 1 && o.err().contains("--"),
                String.join(" ", args) + " -> exit " + o.code() + "\n" + o.err());
    }
}
