package dev.lite2pg.source.sqlite;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import org.sqlite.SQLiteConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Copies a live SQLite database into a new file with SQLite's online backup API. */
public final class SqliteBackup {

    /**
     * All pages in one step: the copy holds one read transaction from start to end, so it is consistent and never
     * restarts because the application wrote in between (in WAL mode the application is not even blocked).
     */
    private static final int ALL_PAGES = -1;

    private SqliteBackup() {
    }

    public static void copy(Path source, Path destination) {
        try (Connection connection = SqliteFiles.openReadOnly(source)) {
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            sqlite.getDatabase().backup("main", destination.toAbsolutePath().toString(), null, 100, 50, ALL_PAGES);
        } catch (SQLException e) {
            throw new Lite2pgException(ErrorCode.PRECONDITION, "cannot take a snapshot of source database " + source
                    + " into " + destination + ": " + e.getMessage(), e);
        }
        // The snapshot is ours, not the source: a plain rollback-journal file opens read-only without -wal/-shm files
        // beside it, and its bytes (hence its sha256) stay the same from now on.
        try (Connection snapshot = DriverManager.getConnection("jdbc:sqlite:" + destination.toAbsolutePath());
             Statement st = snapshot.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw new Lite2pgException(ErrorCode.PRECONDITION, "cannot finish the snapshot " + destination + ": " + e.getMessage(), e);
        }
    }
}
