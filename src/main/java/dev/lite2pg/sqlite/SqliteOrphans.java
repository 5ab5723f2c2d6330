package dev.lite2pg.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that finds orphan references in the source: {@code FROM child c WHERE <reference set> AND NOT EXISTS
 * (<parent row>)}. Which source columns a target foreign key stands for, and why a row is an orphan, is the caller's
 * to decide ({@code validate/SourceChecks}); this class only asks SQLite.
 */
public final class SqliteOrphans {

    private final Connection sqlite;

    public SqliteOrphans(Connection sqlite) {
        this.sqlite = sqlite;
    }

    /**
     * One reference from a child table to a parent table, by source names.
     *
     * @param parentTable the referenced table; null when it is not copied, so it stays empty in the target and every
     *                    non-null reference is an orphan
     * @param parentColumns the referenced columns, in the order of {@code childColumns}; ignored without a parent table
     */
    public record Reference(
            String childTable, List<String> childColumns, String parentTable, List<String> parentColumns) {}

    @FunctionalInterface
    public interface Sink {
        /**
         * @param key the values of the key expressions that name the child row
         * @param values the values of its referencing columns
         */
        void found(Object[] key, List<Object> values);
    }

    public long count(Reference reference) throws SQLException {
        try (Statement st = sqlite.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*)" + fromWhere(reference))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Hands every orphan to {@code sink}, in key order.
     *
     * @param keyExpressions the SQLite expressions (quoted columns, or the rowid alias) whose values name a child row
     * @return the number of orphans
     */
    public long each(Reference reference, List<String> keyExpressions, Sink sink) throws SQLException {
        List<String> keyColumns = keyExpressions.stream().map(e -> "c." + e).toList();
        String select = "SELECT " + String.join(", ", keyColumns) + ", "
                + reference.childColumns().stream()
                        .map(c -> "c." + SqliteSql.quote(c))
                        .collect(Collectors.joining(", "))
                + fromWhere(reference) + " ORDER BY " + String.join(", ", keyColumns);
        long count = 0;
        try (Statement st = sqlite.createStatement();
                ResultSet rs = st.executeQuery(select)) {
            int keyWidth = keyColumns.size();
            while (rs.next()) {
                Object[] keyValues = new Object[keyWidth];
                for (int i = 0; i < keyWidth; i++) {
                    keyValues[i] = value(rs, i + 1);
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < reference.childColumns().size(); i++) {
                    values.add(value(rs, keyWidth + i + 1));
                }
                sink.found(keyValues, values);
                count++;
            }
        }
        return count;
    }

    /** The driver hands small integers over as Integer; everything else in lite2pg holds SQLite INTEGERs as Long. */
    private static Object value(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }

    private static String fromWhere(Reference reference) {
        List<String> childColumns = reference.childColumns();
        String notNull = childColumns.stream()
                .map(c -> "c." + SqliteSql.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String from = " FROM " + SqliteSql.quote(reference.childTable()) + " c WHERE " + notNull;
        if (reference.parentTable() == null) {
            return from;
        }
        List<String> join = new ArrayList<>();
        for (int i = 0; i < childColumns.size(); i++) {
            join.add("p." + SqliteSql.quote(reference.parentColumns().get(i)) + " = c."
                    + SqliteSql.quote(childColumns.get(i)));
        }
        return from + " AND NOT EXISTS (SELECT 1 FROM " + SqliteSql.quote(reference.parentTable()) + " p WHERE "
                + String.join(" AND ", join) + ")";
    }
}
