package io.dismc.cli;

import java.io.PrintWriter;
import org.apache.commons.cli.Options;

/** Plain option listing (commons-cli's formatter, wrapped to 110 columns). */
final class OptionHelp {
    @SuppressWarnings("deprecation")
    void print(PrintWriter pw, String usage, Options options) {
        org.apache.commons.cli.HelpFormatter f = new org.apache.commons.cli.HelpFormatter();
        f.setWidth(110);
        f.printHelp(pw, 110, usage, "", options, 2, 2, "");
    }
}
