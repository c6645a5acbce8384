package io.dismc.run;

import io.dismc.params.UsageError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A run folder has one writer: an exclusive OS lock on {@code DIR/.lock}, held for the whole session.
 * The kernel releases it when the process ends in any way (kill -9 included), so a lock is never
 * stale; the file itself stays and only says who held it last. A second writer is refused with the
 * holder's pid and host.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock or throws a UsageError naming the option and the process holding it. */
    public static RunLock acquire(Path dir, String option) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this very process (a test running two sessions at once)
            }
            if (l == null) {
                String holder = holder(file);
                ch.close();
                throw UsageError.option(option, dir.toAbsolutePath() + " is being written by another dismc run (" + holder
                        + "); wait for it to finish or stop it", "a folder no other run is writing");
            }
            String me = "pid " + ProcessHandle.current().pid() + " on " + RunManifest.host() + " since " + Instant.now() + "\n";
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new RunLock(ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw UsageError.option(option, "cannot lock " + file + " (" + IoMessages.reason(e) + ")", "a writable folder");
        }
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "a process that has not yet said which" : s;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
    }
}
