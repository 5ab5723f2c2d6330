package dev.lite2pg.sqlite;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConnection;

/** Copies a live SQLite database into a new file with SQLite's online backup API. */
public final class SqliteBackup {

    /**
     * All pages in one step: the copy holds one read transaction from start to end, so it is consistent and never
     * restarts because the application wrote in between (in WAL mode the application is not even blocked).
     */
    private static final int ALL_PAGES = -1;

    /** The source connection's busy timeout already waited for a lock: sqlite-jdbc is not to retry on its own. */
    private static final int NO_RETRY = 0;

    private static final int SQLITE_OK = 0;

    private SqliteBackup() {}

    /**
     * @return the number of tables in the source (as {@link SqliteFiles#tableCount}), counted on the connection
     *     the backup reads from, just before it
     */
    public static int copy(Path source, Path destination) {
        return copy(source, destination, SqliteFiles.LOCK_WAIT);
    }

    static int copy(Path source, Path destination, Duration lockWait) {
        int tables;
        try (Connection connection = SqliteFiles.openReadOnly(source, lockWait)) {
            tables = SqliteFiles.tableCount(connection);
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            // sqlite-jdbc returns SQLite's result code instead of throwing: a source SQLite cannot read leaves an
            // empty destination behind, which must never pass for a snapshot.
            // The destination is a file: URI too, so its name is never read as URI parameters.
            int rc = sqlite.getDatabase().backup("main", SqliteFiles.uri(destination), null, 0, NO_RETRY, ALL_PAGES);
            if (rc != SQLITE_OK) {
                throw new SQLException("SQLite's online backup returned result code " + rc, null, rc);
            }
        } catch (SQLException e) {
            if (SqliteFiles.isLock(e)) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "cannot take a snapshot of source database " + source + ": "
                                + SqliteFiles.lockAdvice(source, lockWait),
                        e);
            }
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "cannot take a snapshot of source database " + source + " into " + destination + ": "
                            + e.getMessage() + ". Nothing was written.",
                    e);
        }
        // The snapshot is ours, not the source: a plain rollback-journal file opens read-only without -wal/-shm files
        // beside it, and its bytes (hence its sha256) stay the same from now on.
        try (Connection snapshot = DriverManager.getConnection(SqliteFiles.url(destination));
                Statement st = snapshot.createStatement()) {
            st.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "cannot finish the snapshot " + destination + ": " + e.getMessage(), e);
        }
        return tables;
    }
}
