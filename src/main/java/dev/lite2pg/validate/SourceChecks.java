package dev.lite2pg.validate;

import dev.lite2pg.copy.RowKeys;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.source.sqlite.SqliteSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Orphan references in the source: rows whose reference the target's foreign key would find no parent for once the
 * copy is done. The copy defers foreign keys until every table is in, so these are found here, on the source, before
 * anything is written, instead of by the final {@code VALIDATE} after everything was.
 */
public final class SourceChecks {

    private final Connection sqlite;

    public SourceChecks(Connection sqlite) {
        this.sqlite = sqlite;
    }

    /** One orphan reference: the child row and the values of its referencing columns. */
    public record Orphan(TableCopy child, List<String> columns, String rowKey, List<Object> values, String reason) {
    }

    @FunctionalInterface
    public interface OrphanSink {
        void found(Orphan orphan);
    }

    /**
     * The number of orphan references for one target foreign key, or empty when the key's columns are not all copied
     * from the source (then only the target can be checked).
     */
    public OptionalLong orphanCount(TargetForeignKey key, List<TableCopy> copies) throws SQLException {
        Optional<Query> query = query(key, copies);
        if (query.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Statement st = sqlite.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*)" + query.get().fromWhere())) {
            rs.next();
            return OptionalLong.of(rs.getLong(1));
        }
    }

    /** As {@link #orphanCount}, handing every orphan to {@code sink}, in key order. */
    public OptionalLong eachOrphan(TargetForeignKey key, List<TableCopy> copies, OrphanSink sink) throws SQLException {
        Optional<Query> found = query(key, copies);
        if (found.isEmpty()) {
            return OptionalLong.empty();
        }
        Query query = found.get();
        RowKeys rowKeys = RowKeys.of(query.child());
        List<String> keyColumns = rowKeys.selectExpressions().stream().map(e -> "c." + e).toList();
        String select = "SELECT " + String.join(", ", keyColumns) + ", "
                + query.childColumns().stream().map(c -> "c." + SqliteSql.quote(c)).collect(Collectors.joining(", "))
                + query.fromWhere() + " ORDER BY " + String.join(", ", keyColumns);
        long count = 0;
        try (Statement st = sqlite.createStatement(); ResultSet rs = st.executeQuery(select)) {
            int keyWidth = keyColumns.size();
            while (rs.next()) {
                Object[] keyValues = new Object[keyWidth];
                for (int i = 0; i < keyWidth; i++) {
                    keyValues[i] = value(rs, i + 1);
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < query.childColumns().size(); i++) {
                    values.add(value(rs, keyWidth + i + 1));
                }
                sink.found(new Orphan(query.child(), query.childColumns(), rowKeys.describe(keyValues), values, query.reason()));
                count++;
            }
        }
        return OptionalLong.of(count);
    }

    /** The driver hands small integers over as Integer; everything else in lite2pg holds SQLite INTEGERs as Long. */
    private static Object value(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }

    /** The orphans of one key: {@code FROM child c WHERE <reference set> AND <no parent>}, and why they are orphans. */
    private record Query(TableCopy child, List<String> childColumns, String fromWhere, String reason) {
    }

    private static Optional<Query> query(TargetForeignKey key, List<TableCopy> copies) {
        Optional<TableCopy> child = find(copies, key.table());
        if (child.isEmpty()) {
            return Optional.empty();
        }
        List<String> childColumns = sourceColumns(child.get(), key.columns());
        if (childColumns == null) {
            return Optional.empty();
        }
        Optional<TableCopy> parent = find(copies, key.referencedTable());
        String notNull = childColumns.stream().map(c -> "c." + SqliteSql.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String from = " FROM " + SqliteSql.quote(child.get().source().name()) + " c WHERE " + notNull;
        String which = " (foreign key " + key.name() + " of " + key.table() + ")";
        if (parent.isEmpty()) {
            // The parent is not copied, so it stays empty in the target: every non-null reference is an orphan.
            return Optional.of(new Query(child.get(), childColumns, from, "references " + key.referencedTable()
                    + ", which is not copied, so the target table stays empty" + which));
        }
        List<String> parentColumns = sourceColumns(parent.get(), key.referencedColumns());
        if (parentColumns == null) {
            return Optional.empty();
        }
        List<String> join = new ArrayList<>();
        for (int i = 0; i < childColumns.size(); i++) {
            join.add("p." + SqliteSql.quote(parentColumns.get(i)) + " = c." + SqliteSql.quote(childColumns.get(i)));
        }
        String fromWhere = from + " AND NOT EXISTS (SELECT 1 FROM " + SqliteSql.quote(parent.get().source().name()) + " p WHERE "
                + String.join(" AND ", join) + ")";
        return Optional.of(new Query(child.get(), childColumns, fromWhere, "no " + key.referencedTable() + " row has "
                + String.join(", ", key.referencedColumns()) + " = this value" + which));
    }

    private static Optional<TableCopy> find(List<TableCopy> copies, String targetTable) {
        return copies.stream().filter(c -> c.targetTable().equals(targetTable)).findFirst();
    }

    private static List<String> sourceColumns(TableCopy copy, List<String> targetColumns) {
        List<String> result = new ArrayList<>();
        for (String target : targetColumns) {
            int index = copy.targetColumns().indexOf(target);
            if (index < 0) {
                return null;
            }
            result.add(copy.sourceColumns().get(index));
        }
        return result;
    }
}
