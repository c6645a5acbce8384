package io.dismc.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The reason of a failed file operation in words a user reads, without Java exception names. */
public final class IoMessages {
    private IoMessages() {}

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        String m = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (m == null || m.isBlank()) {
            return "input/output error";
        }
        // "No space left on device", "Read-only file system": the OS's own words, without the path repeated
        return m.replaceFirst("^.*: ", "").strip();
    }
}
