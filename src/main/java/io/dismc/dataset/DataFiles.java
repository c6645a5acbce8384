package io.dismc.dataset;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Finding a dataset's files under the data folder and reading them whole, gzip or plain. dismc never
 * downloads: a missing file is an IllegalArgumentException that names the file and every folder looked in.
 */
public final class DataFiles {
    private DataFiles() {}

    /**
     * The first existing file among names (each tried plain and with ".gz") in the folders, in order.
     *
     * @param what the dataset, for the message ("mnist01")
     * @param hint how to obtain the files, appended to the message
     */
    public static Path locate(String what, List<Path> folders, String name, String hint) {
        List<String> tried = new ArrayList<>();
        for (Path f : folders) {
            for (String candidate : List.of(name, name + ".gz")) {
                Path p = f.resolve(candidate);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            tried.add(f.toString());
        }
        throw new IllegalArgumentException(what + ": file " + name + " (or " + name + ".gz) not found; looked in "
                + String.join(", ", tried) + ". " + hint);
    }

    /**
     * Files read before, by absolute path, size and modification time, held softly: the units of a sweep draw their
     * subsets from the same files, which are then read and gunzipped once (the garbage collector may drop them).
     */
    private static final java.util.Map<String, java.lang.ref.SoftReference<byte[]>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The bytes of a file, gunzipped when it starts with the gzip magic (1f 8b); truncated gzip data is reported as such.
     * The array is shared between callers (cached): read it, never write it.
     */
    public static byte[] readAll(Path file) {
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        java.lang.ref.SoftReference<byte[]> held = CACHE.get(key);
        byte[] b = held == null ? null : held.get();
        if (b == null) {
            b = read(file);
            CACHE.put(key, new java.lang.ref.SoftReference<>(b));
        }
        return b;
    }

    private static byte[] read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try (InputStream gz = new GZIPInputStream(raw, 1 << 16)) {
                    return gz.readAllBytes();
                } catch (EOFException e) {
                    throw new IllegalArgumentException(file + ": truncated gzip file (" + e.getMessage() + ")", e);
                }
            }
            return raw.readAllBytes();
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
