package dev.lite2pg.catchup;

import dev.lite2pg.source.SourceSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A catch-up's new snapshot until the transaction that records it commits: a full copy of the source that nothing
 * else will use, so it is deleted however the process ends before then — on return or exception by {@link #close}, on
 * Ctrl-C or SIGTERM by a shutdown hook — and kept once the commit has made it the next catch-up's base. The commit and
 * the hook exclude each other: Ctrl-C during the commit waits for it, then leaves the snapshot the commit recorded.
 */
final class PendingSnapshot implements AutoCloseable {

    /** A commit that may fail. */
    @FunctionalInterface
    interface Commit {
        void run() throws SQLException;
    }

    private final Path file;
    private final Thread hook;
    private boolean kept;

    private PendingSnapshot(Path file) {
        this.file = file;
        this.hook = new Thread(this::atExit, "lite2pg-delete-pending-snapshot");
    }

    /** Registers the hook before the snapshot is taken: Ctrl-C during the backup deletes its partial file too. */
    static PendingSnapshot guard(Path file) {
        PendingSnapshot pending = new PendingSnapshot(file);
        Runtime.getRuntime().addShutdownHook(pending.hook);
        return pending;
    }

    /** Commits; once it has, the snapshot is the next catch-up's base and stays. */
    synchronized void commit(Commit commit) throws SQLException {
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
                    "cannot delete the catch-up's snapshot " + file + "; delete it by hand: it is a copy of the source",
                    e);
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
