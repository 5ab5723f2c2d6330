package dev.lite2pg.postgres;

import dev.lite2pg.convert.ValueDescriptions;
import dev.lite2pg.copy.CopyTextEncoder;
import dev.lite2pg.copy.RowConverter;
import dev.lite2pg.copy.RowKeys;
import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.source.SourceRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

/**
 * {@code check}'s load of one table into its scratch schema: every row that converts is copied with COPY, as the
 * cutover copies it, so that PostgreSQL judges what only it can (CHECK and domain constraints, unique and
 * expression-unique indexes, enum labels, NOT NULL behind a domain or a trigger). A row PostgreSQL refuses is named
 * (table, key, column or key columns, value, PostgreSQL's reason) and the rows around it are copied again under a
 * savepoint, so every refusal is found, not the first. Rows whose values do not convert are skipped: the scan lists
 * them already. Never for a real target: it writes.
 */
public final class ScratchLoad implements AutoCloseable {

    /** Rows per COPY: a refused row costs a re-copy of at most this many rows around it. */
    private static final int CHUNK_ROWS = 5_000;

    private static final int CHUNK_BYTES = 16 << 20;

    private final Connection connection;
    private final TableCopy copy;
    private final String copySql;
    private final RowConverter converter;
    private final RowKeys rowKeys;
    private final Consumer<RowRefusal> refused;
    private final CopyTextEncoder encoder = new CopyTextEncoder(1 << 16);
    private final List<SourceRow> rows = new ArrayList<>();
    /** Where each queued row starts in the encoder's buffer (one more entry: where the last one ends). */
    private final int[] rowStart = new int[CHUNK_ROWS + 1];

    private final Consumer<RowRefusal> ignore = r -> {};
    private long refusedRows;

    private ScratchLoad(Connection connection, TableCopy copy, Consumer<RowRefusal> refused) {
        this.connection = connection;
        this.copy = copy;
        this.refused = refused;
        this.copySql = "COPY " + PgSql.qualified(copy.targetSchema(), copy.targetTable()) + " ("
                + PgSql.columnList(copy.targetColumns()) + ") FROM STDIN";
        this.converter = new RowConverter(copy);
        this.rowKeys = RowKeys.of(copy);
    }

    /** @param refused told of each row PostgreSQL refuses, from the calling thread */
    public static ScratchLoad open(DataSource scratch, TableCopy copy, Consumer<RowRefusal> refused)
            throws SQLException {
        Connection connection = scratch.getConnection();
        connection.setAutoCommit(false);
        return new ScratchLoad(connection, copy, refused);
    }

    /**
     * Drops every foreign key of the scratch database: orphan references are counted on the source (the scan), and
     * with the keys in place a refused parent row would make every one of its children a second, misleading refusal.
     */
    public static void dropForeignKeys(DataSource scratch) throws SQLException {
        try (Connection connection = scratch.getConnection();
                Statement st = connection.createStatement()) {
            List<String> drops = new ArrayList<>();
            try (ResultSet keys = st.executeQuery("SELECT n.nspname, t.relname, c.conname FROM pg_constraint c"
                    + " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE c.contype = 'f'")) {
                while (keys.next()) {
                    drops.add("ALTER TABLE " + PgSql.qualified(keys.getString(1), keys.getString(2))
                            + " DROP CONSTRAINT " + PgSql.quote(keys.getString(3)));
                }
            }
            for (String drop : drops) {
                st.execute(drop);
            }
        }
    }

    /** Converts the row and queues it for the next COPY; a row with a value that does not convert is skipped. */
    public void add(SourceRow row) throws SQLException {
        if (converter.convert(row, ignore) > 0) {
            return;
        }
        rowStart[rows.size()] = encoder.length();
        rows.add(row);
        converter.encode(encoder);
        if (rows.size() >= CHUNK_ROWS || encoder.length() >= CHUNK_BYTES) {
            flush();
        }
    }

    /** Copies what is queued and commits it. */
    public void finish() throws SQLException {
        flush();
    }

    /** Rows PostgreSQL refused so far. */
    public long refusedRows() {
        return refusedRows;
    }

