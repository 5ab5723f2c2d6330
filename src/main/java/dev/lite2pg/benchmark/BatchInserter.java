package dev.lite2pg.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Inserts rows into one SQLite table through one reused statement, {@value #BATCH} rows per JDBC batch. Values keep
 * their Java type so SQLite stores the intended storage class: {@link Long} as INTEGER, {@link Double} as REAL,
 * {@link String} as TEXT (then the column's affinity applies), {@code null} as NULL.
 */
final class BatchInserter implements AutoCloseable {
    private static final int BATCH = 1_000;

    private final PreparedStatement statement;
    private final String table;
    private final int columnCount;
    private int pending;
    private long rows;

    BatchInserter(Connection connection, String table, int columnCount) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(columnCount, "?"));
        this.statement = connection.prepareStatement("INSERT INTO " + table + " VALUES (" + placeholders + ")");
        this.table = table;
        this.columnCount = columnCount;
    }

    void row(Object... values) throws SQLException {
        if (values.length != columnCount) {
            throw new IllegalArgumentException(table + ": expected " + columnCount + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        rows++;
        if (++pending == BATCH) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    /** Sends the last partial batch; the rows commit with the caller's transaction. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
