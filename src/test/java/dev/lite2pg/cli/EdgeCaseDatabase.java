package dev.lite2pg.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes small SQLite source files for the CLI tests, with the values a test needs stored in exactly the storage class
 * it means: plain SQL for literals SQLite must interpret itself ({@code X'00ff'}, {@code char(0)},
 * {@code CAST(X'41FF' AS TEXT)}), bound parameters for text that must arrive byte for byte.
 */
final class EdgeCaseDatabase implements AutoCloseable {

    private final Connection connection;

    private EdgeCaseDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating) the file read-write; close it before a cutover reads it. */
    static EdgeCaseDatabase at(Path file) throws SQLException {
        return new EdgeCaseDatabase(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    }

    /** Runs each statement as written. */
    EdgeCaseDatabase sql(String... statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.executeUpdate(sql);
            }
        }
        return this;
    }

    /** Runs one parameterised statement once per row, binding each value with setObject. */
    EdgeCaseDatabase rows(String sql, Object[]... rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        }
        return this;
    }

    static Object[] row(Object... values) {
        return values;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
