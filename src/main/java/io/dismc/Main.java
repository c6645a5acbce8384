package io.dismc;

import io.dismc.bench.BenchCommand;
import io.dismc.cli.InfoCommand;
import io.dismc.cli.ListCommand;
import io.dismc.cli.MergeCommand;
import io.dismc.cli.PlotCommand;
import io.dismc.cli.RunCommand;
import io.dismc.cli.TheoryCommand;
import io.dismc.params.UsageError;
import io.dismc.run.StorageFailure;
import java.io.PrintStream;

/**
 * Entry point. Exit codes: 0 success, 1 a failure while computing (with one line saying what),
 * 2 bad input (one line naming the option and its accepted range).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        io.dismc.run.Interrupts.enable();
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                usage(err);
                return 2;
            }
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "run" -> RunCommand.run(rest, out, err);
                case "list" -> {
                    noArguments("list", rest);
                    yield ListCommand.run(out);
                }
                case "info" -> {
                    noArguments("info", rest);
                    yield InfoCommand.run(out);
                }
                case "merge" -> MergeCommand.run(rest, out, err);
                case "plot" -> PlotCommand.run(rest, out, err);
                case "theory" -> TheoryCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "version", "--version" -> {
                    noArguments(args[0], rest);
                    out.println("dismc " + Version.version() + " (" + Version.commit() + ")");
                    yield 0;
                }
                case "help", "--help", "-h" -> {
                    usage(out);
                    yield 0;
                }
                default -> throw new UsageError("unknown command '" + args[0] + "' (known: run, list, info, merge, plot, theory, bench, version, help)");
            };
        } catch (UsageError e) {
            err.println("dismc: " + e.getMessage());
            return 2;
        } catch (StorageFailure e) {
            err.println("dismc: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("dismc: out of memory (" + e.getMessage() + "): use a smaller --n, fewer --threads, --form pattern,"
                    + " or more heap via DISMC_JAVA_OPTS=-Xmx...");
            return 1;
        } catch (Exception e) {
            err.println("dismc: error: " + e);
            if (System.getenv("DISMC_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private static void noArguments(String command, String[] rest) {
        if (rest.length > 0) {
            throw new UsageError(command + ": takes no arguments (got '" + String.join(" ", rest) + "')");
        }
    }

    static void usage(PrintStream out) {
        out.println("usage: ./dismc COMMAND");
        out.println("  run EXPERIMENT [options]   run an experiment (./dismc run EXPERIMENT --help for its options)");
        out.println("  run --resume DIR           continue a killed or partial run");
        out.println("  merge DIR... [--out DIR]   combine shard folders (--shard i/n) into one result set");
        out.println("  plot DIR [--out DIR]       redraw a run's figures (PNG and SVG) from its files");
        out.println("  theory NAME [--param LIST] a theory line alone, as CSV (./dismc theory lists them)");
        out.println("  list                       experiments with their parameters and defaults");
        out.println("  info                       backends on this machine (CPU threads and vector width; GPU, driver, cuBLAS, cuRAND)");
        out.println("  bench [--quick]            CPU throughput: spin updates/s, projection + Hebbian product");
        out.println("  version                    version and git commit");
    }
}
