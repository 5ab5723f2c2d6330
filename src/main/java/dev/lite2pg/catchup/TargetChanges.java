package dev.lite2pg.catchup;

import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.postgres.PgSql;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Applies the tables' changes to the target inside the caller's one transaction: each table's converted rows and
 * gone keys are COPYed into temporary tables shaped like the target's columns, then deleted by key and upserted by
 * key ({@code INSERT … ON CONFLICT DO UPDATE}: a row the target lacks, e.g. one set aside by the copy and fixed since,
 * is inserted). Foreign keys are checked once, at the end: rows of a cycle, or a parent whose key changed, are
 * written in whatever order and checked whole; a key PostgreSQL declared NOT DEFERRABLE is made deferrable for the
 * transaction only and put back before it commits.
 */
public final class TargetChanges {

    private final Connection connection;
    private final String schema;
    private final List<TargetForeignKey> madeDeferrable = new ArrayList<>();

    /** @param connection in a transaction (auto-commit off) that the caller commits or rolls back */
    public TargetChanges(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** Every foreign key from or to a changed table is checked at {@link #checkForeignKeys}, not row by row. */
    public void deferForeignKeys(List<TargetForeignKey> keys, Set<String> changedTables) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (TargetForeignKey key : keys) {
                if ((changedTables.contains(key.table()) || changedTables.contains(key.referencedTable()))
                        && !deferrable(key.definition())) {
                    st.execute("ALTER TABLE " + PgSql.qualified(schema, key.table()) + " ALTER CONSTRAINT "
                            + PgSql.quote(key.name()) + " DEFERRABLE INITIALLY DEFERRED");
                    madeDeferrable.add(key);
                }
            }
            st.execute("SET CONSTRAINTS ALL DEFERRED");
        }
    }

    /** Whether PostgreSQL's own definition of the key ({@code pg_get_constraintdef}) lets it be deferred. */
    static boolean deferrable(String definition) {
        return definition.contains(" DEFERRABLE") && !definition.contains("NOT DEFERRABLE");
    }

    /** COPYs the table's changed rows and gone keys into the transaction's temporary tables. */
    public void stage(TableDelta delta) throws SQLException {
        TableCopy copy = delta.copy();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + changed(copy) + " ON COMMIT DROP AS SELECT "
                    + PgSql.columnList(copy.targetColumns()) + " FROM " + target(copy) + " WITH NO DATA");
            st.execute("CREATE TEMPORARY TABLE " + gone(copy) + " ON COMMIT DROP AS SELECT "
                    + PgSql.columnList(copy.targetKeyColumns()) + " FROM " + target(copy) + " WITH NO DATA");
        }
        copyIn(changed(copy), copy.targetColumns(), delta.changedFile());
        copyIn(gone(copy), copy.targetKeyColumns(), delta.goneFile());
    }

    /** Deletes the target rows whose key is gone; returns how many it deleted. */
    public long delete(TableCopy copy) throws SQLException {
        String on = copy.targetKeyColumns().stream()
                .map(c -> "t." + PgSql.quote(c) + " = g." + PgSql.quote(c))
                .collect(Collectors.joining(" AND "));
        try (Statement st = connection.createStatement()) {
            return st.executeLargeUpdate(
                    "DELETE FROM " + target(copy) + " AS t USING " + gone(copy) + " AS g WHERE " + on);
        }
    }

    /** Inserts or updates the changed rows by key; returns {inserted, updated} as PostgreSQL did them. */
    public long[] upsert(TableCopy copy) throws SQLException {
        List<String> keys = copy.targetKeyColumns();
        List<String> others =
                copy.targetColumns().stream().filter(c -> !keys.contains(c)).toList();
        String columns = PgSql.columnList(copy.targetColumns());
        String action = others.isEmpty()
                ? "DO NOTHING"
                : "DO UPDATE SET "
                        + others.stream()
                                .map(c -> PgSql.quote(c) + " = EXCLUDED." + PgSql.quote(c))
                                .collect(Collectors.joining(", "));
        // xmax is 0 on a row this statement inserted, the transaction's id on one it updated.
        String sql = "WITH applied AS (INSERT INTO " + target(copy) + " AS t (" + columns
                + ") OVERRIDING SYSTEM VALUE SELECT " + columns + " FROM " + changed(copy) + " ON CONFLICT ("
                + PgSql.columnList(keys) + ") " + action + " RETURNING (t.xmax = 0) AS inserted)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM applied";
        try (PreparedStatement ps = connection.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Checks every deferred foreign key now, over all the changes at once, and makes the keys that were not
     * deferrable so again: a violation throws here, and the caller's rollback undoes every change.
     */
    public void checkForeignKeys() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET CONSTRAINTS ALL IMMEDIATE");
            for (TargetForeignKey key : madeDeferrable) {
                st.execute("ALTER TABLE " + PgSql.qualified(schema, key.table()) + " ALTER CONSTRAINT "
                        + PgSql.quote(key.name()) + " NOT DEFERRABLE INITIALLY IMMEDIATE");
            }
        }
    }

    /**
     * Whether the target can take the table's changes by key: a primary key or unique constraint on exactly the
     * columns the source's primary key is copied into (what {@code ON CONFLICT} and the deletes address rows by).
     */
    public static boolean addressable(Connection connection, String schema, TableCopy copy) throws SQLException {
        if (copy.targetKeyColumns().isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index i"
                + " WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL"
                + " AND (SELECT array_agg(a.attname::text ORDER BY a.attname::text) FROM pg_catalog.pg_attribute a"
                + " WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey))"
                + " = (SELECT array_agg(k ORDER BY k) FROM unnest(?::text[]) k))")) {
            ps.setString(1, target(schema, copy));
            ps.setArray(
                    2, connection.createArrayOf("text", copy.targetKeyColumns().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void copyIn(String table, List<String> columns, Path file) throws SQLException {
        try (InputStream in = Files.newInputStream(file)) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " (" + PgSql.columnList(columns) + ") FROM STDIN", in, 1 << 16);
        } catch (IOException e) {
            throw new SQLException("cannot read the spooled changes " + file + ": " + e.getMessage(), e);
        }
    }

    private String target(TableCopy copy) {
        return target(schema, copy);
    }

    private static String target(String schema, TableCopy copy) {
        return PgSql.qualified(schema, copy.targetTable());
    }

    private static String changed(TableCopy copy) {
        return "pg_temp." + PgSql.quote("lite2pg_changed_" + copy.order());
    }

    private static String gone(TableCopy copy) {
        return "pg_temp." + PgSql.quote("lite2pg_gone_" + copy.order());
    }
}
