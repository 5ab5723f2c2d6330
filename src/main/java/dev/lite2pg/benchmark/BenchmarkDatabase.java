package dev.lite2pg.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Writes the benchmark's SQLite database: a trading app's users, their strategies, the strategies' alerts (JSON
 * payloads of 250 to 400 bytes) and orders (epoch timestamps, REAL and NUMERIC prices, a nullable strategy), with four
 * foreign keys and seven secondary indexes. At scale 1 that is 1.5 million rows in a file of about 450 MiB; the row
 * counts scale linearly. The content is a pure function of scale and seed: the same rows on every run and machine.
 *
 * <p>Written fast, for files of gigabytes: one transaction, batched inserts, no journal and no fsync while writing
 * (a crash leaves only the {@code .partial} file, which the next run replaces), indexes built after the rows. The
 * file is renamed into place when complete and is then an ordinary SQLite database.
 */
public final class BenchmarkDatabase {

    /** Rows per table at scale 1, parents before children. */
    public static final Map<String, Long> BASE_ROWS = baseRows();

    public static final double MAX_SCALE = 100;
    public static final long DEFAULT_SEED = 42;

    private static final List<String> FILE_SUFFIXES = List.of("", "-journal", "-wal", "-shm");

    /** What was written: rows per table in load order, the file's size and how long it took. */
    public record Summary(Path file, Map<String, Long> rowCounts, long bytes, Duration took) {
        public long totalRows() {
            return rowCounts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private BenchmarkDatabase() {}

    /** Rows per table at {@code scale} (each at least one), parents before children. */
    public static Map<String, Long> rowCounts(double scale) {
        checkScale(scale);
        Map<String, Long> counts = new LinkedHashMap<>();
        BASE_ROWS.forEach((table, rows) -> counts.put(table, Math.max(1, Math.round(rows * scale))));
        return Collections.unmodifiableMap(counts);
    }

    public static Summary create(Path file, double scale, long seed) {
        return create(file, scale, seed, table -> {});
    }

    /**
     * Writes the database at {@code file}, replacing any file there and creating missing parent folders;
     * {@code progress} hears a line as each table is written.
     */
    public static Summary create(Path file, double scale, long seed, Consumer<String> progress) {
        Map<String, Long> counts = rowCounts(scale);
        Path target = file.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        long started = System.nanoTime();
        deleteExisting(partial);
        BenchmarkRows rows = new BenchmarkRows(
                seed, counts.get("users"), counts.get("strategies"), counts.get("alerts"), counts.get("orders"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + partial)) {
            try (Statement statement = connection.createStatement()) {
                // Generation only: a crash loses the .partial file, never a finished one. Neither setting is stored
                // in the file, so readers later get SQLite's defaults.
                statement.execute("PRAGMA journal_mode = OFF");
                statement.execute("PRAGMA synchronous = OFF");
                statement.execute("PRAGMA cache_size = -65536"); // 64 MiB, for building the indexes
            }
            connection.setAutoCommit(false);
            BenchmarkSchema.createTables(connection);
            insert(connection, "users", 9, counts, rows::user, progress);
            insert(connection, "strategies", 11, counts, rows::strategy, progress);
            insert(connection, "alerts", 7, counts, rows::alert, progress);
            insert(connection, "orders", 12, counts, rows::order, progress);
            BenchmarkSchema.createIndexes(connection);
            connection.commit();
            progress.accept("built " + BenchmarkSchema.INDEXES.size() + " indexes");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not write the benchmark database " + partial + ": " + e.getMessage(), e);
        }
        try {
            deleteExisting(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(target, counts, Files.size(target), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the benchmark database into place at " + target, e);
        }
    }

    private static void insert(
            Connection connection,
            String table,
            int columns,
            Map<String, Long> counts,
            LongFunction<Object[]> row,
            Consumer<String> progress)
            throws SQLException {
        long count = counts.get(table);
        try (BatchInserter inserter = new BatchInserter(connection, table, columns)) {
            for (long id = 1; id <= count; id++) {
                inserter.row(row.apply(id));
            }
        }
        progress.accept(table + ": " + count + " rows");
    }

    private static Map<String, Long> baseRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("users", 60_000L);
        rows.put("strategies", 140_000L);
        rows.put("alerts", 900_000L);
        rows.put("orders", 400_000L);
        return Collections.unmodifiableMap(rows);
    }

    private static void checkScale(double scale) {
        if (!(scale > 0 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be above 0 and at most " + MAX_SCALE + ", got " + scale);
        }
    }

    private static void deleteExisting(Path file) {
        try {
            Files.createDirectories(file.getParent());
            for (String suffix : FILE_SUFFIXES) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not replace " + file, e);
        }
    }
}
