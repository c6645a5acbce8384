package io.dismc.cli;

import io.dismc.params.UsageError;
import java.util.List;
import org.apache.commons.cli.AmbiguousOptionException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** commons-cli parsing with every failure turned into a one-line UsageError. */
final class OptionParsing {
    private OptionParsing() {}

    static CommandLine parse(Options options, String[] args, String context) {
        try {
            CommandLine cmd = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
            List<String> rest = cmd.getArgList();
            if (!rest.isEmpty()) {
                throw new UsageError(context + ": unexpected argument '" + rest.get(0) + "' (options are --name VALUE; see "
                        + "./dismc " + context + " --help)");
            }
            return cmd;
        } catch (AmbiguousOptionException e) {
            throw new UsageError(context + ": ambiguous option " + e.getOption());
        } catch (UnrecognizedOptionException e) {
            throw new UsageError(context + ": unknown option " + e.getOption() + " (see ./dismc " + context + " --help)");
        } catch (MissingArgumentException e) {
            throw new UsageError("--" + e.getOption().getLongOpt() + ": missing value (" + e.getOption().getDescription() + ")");
        } catch (ParseException e) {
            throw new UsageError(context + ": " + e.getMessage());
        }
    }

    /** The option's single value, or def when absent; given twice is an error. */
    static String single(CommandLine cmd, String name, String def) {
        String[] v = cmd.getOptionValues(name);
        if (v == null) {
            return def;
        }
        if (v.length > 1) {
            throw new UsageError("--" + name + ": given more than once (give one value; lists are comma-separated)");
        }
        return v[0];
    }
}
