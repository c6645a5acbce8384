package io.dismc.backend.cuda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes optional CUDA libraries findable from native-config's cuda.library.path: a library loaded by
 * absolute path satisfies later dependencies on its soname (the dynamic linker reuses it), so JCuda's
 * wrappers find libcublas.so.12 even when it is not on LD_LIBRARY_PATH.
 */
final class NativeLibraries {
    private NativeLibraries() {}

    /** Loads the first dir/file found for each name, in order; returns false when one is missing. */
    static boolean preload(List<String> dirs, String... files) {
        for (String file : files) {
            boolean found = false;
            for (String dir : dirs) {
                Path p = Path.of(dir, file);
                if (Files.isReadable(p)) {
                    try {
                        System.load(p.toAbsolutePath().toString());
                        found = true;
                        break;
                    } catch (UnsatisfiedLinkError e) {
                        // try the next directory
                    }
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
