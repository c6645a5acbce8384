package io.dismc.cli;

import io.dismc.experiment.Experiment;
import io.dismc.experiment.Experiments;
import java.io.PrintStream;

/** {@code dismc list}: every experiment with its parameters and defaults. */
public final class ListCommand {
    private ListCommand() {}

    public static int run(PrintStream out) {
        for (Experiment e : Experiments.all()) {
            out.println(e.name() + "  -  " + e.title());
            out.println("    samples: " + e.defaultSamples() + " by default; observables: " + String.join(", ", e.observables()));
            for (Param p : e.params()) {
                out.printf("    --%-14s %-31s %s%n", p.name(), p.defaultValue(), p.help());
            }
            out.println();
        }
        out.println("Every parameter takes a list (0.05,0.1), a range (0.05:0.2:0.01) or a geometric range (0.01:1:*1.5);");
        out.println("a run sweeps the product of all lists. Common options: --samples --seed --threads --backend --out --quiet.");
        return 0;
    }
}
