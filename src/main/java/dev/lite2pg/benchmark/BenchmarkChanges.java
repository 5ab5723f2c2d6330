package dev.lite2pg.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the benchmark's app writes while a live cutover copies its snapshot, for measuring the catch-up: in every table
 * about {@code percent} of its rows change, a third each inserted (ids after the current largest, as the app inserts
 * them), updated (several columns of random rows: JSON, text and epoch timestamps, 0/1 booleans, REAL and NUMERIC)
 * and deleted, every foreign key kept valid, in one SQLite transaction. Values come from the generator's own
 * {@link BenchmarkRows}, so they need the same conversions as the first copy. The changes are a pure function of the
 * file's content and the seed: the same file and seed always end as the same content.
 */
public final class BenchmarkChanges {

    public static final double MAX_PERCENT = 30;

    /**
     * Updated columns per table (every other column keeps its value, the keys and foreign keys among them). Each list
     * holds a column no two rows share by chance (balance, max_position, payload, price), so every update is a change
     * a diff sees.
     */
    static final Map<String, List<String>> UPDATED_COLUMNS = Map.of(
            "users", List.of("display_name", "is_active", "balance", "last_login_at"),
            "strategies", List.of("description", "is_public", "is_paused", "max_position", "risk_limit", "updated_at"),
            "alerts", List.of("kind", "payload", "is_read", "triggered_at", "created_at"),
            "orders", List.of("quantity", "price", "limit_price", "is_filled", "placed_at", "filled_at"));

    /** What changed in one table; each of the three counts is {@code round(rowsBefore * percent / 300)}. */
    public record TableChanges(String table, long rowsBefore, long inserted, long updated, long deleted) {
        public long rowsAfter() {
            return rowsBefore + inserted - deleted;
        }
    }

    /** The changes per table, parents first, and how long they took. */
    public record Summary(Path file, List<TableChanges> tables, Duration took) {}

    private BenchmarkChanges() {}

    /**
     * Changes {@code percent} of the rows of every table of the benchmark database at {@code file}, in place, in one
     * transaction (nothing changes if it fails); {@code progress} hears a line per table.
     */
    public static Summary apply(Path file, double percent, long seed, Consumer<String> progress) {
        if (!(percent > 0 && percent <= MAX_PERCENT)) {
            throw new IllegalArgumentException(
                    "percent must be above 0 and at most " + MAX_PERCENT + ", got " + percent);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no benchmark database at " + file);
        }
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                // The app's own safety net: a change that orphaned a row would fail the transaction.
                statement.execute("PRAGMA foreign_keys = ON");
            }
            connection.setAutoCommit(false);
            ChangedTables tables = new ChangedTables(connection, seed);
            Map<String, Long> before = tables.counts();
            Map<String, Long> thirds = new LinkedHashMap<>();
            before.forEach((table, rows) -> thirds.put(table, Math.round(rows * percent / 300)));
            Map<String, Long> deleted = new ChangeDeletes(connection, tables, thirds).run();
            Map<String, Long> updated = new LinkedHashMap<>();
            for (String table : thirds.keySet()) {
                updated.put(table, tables.update(table, thirds.get(table)));
            }
            Map<String, Long> inserted = tables.insert(thirds);
            connection.commit();
            List<TableChanges> changes = new ArrayList<>();
            for (String table : thirds.keySet()) {
                TableChanges change = new TableChanges(
                        table, before.get(table), inserted.get(table), updated.get(table), deleted.get(table));
                changes.add(change);
                progress.accept(table + ": " + change.inserted() + " inserted, " + change.updated() + " updated, "
                        + change.deleted() + " deleted of " + change.rowsBefore() + " rows");
            }
            return new Summary(file, List.copyOf(changes), Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not change the benchmark database " + file + " (nothing was changed): " + e.getMessage(), e);
        }
    }
}
