package dev.lite2pg.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deletes of {@link BenchmarkChanges}: the given number of rows per table, no foreign key left dangling. Almost
 * every user and strategy has children (a user has 6.7 orders on average, a strategy 6.4 alerts), so a parent is
 * deleted with its children, as the app deletes an account with its orders, and the children count against their
 * own table's share. To keep each table's share exact, parents are taken fewest children first (random among equals):
 * users without strategies, with their orders; strategies with their alerts and orders. Alerts and orders then lose
 * random rows up to their share.
 */
final class ChangeDeletes {

    private final Connection connection;
    private final ChangedTables tables;
    private final Map<String, Long> left;
    private final Map<String, Long> deleted = new LinkedHashMap<>();

    /** A parent that may be deleted, with the children it takes along. */
    private record Candidate(long id, long alerts, long orders, long tie) {
        long children() {
            return alerts + orders;
        }
    }

    ChangeDeletes(Connection connection, ChangedTables tables, Map<String, Long> shares) {
        this.connection = connection;
        this.tables = tables;
        this.left = new LinkedHashMap<>(shares);
        shares.keySet().forEach(table -> deleted.put(table, 0L));
    }

    /** Deletes, children before their parents; returns the rows deleted per table. */
    Map<String, Long> run() throws SQLException {
        deleteParents(
                "users",
                "SELECT u.id, 0, (SELECT count(*) FROM orders o WHERE o.user_id = u.id) FROM users u"
                        + " WHERE NOT EXISTS (SELECT 1 FROM strategies s WHERE s.user_id = u.id)",
                "user_id",
                List.of("orders"));
        deleteParents(
                "strategies",
                "SELECT s.id, (SELECT count(*) FROM alerts a WHERE a.strategy_id = s.id),"
                        + " (SELECT count(*) FROM orders o WHERE o.strategy_id = s.id) FROM strategies s",
                "strategy_id",
                List.of("alerts", "orders"));
        for (String table : List.of("alerts", "orders")) {
            long[] picked = tables.pick(table, tables.ids(table), left.get(table), ChangedTables.DELETE_FIELD);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                for (long id : picked) {
                    delete.setLong(1, id);
                    count(table, delete.executeUpdate());
                }
            }
        }
        return deleted;
    }

    /**
     * Deletes {@code table}'s share of the rows {@code candidates} selects (id, alerts, orders), fewest children first,
     * each after its rows in {@code children} (referring to it by {@code column}); skips a parent whose children
     * would exceed what their tables have left of their share.
     */
    private void deleteParents(String table, String candidates, String column, List<String> children)
            throws SQLException {
        List<Candidate> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(candidates)) {
            while (rows.next()) {
                long id = rows.getLong(1);
                found.add(new Candidate(id, rows.getLong(2), rows.getLong(3), tables.tie(table, id)));
            }
        }
        found.sort(Comparator.comparingLong(Candidate::children)
                .thenComparingLong(Candidate::tie)
                .thenComparingLong(Candidate::id));
        List<PreparedStatement> deletes = new ArrayList<>();
        try (PreparedStatement parent = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            for (String child : children) {
                deletes.add(connection.prepareStatement("DELETE FROM " + child + " WHERE " + column + " = ?"));
            }
            for (Candidate candidate : found) {
                if (left.get(table) == 0) {
                    break;
                }
                if (candidate.alerts() > left.get("alerts") || candidate.orders() > left.get("orders")) {
                    continue;
                }
                for (int i = 0; i < children.size(); i++) {
                    deletes.get(i).setLong(1, candidate.id());
                    count(children.get(i), deletes.get(i).executeUpdate());
                }
                parent.setLong(1, candidate.id());
                count(table, parent.executeUpdate());
            }
        } finally {
            for (PreparedStatement delete : deletes) {
                delete.close();
            }
        }
    }

    private void count(String table, int rows) {
        deleted.merge(table, (long) rows, Long::sum);
        left.merge(table, (long) -rows, Long::sum);
    }
}
