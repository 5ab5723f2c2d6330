package dev.lite2pg.postgres;

import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.quarantine.QuarantinedRow;
import dev.lite2pg.quarantine.QuarantinedRow.Origin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The rows one run set aside, in {@code <repository schema>.quarantine}. Rows are added on the connection of the
 * chunk that refused them, so they commit or roll back together with the chunk's rows and saved position: a resumed
 * run neither loses a quarantined row nor records it twice.
 */
public final class QuarantineTable {

    public static final String NAME = "quarantine";
    private static final String COLUMNS = "job_name, run_id, target_table, source_table, row_key, source_key, row_data,"
            + " column_name, bad_value, reason, origin";

    private final String table;
    private final String jobName;
    private final String runId;

    public QuarantineTable(String repositorySchema, String jobName, String runId) {
        this.table = PgSql.qualified(repositorySchema, NAME);
        this.jobName = jobName;
        this.runId = runId;
    }

    /** Idempotent: called on every start, whether the repository schema was just created or not. */
    static void ensure(Statement st, String repositorySchema) throws SQLException {
        String qualified = PgSql.qualified(repositorySchema, NAME);
        st.execute("CREATE TABLE IF NOT EXISTS " + qualified + " ("
                + "id bigserial PRIMARY KEY, job_name text NOT NULL, run_id text NOT NULL, target_table text NOT NULL,"
                + " source_table text NOT NULL, row_key text NOT NULL, source_key text,"
                // json, not jsonb: kept verbatim as written (RowJson writes no \u0000, which jsonb and ->> refuse).
                + " row_data json NOT NULL, column_name text, bad_value text, reason text NOT NULL, origin text NOT NULL,"
                + " quarantined_at timestamptz NOT NULL DEFAULT now())");
        st.execute("CREATE INDEX IF NOT EXISTS quarantine_run ON " + qualified + " (job_name, run_id, target_table)");
    }

    public String qualifiedName() {
        return table;
    }

