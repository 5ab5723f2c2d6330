package dev.lite2pg.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * Inserts rows into one SQLite table through one reused statement. Values keep their Java type so SQLite stores
 * the intended storage class: {@link Long} as INTEGER, {@link Double} as REAL, {@link String} as TEXT,
 * {@code byte[]} as BLOB, {@code null} as NULL.
 */
final class TableInserter implements AutoCloseable {
    private final PreparedStatement statement;
    private final String table;
    private final int columnCount;

    TableInserter(Connection connection, String table, String... columns) throws SQLException {
        String names = Arrays.stream(columns).map(TableInserter::quote).collect(Collectors.joining(", "));
        String placeholders = String.join(", ", Collections.nCopies(columns.length, "?"));
        this.statement = connection.prepareStatement(
                "INSERT INTO " + quote(table) + " (" + names + ") VALUES (" + placeholders + ")");
        this.table = table;
        this.columnCount = columns.length;
    }

    void row(Object... values) throws SQLException {
        if (values.length != columnCount) {
            throw new IllegalArgumentException(table + ": expected " + columnCount + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
