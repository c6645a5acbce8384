package io.dismc.cli;

import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.params.ValueList;
import io.dismc.theory.TheoryTable;
import io.dismc.theory.TheoryTables;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code dismc theory NAME [--param LIST ...]}: a theory table as CSV on stdout (header, then one row
 * per combination of the lists, the first parameter outermost; empty where no solution exists), and
 * {@code dismc theory} alone lists the tables.
 */
public final class TheoryCommand {
    private TheoryCommand() {}

    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].equals("--help")) {
            out.println("usage: ./dismc theory NAME [--param LIST ...]   (CSV on stdout)");
            for (TheoryTable t : TheoryTables.all()) {
                out.printf("  %-20s %s%n", t.name(), t.title());
                for (Param<?> p : t.params()) {
                    out.printf("      --%-12s %-30s %s%n", p.name(), p.defaultValue(), p.help());
                }
            }
            return 0;
        }
        TheoryTable t = TheoryTables.byName(args[0]);
        Options options = new Options();
        for (Param<?> p : t.params()) {
            options.addOption(Option.builder().longOpt(p.name()).hasArg().argName("LIST")
                    .desc(p.help() + " (default " + p.defaultValue() + "; " + p.accepted() + ")").get());
        }
        options.addOption(Option.builder().longOpt("help").desc("show this table's options").get());
        CommandLine cmd = OptionParsing.parse(options, Arrays.copyOfRange(args, 1, args.length), "theory " + t.name());
        if (cmd.hasOption("help")) {
            java.io.PrintWriter pw = new java.io.PrintWriter(out);
            new OptionHelp().print(pw, "./dismc theory " + t.name() + " [options]", options);
            pw.flush();
            return 0;
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Param<?> p : t.params()) {
            values.put(p.name(), ValueList.parse(p, OptionParsing.single(cmd, p.name(), p.defaultValue())));
        }
        List<List<Object>> rows;
        try {
            rows = t.rows(new TheoryTable.Values(values));
        } catch (IllegalArgumentException e) {
            throw new UsageError("theory " + t.name() + ": " + e.getMessage());
        }
        StringBuilder sb = new StringBuilder(String.join(",", t.columns())).append('\n');
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                sb.append(c == 0 ? "" : ",").append(v instanceof Double d && d.isNaN() ? "" : String.valueOf(v));
            }
            sb.append('\n');
        }
        out.print(sb);
        return 0;
    }
}