    /**
     * COPY, and on a row PostgreSQL refuses (it names the line): back to before that COPY, name the row, copy the rows
     * before it and after it again; a refusal naming no line is found by halving. Each attempt writes its whole range or removes one row, so the loop ends. The
     * earlier rows first, so that of two rows with the same unique key the later one is named, as the copy would.
     */
    private void flush() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        rowStart[rows.size()] = encoder.length();
        try (Statement st = connection.createStatement()) {
            // A deferrable constraint is then checked at each COPY, not at the commit, where no row could be named.
            st.execute("SET CONSTRAINTS ALL IMMEDIATE");
        }
        List<Refused> refusals = new ArrayList<>();
        Deque<int[]> ranges = new ArrayDeque<>();
        ranges.push(new int[] {0, rows.size()});
        while (!ranges.isEmpty()) {
            int[] range = ranges.pop();
            int from = range[0];
            int to = range[1];
            if (from >= to) {
                continue;
            }
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                copyRows(from, to);
                connection.releaseSavepoint(beforeCopy);
            } catch (PSQLException e) {
                connection.rollback(beforeCopy);
                int line = PostgresRefusal.line(e);
                int bad;
                if (line >= 1 && from + line - 1 < to) {
                    bad = from + line - 1;
                } else if (PostgresRefusal.aboutTheData(e)) {
                    // Checked at the end of the COPY (a deferrable unique constraint): no line named, so halve the
                    // range until the row is alone; the earlier half stays written, as the rows before a named line.
                    if (to - from > 1) {
                        int middle = (from + to) >>> 1;
                        ranges.push(new int[] {middle, to});
                        ranges.push(new int[] {from, middle});
                        continue;
                    }
                    bad = from;
                } else {
                    throw e;
                }
                refusals.add(new Refused(rows.get(bad), e));
                ranges.push(new int[] {bad + 1, to});
                ranges.push(new int[] {from, bad});
            }
        }
        // Named once the chunk is in: the row a duplicate collides with may come before it in the same chunk.
        for (Refused r : refusals) {
            refused.accept(refusal(r.row(), r.error()));
        }
        refusedRows += refusals.size();
        connection.commit();
        rows.clear();
        encoder.reset();
    }

    private record Refused(SourceRow row, PSQLException error) {}

    private void copyRows(int from, int to) throws SQLException {
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            in.writeToCopy(encoder.buffer(), rowStart[from], rowStart[to] - rowStart[from]);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * Named as a refused value is: the column PostgreSQL names, or for a unique index (which names none) its key
     * columns and the duplicate values from its detail ({@code Key (ticker)=(ABC) already exists.}).
     */
    private RowRefusal refusal(SourceRow row, PSQLException e) {
        String column = PostgresRefusal.column(e);
        int index = column == null ? -1 : copy.targetColumns().indexOf(column);
        String sourceColumn;
        String value;
        if (index >= 0) {
            sourceColumn = copy.sourceColumns().get(index);
            value = ValueDescriptions.describe(row.values()[index]);
        } else {
            PostgresRefusal.DuplicateKey key = PostgresRefusal.duplicateKey(e);
            if (key == null) {
                sourceColumn = column == null ? "(row)" : column;
                value = "(row)";
            } else {
                sourceColumn = sourceNames(key.columns());
                value = sourceValues(row, key);
            }
        }
        String reason = "refused by PostgreSQL: " + PostgresRefusal.reason(e);
        PostgresRefusal.DuplicateKey duplicate = PostgresRefusal.duplicateKey(e);
        String first = duplicate == null ? null : duplicated(duplicate);
        if (first != null) {
            reason += "; it duplicates " + copy.source().name() + " " + first;
        }
        return new RowRefusal(
                copy.source().name(), rowKeys.describe(row), sourceColumn, value, reason, PostgresRefusal.kind(e));
    }

    /**
     * The row's own source values when every key column is a plain column (so that {@code 09:00-03:00} shows as the
     * source wrote it; PostgreSQL's detail shows {@code 12:00+00}), else PostgreSQL's values of the key's expressions.
     */
    private String sourceValues(SourceRow row, PostgresRefusal.DuplicateKey key) {
        List<String> values = new ArrayList<>();
        for (String column : key.columns()) {
            int index = copy.targetColumns().indexOf(column);
            if (index < 0) {
                return key.values();
            }
            values.add(ValueDescriptions.describe(row.values()[index]));
        }
        return String.join(", ", values);
    }

    /**
     * The key of the row already holding a duplicate value, looked up in the scratch table (through the index), when
     * the index is over one plain column and the copy carries the table's primary key; else null. A failed lookup
     * costs nothing but the name: it runs under its own savepoint.
     */
    private String duplicated(PostgresRefusal.DuplicateKey key) {
        List<String> primaryKey = copy.targetKeyColumns();
        if (primaryKey.isEmpty()
                || key.columns().size() != 1
                || !copy.targetColumns().contains(key.columns().get(0))) {
            return null;
        }
        String sql = "SELECT " + PgSql.columnList(primaryKey) + " FROM "
                + PgSql.qualified(copy.targetSchema(), copy.targetTable()) + " WHERE "
                + PgSql.quote(key.columns().get(0)) + " = " + PgSql.literal(key.values()) + " LIMIT 1";
        try {
            Savepoint beforeLookup = connection.setSavepoint();
            try (Statement st = connection.createStatement();
                    ResultSet found = st.executeQuery(sql)) {
                List<String> parts = new ArrayList<>();
                if (found.next()) {
                    for (int i = 0; i < primaryKey.size(); i++) {
                        parts.add(copy.source().primaryKey().get(i).name() + "=" + found.getString(i + 1));
                    }
                }
                connection.releaseSavepoint(beforeLookup);
                return parts.isEmpty() ? null : String.join(", ", parts);
            } catch (SQLException e) {
                connection.rollback(beforeLookup);
                return null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** The key columns under their source names where they are plain columns ({@code lower(ticker)} stays as it is). */
    private String sourceNames(List<String> targetColumns) {
        List<String> names = new ArrayList<>();
        for (String column : targetColumns) {
            int index = copy.targetColumns().indexOf(column);
            names.add(index >= 0 ? copy.sourceColumns().get(index) : column);
        }
        return String.join(", ", names);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } finally {
            connection.close();
        }
    }
}
