package dev.lite2pg.batch;

import dev.lite2pg.source.SourceSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dry-run's snapshot: a full copy of the source that no later run can use (every dry-run starts from a new one), so
 * it is deleted however the process ends: on return or exception by {@link #close}, on SIGTERM or Ctrl-C by a JVM
 * shutdown hook registered before the snapshot is taken and removed once it is deleted. Only SIGKILL or a power loss
 * can leave it, and the next dry-run of the job deletes that one (it abandons the previous run with its snapshot).
 */
final class ThrowawaySnapshot implements AutoCloseable {

    private final Path file;
    private final Thread hook;

    private ThrowawaySnapshot(Path file) {
        this.file = file;
        this.hook = new Thread(() -> deleteQuietly(file), "lite2pg-delete-dry-run-snapshot");
    }

    static ThrowawaySnapshot guard(Path file) {
        ThrowawaySnapshot snapshot = new ThrowawaySnapshot(file);
        Runtime.getRuntime().addShutdownHook(snapshot.hook);
        return snapshot;
    }

    @Override
    public void close() {
        try {
            for (Path path : files(file)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot delete the dry-run's snapshot " + file + "; delete it by hand: it is a copy of the source",
                    e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it deletes the same files.
            }
        }
    }

    private static void deleteQuietly(Path file) {
        for (Path path : files(file)) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException | RuntimeException e) {
                System.err.println("lite2pg: could not delete " + path + " (" + e.getMessage()
                        + "); delete it by hand: it is a copy of the source");
            }
        }
    }

    private static List<Path> files(Path file) {
        return SourceSnapshot.files(file);
    }
}
