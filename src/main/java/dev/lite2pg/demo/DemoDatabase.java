package dev.lite2pg.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    private DemoDatabase() {
    }

    /** Creates the demo database at {@code file}, replacing any file there and creating missing parent folders. */
    public static void create(Path file) {
        Path absolute = file.toAbsolutePath();
        deleteExisting(absolute);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute)) {
            try (Statement statement = connection.createStatement()) {
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
