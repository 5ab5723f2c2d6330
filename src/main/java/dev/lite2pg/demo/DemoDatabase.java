package dev.lite2pg.demo;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the demo's SQLite database: a small bike shop whose data holds what a real cutover meets. PascalCase names
 * that map to snake_case, a table called "Order" with a "User" column, a NOT NULL foreign key cycle (Store/Staff),
 * a self-reference (Staff.ReportsTo), 0/1 booleans, timestamps as TEXT in several spellings and as epoch seconds,
 * JSON text, REAL prices, BLOBs, comma lists, awkward text, an AUTOINCREMENT table whose sqlite_sequence is above
 * its max id, a WITHOUT ROWID table and a view. Every value fits {@code sql/demo/V1__schema.sql}.
 *
 * <p>The content is fixed: the same rows, byte for byte, on every run.
 */
public final class DemoDatabase {

    /** Rows per SQLite table once {@link #create} returns, parents before children. */
    public static final Map<String, Long> ROW_COUNTS = rowCounts();

    /** The sqlite_sequence entries: only Customer uses AUTOINCREMENT, and its last three rows were deleted. */
    public static final Map<String, Long> SEQUENCES = Map.of("Customer", (long) Customers.INSERTED);

    private static final List<String> FILE_SUFFIXES = List.of("", "-journal", "-wal", "-shm");

    /**
     * "l2pd", set as the file's {@code PRAGMA application_id}: marks the demo's own output, the one file a later demo
     * may replace. It sits in the header (offset 68), so it is read without opening the file as a database.
     */
    static final int APPLICATION_ID = 0x6c327064;

    private static final byte[] SQLITE_HEADER = "SQLite format 3\u0000".getBytes(StandardCharsets.US_ASCII);

    private DemoDatabase() {}

    /**
     * Creates the demo database at {@code file}, creating missing parent folders. A file already there is replaced only
     * when it is the demo's own earlier output; anything else is refused and left as it was: {@code --source} may name
     * an operator's real database.
     */
    public static void create(Path file) {
        Path absolute = file.toAbsolutePath();
        refuseAnythingButEarlierDemoOutput(absolute);
        deleteExisting(absolute);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                statement.execute("PRAGMA foreign_keys = ON");
            }
            connection.setAutoCommit(false);
            DemoSchema.create(connection);
            StoresAndStaff.insert(connection);
            Customers.insert(connection);
            Products.insert(connection);
            Orders.insert(connection);
            connection.commit(); // the deferred Store/Staff keys are checked here
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the demo database " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static void refuseAnythingButEarlierDemoOutput(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            String why = Files.isSymbolicLink(file)
                    ? "it is a symbolic link"
                    : !Files.isRegularFile(file)
                            ? "it is not a regular file"
                            : isDemoOutput(file)
                                    ? null
                                    : "it is not a database the demo wrote (its SQLite header lacks the demo's application_id)";
            if (why != null) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "the demo does not overwrite " + file + ": " + why
                                + ". Nothing was written and the file is as it was. Give the demo a new path (--source FILE, or another"
                                + " source.path in the job file), or move that file away yourself.");
            }
            return;
        }
        for (String suffix : FILE_SUFFIXES) {
            Path sibling = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(sibling, LinkOption.NOFOLLOW_LINKS)) {
                throw new Lite2pgException(
                        ErrorCode.PRECONDITION,
                        "the demo does not overwrite " + sibling + ": it belongs to"
                                + " no database the demo wrote. Nothing was written. Give the demo a new path (--source FILE) or move it away.");
            }
        }
    }

    /** The file is a SQLite database whose header carries the demo's application id. */
    static boolean isDemoOutput(Path file) {
        byte[] header = new byte[72];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return Arrays.equals(header, 0, SQLITE_HEADER.length, SQLITE_HEADER, 0, SQLITE_HEADER.length)
                && ByteBuffer.wrap(header, 68, 4).getInt() == APPLICATION_ID;
    }

    private static void deleteExisting(Path file) {
        try {
            Files.createDirectories(file.getParent());
            for (String suffix : FILE_SUFFIXES) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not replace the demo database " + file, e);
        }
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Store", (long) StoresAndStaff.STORES);
        counts.put("Staff", (long) StoresAndStaff.STAFF);
        counts.put("Customer", (long) Customers.KEPT);
        counts.put("Product", (long) Products.COUNT);
        counts.put("Order", (long) Orders.COUNT);
        counts.put("OrderLine", (long) Orders.LINES);
        return Collections.unmodifiableMap(counts);
    }
}
