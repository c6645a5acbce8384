package io.dismc.cli;

import io.dismc.params.UsageError;
import io.dismc.run.Merge;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code dismc merge DIR... [--out DIR] [--no-plot]}: shard folders into one result set. */
public final class MergeCommand {
    private MergeCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<Path> dirs = new ArrayList<>();
        String outDir = null;
        boolean plot = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageError("--out: missing value (a path to a new or empty folder)");
                    }
                    outDir = args[++i];
                }
                case "--no-plot" -> plot = false;
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageError("merge: unknown option " + args[i] + " (accepted: --out DIR, --no-plot)");
                    }
                    dirs.add(Path.of(args[i]));
                }
            }
        }
        return Merge.merge(dirs, outDir, plot, out, err);
    }
}
