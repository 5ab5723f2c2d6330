package dev.lite2pg.postgres;

import dev.lite2pg.checksum.RowHash;
import dev.lite2pg.model.SchemaObject;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.model.TargetIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PostgreSQL statements the job runs around the copy; all SQL specific to the target lives in this package. */
public final class TargetDatabase {

    private final JdbcTemplate jdbc;
    private final String schema;

    public TargetDatabase(DataSource dataSource, String schema) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    public boolean schemaExists() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", Boolean.class, schema));
    }

    /** Row counts of the application tables (not Flyway's history) that hold at least one row, by table name. */
    public Map<String, Long> tablesWithRows() {
        List<String> tables = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ? ORDER BY c.relname""", String.class, schema, SchemaMigrator.HISTORY_TABLE);
        Map<String, Long> filled = new LinkedHashMap<>();
        for (String table : tables) {
            if (Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM ONLY " + qualified(table) + ")", Boolean.class))) {
                filled.put(table, rowCount(table));
            }
        }
        return filled;
    }

    /**
     * Foreign keys from tables outside {@code tables} (in any schema) into one of them, as {@code table.constraint ->
     * referenced}: PostgreSQL refuses to TRUNCATE a table such a key references, whatever the referencing table holds,
     * so they are named before anything is tried.
     */
    public List<String> foreignKeysFromOtherTables(List<String> tables) {
        String[] names = tables.toArray(String[]::new);
        return jdbc.query("""
                SELECT format('%I.%I', rn.nspname, r.relname) || '.' || con.conname || ' -> ' || t.relname
                FROM pg_constraint con
                JOIN pg_class t ON t.oid = con.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
                JOIN pg_class r ON r.oid = con.conrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
                WHERE con.contype = 'f' AND tn.nspname = ? AND t.relname = ANY (?)
                  AND NOT (rn.nspname = tn.nspname AND r.relname = ANY (?))
                ORDER BY 1""", (rs, i) -> rs.getString(1), schema, names, names);
    }

    /**
     * Deletes every row of the table (DELETE, not TRUNCATE: a target-only table that references it, even empty,
     * would make TRUNCATE refuse, and a row it references makes this refuse rather than lose it).
     *
     * @return the rows deleted
     */
    public int deleteAllRows(String table) {
        return jdbc.update("DELETE FROM ONLY " + qualified(table));
    }

    /**
     * Empties the tables in one statement (so foreign keys among them do not stand in the way) and resets the
     * sequences they own. Tables that no longer exist are skipped; a table outside the list that references one of
     * them makes PostgreSQL refuse, rather than lose rows lite2pg did not write.
     *
     * @return the tables emptied
     */
    public List<String> truncate(List<String> tables) {
        List<String> existing = tables.stream().filter(this::tableExists).toList();
        if (!existing.isEmpty()) {
            jdbc.execute("TRUNCATE TABLE "
                    + existing.stream().map(this::qualified).collect(Collectors.joining(", ")) + " RESTART IDENTITY");
        }
        return existing;
    }

    /**
     * Empties tables the run found empty, as they were: in one statement, their sequences left where they were (a
     * COPY of explicit ids never moved them). Tables that no longer exist are skipped. When a table outside the list
     * references one of them (TRUNCATE would refuse even though none of its rows can reference rows the run wrote into
     * tables that were empty), each is emptied with DELETE instead.
     */
    public void emptyAsFound(List<String> tables) {
        List<String> existing = tables.stream().filter(this::tableExists).toList();
        if (existing.isEmpty()) {
            return;
        }
        if (foreignKeysFromOtherTables(existing).isEmpty()) {
            jdbc.execute(
                    "TRUNCATE TABLE " + existing.stream().map(this::qualified).collect(Collectors.joining(", ")));
        } else {
            existing.forEach(this::deleteAllRows);
        }
    }

    /**
     * Locks the existing tables against every write until the transaction ends (reads go on): what is read from them
     * meanwhile stays true until the caller commits. The TRUNCATE that follows needs a stronger lock anyway.
     */
    public void lockAgainstWrites(List<String> tables) {
        List<String> existing = tables.stream().filter(this::tableExists).toList();
        if (!existing.isEmpty()) {
            jdbc.execute("LOCK TABLE " + existing.stream().map(this::qualified).collect(Collectors.joining(", "))
                    + " IN EXCLUSIVE MODE");
        }
    }

    /** The schema holds tables but no Flyway history: another tool (the application's own migrations) built it. */
    public boolean builtWithoutFlyway() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p'))""", Boolean.class, schema))
                && !tableExists(SchemaMigrator.HISTORY_TABLE);
    }

    public boolean tableExists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p'))""", Boolean.class, schema, table));
    }

    /** Rows of the table itself, not of inheritance children (Sakila's payment_p2007_* must not count as payment). */
    public long rowCount(String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM ONLY " + qualified(table), Long.class);
        return n == null ? 0 : n;
    }

    /** Row count and content checksum of the table over these columns, computed as the content check computes the target's. */
    public ContentChecksums.Checksum contentChecksum(String table, List<String> columns, List<String> types) {
        return jdbc.execute((ConnectionCallback<ContentChecksums.Checksum>) connection ->
                new ContentChecksums(connection, schema, table, columns, types, List.of()).targetChecksum());
    }

    /**
     * Row count and content checksum of the table over these columns, computed from their text as the content check
     * computes it when the copy kept a checksum ({@link ContentChecksums#storedChecksum}), in a transaction of its own.
     */
    public ContentChecksums.Checksum storedChecksum(String table, List<String> columns, List<String> types) {
        RowHash hash = RowHash.forTypes(types)
                .orElseThrow(() -> new IllegalStateException("no text checksum for the types of " + table));
        return jdbc.execute((ConnectionCallback<ContentChecksums.Checksum>) connection -> {
            // Its output settings are SET LOCAL: undone by a rollback of its own transaction, or of a savepoint
            // when it runs inside the caller's.
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            java.sql.Savepoint before = autoCommit ? null : connection.setSavepoint();
            try {
                return new ContentChecksums(connection, schema, table, columns, types, List.of())
                        .storedChecksum(hash, 0, -1);
            } finally {
                if (before == null) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                } else {
                    connection.rollback(before);
                }
            }
        });
    }

    public boolean foreignKeyExists(TargetForeignKey key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE con.contype = 'f' AND n.nspname = ? AND c.relname = ? AND con.conname = ?)""", Boolean.class, schema, key.table(), key.name()));
    }

    public void dropForeignKey(TargetForeignKey key) {
        jdbc.execute("ALTER TABLE " + qualified(key.table()) + " DROP CONSTRAINT IF EXISTS " + PgSql.quote(key.name()));
    }

    /**
     * Adds the key back exactly as defined: first NOT VALID (a brief lock, no scan), then VALIDATE, which checks every
     * copied row under a lock that does not block reads or writes. A key that was NOT VALID in the schema stays so.
     *
     * @return false when the key is already there (a resumed run that got this far before)
     */
    public boolean addForeignKey(TargetForeignKey key) {
        if (foreignKeyExists(key)) {
            return false;
        }
        String table = "ALTER TABLE " + qualified(key.table());
        if (key.definition().endsWith(" NOT VALID")) {
            jdbc.execute(table + " ADD CONSTRAINT " + PgSql.quote(key.name()) + " " + key.definition());
            return true;
        }
        jdbc.execute(table + " ADD CONSTRAINT " + PgSql.quote(key.name()) + " " + key.definition() + " NOT VALID");
        jdbc.execute(table + " VALIDATE CONSTRAINT " + PgSql.quote(key.name()));
        return true;
    }

    /**
     * Non-unique indexes that back no constraint: PostgreSQL would update each of them for every copied row, while
     * building them once after the copy is a single sort. Unique indexes stay, so a duplicate is refused by the chunk
     * that brings it, with its rows. Indexes of partitioned tables stay too (their partitions' indexes hang off them).
     */
    public List<TargetIndex> deferrableIndexes() {
        return jdbc.query("""
                SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = 'r' AND NOT x.indisunique AND NOT x.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
                ORDER BY 1, 2""", (rs, i) -> new TargetIndex(rs.getString(1), rs.getString(2), rs.getString(3)), schema);
    }

    public void dropIndex(TargetIndex index) {
        jdbc.execute("DROP INDEX IF EXISTS " + qualified(index.name()));
    }

    /** @return false when an index of that name already exists (a resumed run that got this far before) */
    public boolean createIndex(TargetIndex index) {
        boolean exists = Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'i')""", Boolean.class, schema, index.name()));
        if (!exists) {
            jdbc.execute(index.definition());
        }
        return !exists;
    }

    /**
     * Session settings for a bulk load that need no superuser: memory for the index sorts and foreign-key checks
     * that follow the copy. Set per transaction so pooled connections go back unchanged.
     */
    public void useMaintenanceMemory(String amount) {
        jdbc.queryForObject("SELECT set_config('maintenance_work_mem', ?, true)", String.class, amount);
    }

    /** Fresh planner statistics for these tables of the schema: the application's first queries plan with them. */
    public void analyze(List<String> tables) {
        if (!tables.isEmpty()) {
            jdbc.execute("ANALYZE " + tables.stream().map(this::qualified).collect(Collectors.joining(", ")));
        }
    }

    /** Rows whose non-null reference finds no parent row. */
    public long orphans(TargetForeignKey key) {
        String join = joinCondition(key.columns(), key.referencedColumns());
        String notNull = key.columns().stream()
                .map(c -> "c." + PgSql.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        Long n = jdbc.queryForObject(
                "SELECT count(*) FROM ONLY " + qualified(key.table()) + " c WHERE " + notNull
                        + " AND NOT EXISTS (SELECT 1 FROM " + qualified(key.referencedTable()) + " p WHERE " + join
                        + ")",
                Long.class);
        return n == null ? 0 : n;
    }

    private static String joinCondition(List<String> columns, List<String> referenced) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add("p." + PgSql.quote(referenced.get(i)) + " = c." + PgSql.quote(columns.get(i)));
        }
        return String.join(" AND ", parts);
    }

    /** Every column of the schema fed by a sequence, through a default that calls nextval() or an identity. */
    public List<SequenceUse> sequenceUses() {
        return jdbc.query(
                """
                SELECT s.oid::regclass::text, c.relname, a.attname
                FROM pg_attrdef d
                JOIN pg_depend dep ON dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid
                     AND dep.refclassid = 'pg_class'::regclass
                JOIN pg_class s ON s.oid = dep.refobjid AND s.relkind = 'S'
                JOIN pg_class c ON c.oid = d.adrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                WHERE n.nspname = ?
                UNION
                SELECT pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname), c.relname, a.attname
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND a.attidentity <> '' AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY 1, 2, 3""", (rs, i) -> new SequenceUse(rs.getString(1), rs.getString(2), rs.getString(3)), schema, schema);
    }

    /** The largest value in the column, null when the table is empty or the column is not numeric-comparable to a sequence. */
    public Long maxValue(String table, String column) {
        return jdbc.queryForObject(
                "SELECT max(" + PgSql.quote(column) + ")::bigint FROM ONLY " + qualified(table), Long.class);
    }

    /** Moves the sequence so that its next value is {@code highest + 1}. */
    public void setSequencePast(String sequence, long highest) {
        jdbc.queryForObject("SELECT setval(?::regclass, ?, true)", Long.class, sequence, highest);
    }

    /** The value nextval() would return next, read without consuming it. */
    public long nextValue(String sequence) {
        return jdbc.queryForObject(
                "SELECT CASE WHEN is_called THEN last_value + (SELECT seqincrement FROM pg_sequence WHERE seqrelid = ?::regclass) ELSE last_value END FROM "
                        + sequence,
                Long.class,
                sequence);
    }

    private String qualified(String table) {
        return PgSql.qualified(schema, table);
    }

    /**
     * Every index and constraint of the schema's tables.
     */
    public List<SchemaObject> schemaObjects() {
        return jdbc.query(
                """
                SELECT 'index', t.relname, i.relname, x.indisvalid AND x.indisready
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                WHERE t.relnamespace = to_regnamespace(?) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                UNION ALL
                SELECT CASE c.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique' WHEN 'f' THEN 'foreign key'
                                      WHEN 'c' THEN 'check' WHEN 'x' THEN 'exclusion' ELSE c.contype::text END,
                       t.relname, c.conname, c.convalidated
                FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                WHERE t.relnamespace = to_regnamespace(?) AND c.contype IN ('p', 'u', 'f', 'c', 'x')
                ORDER BY 2, 1, 3""",
                (rs, n) -> new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                PgSql.quote(schema),
                PgSql.quote(schema));
    }
}
