package dev.lite2pg.draft;

import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.source.ReadBudget;
import dev.lite2pg.source.SourceRow;
import dev.lite2pg.sqlite.SqliteTableReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads every value of every table, the way the copy reads them ({@link SqliteTableReader}: storage classes kept,
 * invalid UTF-8 marked, values too large for the heap measured and not loaded), one table per thread.
 */
final class ValueScan {

    private static final int PAGE_ROWS = 2_000;

    private ValueScan() {}

    /** Each table's column statistics, in the order of its columns, keyed by table name. */
    static Map<String, List<ColumnStats>> scan(Path file, List<SqliteSchema.Table> tables, int threads) {
        ReadBudget budget = ReadBudget.forThisJvm(threads);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tables.size())));
        try {
            Map<String, Future<List<ColumnStats>>> futures = new LinkedHashMap<>();
            for (SqliteSchema.Table table : tables) {
                futures.put(table.table().name(), pool.submit(() -> scanTable(file, table.table(), budget)));
            }
            Map<String, List<ColumnStats>> stats = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<ColumnStats>>> entry : futures.entrySet()) {
                stats.put(entry.getKey(), entry.getValue().get());
            }
            return stats;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the source", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ColumnStats> scanTable(Path file, SourceTable table, ReadBudget budget) {
        List<ColumnStats> stats = new ArrayList<>();
        for (SourceColumn column : table.columns()) {
            stats.add(new ColumnStats(DeclaredType.of(column.declaredType())));
        }
        List<String> names = table.columns().stream().map(SourceColumn::name).toList();
        try (SqliteTableReader reader = new SqliteTableReader(file, table, names, PAGE_ROWS, budget)) {
            reader.open();
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                Object[] values = row.values();
                for (int i = 0; i < values.length; i++) {
                    stats.get(i).offer(values[i], row.key());
                }
            }
        }
        return stats;
    }
}
