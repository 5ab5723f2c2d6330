package dev.lite2pg.validate;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.source.sqlite.SqliteSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks run on the source before any row is written, for rows the target would reject anyway: NULLs going into
 * NOT NULL columns and references the target's foreign keys would find no parent for. Finding them up front names
 * every offending row at once instead of failing half-way through a table.
 */
public final class SourceChecks {

    private static final int SAMPLE = 10;

    private final Connection sqlite;

    public SourceChecks(Connection sqlite) {
        this.sqlite = sqlite;
    }

    /** One line per NOT NULL target column that would receive NULLs, naming the rows. */
    public List<String> nullsIntoNotNull(List<TableCopy> copies) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (TableCopy copy : copies) {
            for (int i = 0; i < copy.width(); i++) {
                if (!copy.notNull()[i]) {
                    continue;
                }
                String column = copy.sourceColumns().get(i);
                String where = " FROM " + SqliteSql.quote(copy.source().name()) + " WHERE " + SqliteSql.quote(column) + " IS NULL";
                long count = count("SELECT count(*)" + where);
                if (count > 0) {
                    problems.add(copy.source().name() + "." + column + " has " + count + " NULL value" + (count == 1 ? "" : "s")
                            + " but target column " + copy.targetTable() + "." + copy.targetColumns().get(i) + " is NOT NULL; rows: "
                            + sampleKeys(copy, where, count));
                }
            }
        }
        return problems;
    }

    /**
     * Orphan references in the source for one target foreign key, or empty when the key's columns are not all copied
     * from the source (then only the target can be checked).
     */
    public Optional<Orphans> orphans(TargetForeignKey key, List<TableCopy> copies) throws SQLException {
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
        String where;
        if (parent.isEmpty()) {
            // The parent is not copied, so it stays empty in the target: every non-null reference is an orphan.
            where = " FROM " + SqliteSql.quote(child.get().source().name()) + " c WHERE " + notNull;
        } else {
            List<String> parentColumns = sourceColumns(parent.get(), key.referencedColumns());
            if (parentColumns == null) {
                return Optional.empty();
            }
            List<String> join = new ArrayList<>();
            for (int i = 0; i < childColumns.size(); i++) {
                join.add("p." + SqliteSql.quote(parentColumns.get(i)) + " = c." + SqliteSql.quote(childColumns.get(i)));
            }
            where = " FROM " + SqliteSql.quote(child.get().source().name()) + " c WHERE " + notNull
                    + " AND NOT EXISTS (SELECT 1 FROM " + SqliteSql.quote(parent.get().source().name()) + " p WHERE "
                    + String.join(" AND ", join) + ")";
        }
        long count = count("SELECT count(*)" + where);
        return Optional.of(new Orphans(count, count == 0 ? "" : sampleKeys(child.get(), where, count, "c.")));
    }

    /** @param sample the first offending rows, for the message */
    public record Orphans(long count, String sample) {
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

    private long count(String sql) throws SQLException {
        try (Statement st = sqlite.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String sampleKeys(TableCopy copy, String fromWhere, long count) throws SQLException {
        return sampleKeys(copy, fromWhere, count, "");
    }

    private String sampleKeys(TableCopy copy, String fromWhere, long count, String alias) throws SQLException {
        List<SourceColumn> pk = copy.source().primaryKey();
        List<String> keyNames = pk.isEmpty() ? List.of(SqliteSql.rowidAlias(copy.source())) : pk.stream().map(SourceColumn::name).toList();
        String select = keyNames.stream().map(k -> alias + (pk.isEmpty() ? k : SqliteSql.quote(k))).collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        try (Statement st = sqlite.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + select + fromWhere + " ORDER BY " + select + " LIMIT " + SAMPLE)) {
            while (rs.next()) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < keyNames.size(); i++) {
                    parts.add(keyNames.get(i) + "=" + rs.getString(i + 1));
                }
                rows.add(String.join(", ", parts));
            }
        }
        return String.join("; ", rows) + (count > rows.size() ? "; ... (" + (count - rows.size()) + " more)" : "");
    }
}
