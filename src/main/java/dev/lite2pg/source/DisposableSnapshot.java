package dev.lite2pg.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A snapshot no later run may use unless something keeps it: a full copy of the source, so it is deleted however the
 * process ends — on return or exception by {@link #close}, on Ctrl-C or SIGTERM by a JVM shutdown hook registered
 * before the snapshot is taken (its partial file goes too). A dry-run's is never kept; a catch-up's is kept by the
 * commit that makes it the next catch-up's base, and that commit and the hook exclude each other: Ctrl-C during the
 * commit waits for it, then leaves the snapshot the commit recorded. Only SIGKILL or a power loss can leave one.
 */
public final class DisposableSnapshot implements AutoCloseable {

    /** A commit that may fail. */
    @FunctionalInterface
    public interface Commit {
        void run() throws SQLException;
    }

    private final Path file;
    private final String what;
    private final Thread hook;
    private boolean kept;

    private DisposableSnapshot(Path file, String what) {
        this.file = file;
        this.what = what;
        this.hook = new Thread(this::atExit, "lite2pg-delete-snapshot");
    }

    /** @param what the snapshot, as a message names it: "the dry-run's snapshot" */
    public static DisposableSnapshot guard(Path file, String what) {
        DisposableSnapshot snapshot = new DisposableSnapshot(file, what);
        Runtime.getRuntime().addShutdownHook(snapshot.hook);
        return snapshot;
    }

    /** Commits; once it has, the snapshot stays. */
    public synchronized void keep(Commit commit) throws SQLException {
        commit.run();
        kept = true;
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (!kept) {
                    for (Path path : SourceSnapshot.files(file)) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot delete " + what + " " + file + "; delete it by hand: it is a copy of the source", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it decides the same way.
            }
        }
    }

    private synchronized void atExit() {
        if (kept) {
            return;
        }
        for (Path path : SourceSnapshot.files(file)) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException | RuntimeException e) {
                System.err.println("lite2pg: could not delete " + path + " (" + e.getMessage()
                        + "); delete it by hand: it is a copy of the source");
            }
        }
    }
}
