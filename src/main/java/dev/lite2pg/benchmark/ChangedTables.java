package dev.lite2pg.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark database while {@link BenchmarkChanges} changes it, in its one transaction: its ids, the random picks,
 * the updates and the inserts. Inserted rows are the generator's rows for their new ids (the generator's seed, so what a
 * larger scale would have held there) with parents picked among the rows that exist; updated values are the
 * generator's rows under a salted seed, so they differ from the ones they replace.
 */
final class ChangedTables {

    /** Mixed into the seed for what the changes draw, so that it is not what the generator drew with that seed. */
    private static final long SALT = 0x6368616e676573L; // "changes"

    static final int DELETE_FIELD = 101;
    private static final int UPDATE_FIELD = 102;
    private static final int TIE_FIELD = 103;
    private static final int PARENT_FIELD = 104;

    private static final Map<String, Integer> TABLE_CODES = Map.of(
            "users", BenchmarkRows.USERS,
            "strategies", BenchmarkRows.STRATEGIES,
            "alerts", BenchmarkRows.ALERTS,
            "orders", BenchmarkRows.ORDERS);

    private final Connection connection;
    private final long seed;
    private final Noise salted;
    /** Largest id per table before the changes: inserted rows come after it even when its row is deleted. */
    private final Map<String, Long> maxIds = new LinkedHashMap<>();

    ChangedTables(Connection connection, long seed) throws SQLException {
        this.connection = connection;
        this.seed = seed;
        this.salted = new Noise(seed ^ SALT);
        for (String table : BenchmarkDatabase.BASE_ROWS.keySet()) {
            maxIds.put(table, single("SELECT coalesce(max(id), 0) FROM " + table));
        }
    }

    private static int code(String table) {
        return TABLE_CODES.get(table);
    }

    private long count(String table) throws SQLException {
        return single("SELECT count(*) FROM " + table);
    }

    Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : BenchmarkDatabase.BASE_ROWS.keySet()) {
            counts.put(table, count(table));
        }
        return counts;
    }

    /** The table's ids in ascending order. */
    long[] ids(String table) throws SQLException {
        long[] ids = new long[Math.toIntExact(count(table))];
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
            int i = 0;
            while (rows.next()) {
                ids[i++] = rows.getLong(1);
            }
        }
        return ids;
    }

    /** {@code n} distinct ids drawn from {@code ids} (a partial Fisher-Yates shuffle addressed by the draw). */
    long[] pick(String table, long[] ids, long n, int field) {
        long[] shuffled = ids.clone();
        int k = (int) Math.min(n, shuffled.length);
        for (int i = 0; i < k; i++) {
            int j = i + (int) salted.belowLong(code(table), i, field, shuffled.length - i);
            long swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        long[] picked = Arrays.copyOf(shuffled, k);
        Arrays.sort(picked);
        return picked;
    }

    /** A tie-breaker for ordering rows, random but fixed by the seed. */
    long tie(String table, long id) {
        return salted.bits(code(table), id, TIE_FIELD);
    }

    /** Updates the {@link BenchmarkChanges#UPDATED_COLUMNS} of {@code n} random rows; returns the rows updated. */
    long update(String table, long n) throws SQLException {
        long[] picked = pick(table, ids(table), n, UPDATE_FIELD);
        List<String> columns = columns(table);
        List<String> updated = BenchmarkChanges.UPDATED_COLUMNS.get(table);
        BenchmarkRows changed = rows(seed ^ SALT);
        String sql = "UPDATE " + table + " SET " + String.join(" = ?, ", updated) + " = ? WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql);
                PreparedStatement strategyOf =
                        connection.prepareStatement("SELECT strategy_id FROM alerts WHERE id = ?")) {
            for (long id : picked) {
                Object[] row = row(changed, table, id);
                if (table.equals("alerts")) {
                    // The payload names its alert's strategy, which the update keeps.
                    strategyOf.setLong(1, id);
                    try (ResultSet strategy = strategyOf.executeQuery()) {
                        strategy.next();
                        row[3] = AlertPayloads.payload(salted, id, strategy.getLong(1));
                    }
                }
                for (int i = 0; i < updated.size(); i++) {
                    statement.setObject(i + 1, row[columns.indexOf(updated.get(i))]);
                }
                statement.setLong(updated.size() + 1, id);
                statement.addBatch();
            }
            return Arrays.stream(statement.executeBatch()).sum();
        }
    }

    /** Inserts {@code counts} rows per table after its largest id, parents first; returns the rows inserted. */
    Map<String, Long> insert(Map<String, Long> counts) throws SQLException {
        BenchmarkRows fresh = rows(seed);
        Noise generator = new Noise(seed);
        Map<String, Long> inserted = new LinkedHashMap<>();
        Map<String, long[]> parents = new LinkedHashMap<>();
        for (String table : counts.keySet()) {
            long first = maxIds.get(table) + 1;
            try (BatchInserter inserter =
                    new BatchInserter(connection, table, columns(table).size())) {
                for (long id = first; id < first + counts.get(table); id++) {
                    Object[] row = row(fresh, table, id);
                    switch (table) {
                        case "strategies" -> row[1] = parent(parents, "users", table, id, 0);
                        case "alerts" -> {
                            long strategy = parent(parents, "strategies", table, id, 0);
                            row[1] = strategy;
                            row[3] = AlertPayloads.payload(generator, id, strategy);
                        }
                        case "orders" -> {
                            row[2] = parent(parents, "users", table, id, 0);
                            if (row[3] != null) {
                                row[3] = parent(parents, "strategies", table, id, 1);
                            }
                        }
                        default -> {}
                    }
                    inserter.row(row);
                }
                inserted.put(table, inserter.rows());
            }
        }
        return inserted;
    }

    /** A random existing row of {@code parentTable}, its inserted rows included. */
    private long parent(Map<String, long[]> parents, String parentTable, String table, long id, int which)
            throws SQLException {
        long[] ids = parents.get(parentTable);
        if (ids == null) {
            ids = ids(parentTable);
            parents.put(parentTable, ids);
        }
        return ids[(int) salted.belowLong(code(table), id, PARENT_FIELD + which, ids.length)];
    }

    /** The generator under {@code rowSeed}, sized by the tables' largest ids (its timestamps spread over those). */
    private BenchmarkRows rows(long rowSeed) {
        return new BenchmarkRows(
                rowSeed,
                Math.max(1, maxIds.get("users")),
                Math.max(1, maxIds.get("strategies")),
                Math.max(1, maxIds.get("alerts")),
                Math.max(1, maxIds.get("orders")));
    }

    private static Object[] row(BenchmarkRows rows, String table, long id) {
        return switch (table) {
            case "users" -> rows.user(id);
            case "strategies" -> rows.strategy(id);
            case "alerts" -> rows.alert(id);
            case "orders" -> rows.order(id);
            default -> throw new IllegalArgumentException("not a benchmark table: " + table);
        };
    }

    private List<String> columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns =
                        statement.executeQuery("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
            while (columns.next()) {
                names.add(columns.getString(1));
            }
        }
        return names;
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
