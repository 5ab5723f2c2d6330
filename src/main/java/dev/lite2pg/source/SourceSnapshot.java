package dev.lite2pg.source;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.output.PrivateFiles;
import dev.lite2pg.sqlite.SqliteBackup;
import dev.lite2pg.sqlite.SqliteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The copy of the source a run reads from: taken once at the run's start with SQLite's online backup API (the
 * application may keep running during a rehearsal), kept in the job's work folder, and identified by its sha256 so
 * that a resume reads exactly the rows the run started with.
 *
 * @param sha256 the snapshot's, which identifies the run
 * @param sourceSha256 the source file's just before the backup (the two differ: the backup writes its own pages)
 * @param stamp the live source's {@link SourceStamp} when the snapshot was taken
 * @param sourceTables the tables the source held when the snapshot was taken; the snapshot holds as many
 */
public record SourceSnapshot(Path file, String sha256, String sourceSha256, String stamp, int sourceTables) {

    public static SourceSnapshot take(Path source, Path file) {
        return take(source, file, true);
    }

    /**
     * @param hashSource whether to hash the source file too, for the operator to compare with their own sha256sum;
     *     without it {@link #sourceSha256} is null (a catch-up, whose window a second read of the file lengthens)
     */
    public static SourceSnapshot take(Path source, Path file, boolean hashSource) {
        SqliteFiles.requireDatabase(source);
        try {
            PrivateFiles.folder(file.getParent());
            long needed = Files.size(source) + walSize(source);
            long free = Files.getFileStore(file.getParent()).getUsableSpace();
            if (free < needed) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "not enough disk space for the snapshot of " + source + " in "
                                + file.getParent() + ": it needs about " + mib(needed) + " MiB, " + mib(free)
                                + " MiB are free."
                                + " Free some space or set the job's output folder (output:) to a larger disk.");
            }
            String stamp = SourceStamp.of(source);
            // The file as the operator can hash it themselves; the snapshot's own hash differs from it.
            String sourceSha256 = hashSource ? SourceFingerprint.sha256(source) : null;
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            PrivateFiles.file(partial); // 0600 before SQLite writes a page of the source into it
            int sourceTables;
            try {
                sourceTables = SqliteBackup.copy(source, partial);
            } catch (Lite2pgException e) {
                Files.deleteIfExists(partial); // not a snapshot: nothing may ever read it as one
                throw e;
            }
            int copied = tables(partial);
            if (copied < sourceTables) {
                Files.deleteIfExists(partial);
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "the snapshot of " + source + " holds " + copied + " table(s), the source "
                                + sourceTables
                                + ": SQLite's online backup did not copy the whole database. Nothing was written. Run again"
                                + " when no other process changes the source's schema; if it happens again, copy the file yourself"
                                + " (sqlite3 " + source + " \".backup copy.sqlite\") and point --source at the copy.");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new SourceSnapshot(file, SourceFingerprint.sha256(file), sourceSha256, stamp, sourceTables);
        } catch (IOException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "cannot write the snapshot of " + source + " to " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** Why the recorded snapshot cannot be read as the run's source; empty when it is there with the recorded content. */
    public static Optional<String> problem(Path file, String sha256) {
        if (!Files.isRegularFile(file)) {
            return Optional.of("its snapshot " + file + " is gone");
        }
        String actual = SourceFingerprint.sha256(file);
        if (!actual.equals(sha256)) {
            return Optional.of("its snapshot " + file + " has changed (sha256 " + actual + ", the run started from "
                    + sha256 + ")");
        }
        return Optional.empty();
    }

    /**
     * The files a snapshot may leave while it is written or read: the backup's partial file first (once it is gone,
     * the backup cannot turn it into the snapshot), then the snapshot, each with what SQLite keeps beside it.
     */
    public static java.util.List<Path> files(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        return java.util.stream.Stream.of(partial, file)
                .flatMap(f -> java.util.stream.Stream.of("", "-journal", "-wal", "-shm")
                        .map(s -> f.resolveSibling(f.getFileName() + s)))
                .toList();
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the snapshot " + file, e);
        }
    }

    private static int tables(Path snapshot) {
        try (Connection connection = SqliteFiles.openReadOnly(snapshot)) {
            return SqliteFiles.tableCount(connection);
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "cannot read the snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }

    private static long walSize(Path source) throws IOException {
        Path wal = Path.of(source + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
