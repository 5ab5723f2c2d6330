package dev.lite2pg.sqlite;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens SQLite files the only way lite2pg ever does: read-only, so the source can never be modified. */
public final class SqliteFiles {

    /**
     * How long a read waits for another process's lock on the file (an application's write transaction, a
     * {@code BEGIN EXCLUSIVE}) before lite2pg gives up and says so: long enough for any ordinary transaction to end.
     */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    /**
     * The tables lite2pg copies. pragma_table_list types views, virtual tables and their shadow tables separately, so
     * 'table' is exactly those; SQLite's own (sqlite_%) are never copied.
     */
    static final String COPIED_TABLES = "FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
            + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteFiles() {}

    public static Connection openReadOnly(Path file) {
        return openReadOnly(file, LOCK_WAIT);
    }

    static Connection openReadOnly(Path file, Duration lockWait) {
        requireDatabase(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout((int) lockWait.toMillis());
        try {
            Connection connection = config.createConnection(url(file));
            try (Statement st = connection.createStatement()) {
                // query_only refuses any statement that would write, even through a future code path.
                st.execute("PRAGMA query_only = true");
            }
            return connection;
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "cannot open source database " + file + " read-only: " + e.getMessage(), e);
        }
    }

    /**
     * Attaches another database file read-only under {@code schema}: the connection can then compare its rows with the
     * other file's in one statement, and neither file can be written through it.
     */
    public static void attachReadOnly(Connection connection, Path file, String schema) throws SQLException {
        requireDatabase(file);
        try (PreparedStatement ps = connection.prepareStatement("ATTACH DATABASE ? AS " + SqliteSql.quote(schema))) {
            ps.setString(1, uri(file) + "?mode=ro");
            ps.execute();
        }
    }

    /**
     * The JDBC URL that opens exactly {@code file}: a {@code file:} URI with the path percent-encoded, so a {@code ?},
     * {@code #} or {@code %} in the name is part of the name and never read as URI parameters (which sqlite-jdbc would
     * strip off and apply as pragmas, opening another file).
     */
    static String url(Path file) {
        return "jdbc:sqlite:" + uri(file);
    }

    /** {@code file} as SQLite's {@code file:} URI (see {@link #url}). */
    static String uri(Path file) {
        return "file:" + file.toAbsolutePath().toUri().getRawPath();
    }

    /**
     * Refuses what SQLite would not read as the database it is meant to be: a missing file, an empty one (SQLite
     * takes it for a new, empty database: a run would copy nothing and pass) or one without SQLite's header (text,
     * random bytes, a damaged first page: SQLite only says so when first read).
     */
    public static void requireDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "source database " + file + " does not exist or is not a file");
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(HEADER.length);
        } catch (IOException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION, "cannot read source database " + file + ": " + e.getMessage(), e);
        }
        if (start.length == 0) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "source database " + file + " is empty (0 bytes), not a SQLite database:"
                            + " SQLite would read it as a database without tables and nothing would be copied. Nothing was written."
                            + " Point source.path (or --source) at the application's database file.");
        }
        if (!Arrays.equals(start, HEADER)) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "source database " + file + " is not a SQLite database: it does not"
                            + " start with SQLite's header \"SQLite format 3\" (file is not a database). Nothing was written. Point source.path"
                            + " (or --source) at the application's database file, or restore it from a backup if its first page is damaged.");
        }
    }

    /** How many tables lite2pg would copy from the database ({@link #COPIED_TABLES}). */
    public static int tableCount(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) " + COPIED_TABLES)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether SQLite failed because another connection holds a lock on the file. */
    static boolean isLock(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }

    /** What to tell the operator when the file stayed locked for {@link #LOCK_WAIT}. */
    static String lockAdvice(Path file, Duration waited) {
        List<String> holders = holders(file);
        return "another process holds a lock on " + file + " (SQLITE_BUSY after waiting " + waited.toSeconds()
                + " s), e.g. an"
                + " open write transaction or BEGIN EXCLUSIVE. "
                + (holders.isEmpty()
                        ? "SQLite cannot say which process; "
                        : "Processes that have it open: " + String.join(", ", holders) + ". ")
                + "Stop the application (or let its transaction finish) and run again. Nothing was written.";
    }

    /**
     * The other processes that have the file open, from {@code /proc/<pid>/fd} (Linux; elsewhere, or for processes of
     * other users, nothing is found). SQLite itself cannot name the lock's holder, but one of these holds it.
     */
    static List<String> holders(Path file) {
        List<String> holders = new ArrayList<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return holders;
        }
        long self = ProcessHandle.current().pid();
        try {
            Path target = file.toRealPath();
            try (DirectoryStream<Path> pids = Files.newDirectoryStream(
                    proc, p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path pid : pids) {
                    long id = Long.parseLong(pid.getFileName().toString());
                    if (id != self && hasOpen(pid.resolve("fd"), target)) {
                        holders.add(id + " ("
                                + ProcessHandle.of(id)
                                        .flatMap(h -> h.info().command())
                                        .orElse("?") + ")");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the message then says that SQLite cannot name the holder
        }
        return holders;
    }

    private static boolean hasOpen(Path fds, Path target) {
        try (DirectoryStream<Path> open = Files.newDirectoryStream(fds)) {
            for (Path fd : open) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // not ours to read, or gone
        }
        return false;
    }
}