    /** Adds rows in the caller's transaction. */
    public void add(Connection connection, List<QuarantinedRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?)")) {
            for (QuarantinedRow row : rows) {
                ps.setString(1, jobName);
                ps.setString(2, runId);
                ps.setString(3, row.table());
                ps.setString(4, row.sourceTable());
                ps.setString(5, withoutNul(row.rowKey()));
                ps.setString(6, withoutNul(row.sourceKey()));
                ps.setString(7, row.row());
                ps.setString(8, row.column());
                ps.setString(9, withoutNul(row.value()));
                ps.setString(10, withoutNul(row.reason()));
                ps.setString(11, row.origin().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Takes out, in the caller's transaction, the entries of a table's rows refused on their way in whose reader keys
     * are given: a catch-up found those rows changed or deleted since, so what was set aside no longer stands.
     */
    public void removeSourceKeys(Connection connection, String targetTable, List<String> sourceKeys)
            throws SQLException {
        if (sourceKeys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table
                + " WHERE job_name = ? AND run_id = ? AND target_table = ? AND source_key = ANY (?)")) {
            ps.setString(1, jobName);
            ps.setString(2, runId);
            ps.setString(3, targetTable);
            ps.setArray(4, connection.createArrayOf("text", sourceKeys.toArray()));
            ps.executeUpdate();
        }
    }

    /** PostgreSQL text cannot hold NUL; the row's JSON keeps the real value, escaped. */
    private static String withoutNul(String text) {
        return text == null ? null : text.replace("\u0000", "\\u0000");
    }

    /** Rows not in the target per target table: refused, quarantined or deleted (rows set to NULL stay in the target). */
    public Map<String, Long> countsByTable(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT target_table, count(*) FROM " + table
                + " WHERE job_name = ? AND run_id = ? AND origin <> ? GROUP BY target_table ORDER BY target_table")) {
            ps.setString(1, jobName);
            ps.setString(2, runId);
            ps.setString(3, Origin.SET_NULL.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * The rows the orphan policy changed or removed after the copy, per target table, foreign key columns and what was
     * done ({@code DELETED}, {@code SET_NULL}, {@code PARENT}), e.g. {@code orders (alert_id): 150 SET_NULL}.
     */
    public Map<String, Long> orphanCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT target_table, column_name, origin, count(*) FROM "
                        + table + " WHERE job_name = ? AND run_id = ? AND source_key IS NULL"
                        + " GROUP BY target_table, column_name, origin ORDER BY target_table, column_name, origin")) {
            ps.setString(1, jobName);
            ps.setString(2, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1) + " (" + rs.getString(2) + ") " + rs.getString(3), rs.getLong(4));
                }
            }
        }
        return counts;
    }

    /** The reader keys of a table's rows refused on their way in: the content check leaves them out of the source side. */
    public Set<String> sourceKeys(Connection connection, String targetTable) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT source_key FROM " + table
                + " WHERE job_name = ? AND run_id = ? AND target_table = ? AND source_key IS NOT NULL")) {
            ps.setString(1, jobName);
            ps.setString(2, runId);
            ps.setString(3, targetTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** A SELECT and the values of its {@code ?} parameters, in order. */
    public record Select(String sql, List<String> parameters) {
        public Select {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * The rows taken out of the target table after the copy (children of quarantined parents), as their copied values:
     * a SELECT of JSON objects shaped like the target row, for the content check to subtract.
     */
    public Select takenFromTarget(String targetTable) {
        return new Select(
                "SELECT row_data FROM " + table
                        + " WHERE job_name = ? AND run_id = ? AND target_table = ? AND source_key IS NULL",
                List.of(jobName, runId, targetTable));
    }

    /**
     * The rows orphans: set-null changed, as they are in the target now: their recorded values with the foreign key's
     * columns (the comma-separated column_name) NULL. With {@link #takenFromTarget} subtracted, the content check
     * adds these to the source side.
     */
    public Select changedInTarget(String targetTable) {
        return new Select(
                "SELECT (SELECT json_object_agg(e.key, CASE WHEN e.key = ANY (string_to_array(q.column_name, ', '))"
                        + " THEN NULL ELSE e.value END) FROM json_each(q.row_data) e) FROM " + table
                        + " q WHERE job_name = ? AND run_id = ? AND target_table = ? AND origin = ?",
                List.of(jobName, runId, targetTable, Origin.SET_NULL.name()));
    }

    public List<QuarantinedRow> first(Connection connection, int limit) throws SQLException {
        List<QuarantinedRow> rows = new ArrayList<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT target_table, source_table, row_key, source_key,"
                        + " row_data::text, column_name, bad_value, reason, origin FROM " + table
                        + " WHERE job_name = ? AND run_id = ? ORDER BY id LIMIT ?")) {
            ps.setString(1, jobName);
            ps.setString(2, runId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new QuarantinedRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            Origin.valueOf(rs.getString(9))));
                }
            }
        }
        return rows;
    }

    /**
     * Moves the child rows of one foreign key whose parent row is not in the target into the quarantine, in the
     * caller's transaction. Run while the keys are deferred (dropped), so a parent removed earlier never blocks.
     *
     * @param childKeyColumns target columns naming a child row (its primary key), or empty to name it by its values
     * @param parentNamesInRowData for each referenced column, the name it has in the parent's quarantined row JSON
     *     (the source column for a row refused on its way in); used only to say whether the parent was quarantined
     * @param origin PARENT to quarantine the rows, DELETED to delete them (both take them out of the target), SET_NULL
     *     to set the key's columns to NULL and keep them; each row is recorded with its values before the change
     * @return the rows moved or changed
     */
    public int resolveOrphans(
            Connection connection,
            String targetSchema,
            TargetForeignKey key,
            String childSourceTable,
            List<String> childKeyColumns,
            List<String> parentNamesInRowData,
            Origin origin)
            throws SQLException {
        String child = PgSql.qualified(targetSchema, key.table());
        String parent = PgSql.qualified(targetSchema, key.referencedTable());
        List<String> cols = key.columns().stream().map(PgSql::quote).toList();
        List<String> refs = key.referencedColumns().stream().map(PgSql::quote).toList();
        String notNull = cols.stream().map(c -> "c." + c + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String matches = IntStream.range(0, cols.size())
                .mapToObj(i -> "p." + refs.get(i) + " = c." + cols.get(i))
                .collect(Collectors.joining(" AND "));
        String fkValues = "'(' || "
                + key.columns().stream()
                        .map(c -> "coalesce(o." + PgSql.quote(c) + "::text, 'NULL')")
                        .collect(Collectors.joining(" || ', ' || "))
                + " || ')'";
        // Identifiers are quoted into the text; every value is a parameter, added in the order its ? stands in.
        List<String> parameters = new ArrayList<>();
        String orphan = notNull + " AND NOT EXISTS (SELECT 1 FROM ONLY " + parent + " p WHERE " + matches + ")";
        StringBuilder sql = new StringBuilder("WITH orphans AS (");
        if (origin.removed()) {
            sql.append("DELETE FROM ONLY ")
                    .append(child)
                    .append(" c WHERE ")
                    .append(orphan)
                    .append(" RETURNING c.*)");
        } else {
            // Every part of one statement sees the same snapshot: orphans holds the rows as they were before the
            // UPDATE.
            sql.append("SELECT c.* FROM ONLY ")
                    .append(child)
                    .append(" c WHERE ")
                    .append(orphan)
                    .append("), changed AS (UPDATE ONLY ")
                    .append(child)
                    .append(" c SET ")
                    .append(cols.stream().map(c -> c + " = NULL").collect(Collectors.joining(", ")))
                    .append(" WHERE ")
                    .append(orphan)
                    .append(")");
        }
        sql.append(" INSERT INTO ").append(table).append(" (").append(COLUMNS).append(") SELECT ?, ?, ?, ?, ");
        parameters.addAll(List.of(jobName, runId, key.table(), childSourceTable));
        if (childKeyColumns.isEmpty()) {
            sql.append("'row ' || left(ROW(o.*)::text, 120)");
        } else {
            sql.append(childKeyColumns.stream()
                    .map(k -> "? || coalesce(o." + PgSql.quote(k) + "::text, 'NULL')")
                    .collect(Collectors.joining(" || ', ' || ")));
            childKeyColumns.forEach(k -> parameters.add(k + "="));
        }
        sql.append(", NULL, to_json(o), ?, ")
                .append(fkValues)
                .append(", 'its parent row ' || ? || ")
                .append(fkValues);
        parameters.add(String.join(", ", key.columns()));
        parameters.add(key.referencedTable() + " (" + String.join(", ", key.referencedColumns()) + ") = ");
        // Whether the missing parent was quarantined or deleted itself: then the child is said to follow it.
        sql.append(" || coalesce((SELECT CASE WHEN q.origin = ? THEN ' was deleted' ELSE ' was quarantined' END FROM ")
                .append(table)
                .append(" q WHERE q.job_name = ? AND q.run_id = ?")
                .append(" AND q.target_table = ? AND ")
                .append(IntStream.range(0, cols.size())
                        // A row taken out of the target (no reader key) holds target columns, a refused row source
                        // ones.
                        .mapToObj(
                                i -> "(CASE WHEN q.source_key IS NULL THEN q.row_data->>? ELSE q.row_data->>? END) = o."
                                        + cols.get(i) + "::text")
                        .collect(Collectors.joining(" AND ")))
                .append(" AND q.origin <> ? LIMIT 1), ' is not in the source')"
                        + " || ' (foreign key ' || ? || ')' || ?, ? FROM orphans o");
        parameters.add(Origin.DELETED.name());
        parameters.addAll(List.of(jobName, runId, key.referencedTable()));
        for (int i = 0; i < cols.size(); i++) {
            parameters.addAll(List.of(key.referencedColumns().get(i), parentNamesInRowData.get(i)));
        }
        parameters.add(Origin.SET_NULL.name());
        parameters.add(key.name());
        parameters.add(
                switch (origin) {
                    case DELETED -> ": deleted, as ON DELETE CASCADE would have (orphans: delete)";
                    case SET_NULL ->
                        ": " + String.join(", ", key.columns())
                                + " set to NULL, as ON DELETE SET NULL would have (orphans: set-null)";
                    default -> "";
                });
        parameters.add(origin.name());
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setString(i + 1, parameters.get(i));
            }
            return ps.executeUpdate();
        }
    }
}
