package io.dismc.cli;

import io.dismc.params.Param;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Experiments;
import java.io.PrintStream;
import java.util.Comparator;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code dismc list}: every experiment with its parameters, defaults and accepted values, then the common options. */
public final class ListCommand {
    private ListCommand() {}

    public static int run(PrintStream out) {
        int name = 2 + Experiments.all().stream().flatMap(e -> e.params().stream()).mapToInt(p -> p.name().length()).max().orElse(8);
        int def = Experiments.all().stream().flatMap(e -> e.params().stream()).mapToInt(p -> p.defaultValue().length()).max().orElse(8);
        String row = "    %-" + name + "s  %-" + def + "s  %s%n";
        for (Experiment<?> e : Experiments.all()) {
            out.println(e.name() + "  -  " + e.title());
            out.println("    samples: " + e.defaultSamples() + " by default; observables: " + String.join(", ", e.observables()));
            for (Param<?> p : e.params()) {
                String help = p.kind() == Param.Kind.CHOICE && !p.freeText() ? p.help() + " {" + String.join("|", p.choices()) + "}" : p.help();
                out.printf(row, "--" + p.name(), p.defaultValue(), help);
            }
            out.println();
        }
        out.println("Every parameter takes a list (0.05,0.1), a range (0.05:0.2:0.01) or a geometric range (0.01:1:*1.5);");
        out.println("a run sweeps the product of all lists. Options common to every experiment:");
        Options common = new Options();
        GlobalOptions.addTo(common);
        int width = 2 + common.getOptions().stream().mapToInt(o -> o.getLongOpt().length() + (o.hasArg() ? 1 + o.getArgName().length() : 0))
                .max().orElse(10);
        common.getOptions().stream().sorted(Comparator.comparing(Option::getLongOpt)).forEach(o -> out.printf("    %-" + width + "s  %s%n",
                "--" + o.getLongOpt() + (o.hasArg() ? " " + o.getArgName() : ""), o.getDescription()));
        return 0;
    }
}
