package io.dismc.run;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * A seam for tests of what a full disk does to a run: while a predicate is set, a write of a run
 * file it matches fails exactly as the OS reports ENOSPC. Never set outside tests.
 */
public final class WriteFaults {
    private static volatile Predicate<Path> failing;

    private WriteFaults() {}

    /** From now on, writes of files the predicate matches fail with "No space left on device". */
    public static void failWrites(Predicate<Path> which) {
        failing = which;
    }

    public static void clear() {
        failing = null;
    }

    static void check(Path target) throws IOException {
        Predicate<Path> f = failing;
        if (f != null && f.test(target)) {
            throw new FileSystemException(target.toString(), null, "No space left on device");
        }
    }
}
