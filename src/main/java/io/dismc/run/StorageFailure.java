package io.dismc.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of a run could not be written (a full disk, a quota, a folder gone read-only). It says which
 * file, why, what is safe, and how to go on; {@code Main} prints it as one line with exit code 1.
 */
public final class StorageFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageFailure(Path file, IOException cause, String advice) {
        super("cannot write " + file.toAbsolutePath() + ": " + IoMessages.reason(cause) + ". " + advice, cause, false, false);
    }
}
