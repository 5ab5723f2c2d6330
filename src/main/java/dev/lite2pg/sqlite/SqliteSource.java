package dev.lite2pg.sqlite;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceForeignKey;
import dev.lite2pg.model.SourceTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQLite introspection through the pragma table-valued functions, on a read-only connection. */
public final class SqliteSource implements AutoCloseable {

    private final Path file;
    private final Connection connection;

    private SqliteSource(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SqliteSource open(Path file) {
        return new SqliteSource(file, SqliteFiles.openReadOnly(file));
    }

    public Path file() {
        return file;
    }

    public Connection connection() {
        return connection;
    }

    /** Copyable tables: never views, virtual or shadow tables, nor SQLite's own bookkeeping tables. */
    public List<SourceTable> tables() {
        String sql = "SELECT name, wr " + SqliteFiles.COPIED_TABLES + " ORDER BY name";
        List<SourceTable> tables = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                tables.add(new SourceTable(
                        name, columns(name), rs.getInt(2) == 1, foreignKeys(name), generatedColumns(name)));
            }
        } catch (SQLException e) {
            throw failure("cannot list the tables", e);
        }
        return tables;
    }

    private List<SourceColumn> columns(String table) throws SQLException {
        // Only stored data (hidden 0). Generated columns (hidden 2 VIRTUAL, 3 STORED) are SQLite's to compute: a
        // VIRTUAL one is
        // evaluated on every read, at any size, so it is never read as data; hidden 1 is a virtual table's hidden
        // column.
        List<SourceColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new SourceColumn(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getInt(4)));
                }
            }
        }
        return columns;
    }

    private List<String> generatedColumns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name FROM pragma_table_xinfo(?) WHERE hidden IN (2, 3) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private List<SourceForeignKey> foreignKeys(String table) throws SQLException {
        Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        List<SourceForeignKey> keys = new ArrayList<>();
        for (List<String[]> parts : byId.values()) {
            List<String> from = parts.stream().map(p -> p[1]).toList();
            List<String> to = parts.stream().map(p -> p[2] == null ? "" : p[2]).toList();
            keys.add(new SourceForeignKey(table, from, parts.get(0)[0], to));
        }
        return keys;
    }

    /** AUTOINCREMENT high-water marks by table name (SQLite's sqlite_sequence), empty when there is none. */
    public Map<String, Long> sequenceHighWaterMarks() {
        Map<String, Long> marks = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet exists = st.executeQuery(
                        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")) {
            if (!exists.next()) {
                return marks;
            }
        } catch (SQLException e) {
            throw failure("cannot read sqlite_master", e);
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
            while (rs.next()) {
                marks.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw failure("cannot read sqlite_sequence", e);
        }
        return marks;
    }

    /** {@code PRAGMA quick_check}, the default: see {@link IntegrityCheck#QUICK}. */
    public List<String> integrityProblems() {
        return integrityProblems(IntegrityCheck.QUICK);
    }

    /** What SQLite's check finds wrong with the file; empty when it says ok. */
    public List<String> integrityProblems(IntegrityCheck check) {
        List<String> problems = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA " + check.pragma())) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != SQLITE_CORRUPT && e.getErrorCode() != SQLITE_NOTADB) {
                throw failure("PRAGMA " + check.pragma() + " failed", e);
            }
            // Damage bad enough to stop the check is a finding like the others, not a failure of lite2pg.
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    public long rowCount(String table) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqliteSql.quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("cannot count the rows of " + table, e);
        }
    }

    private Lite2pgException failure(String what, SQLException e) {
        if (SqliteFiles.isLock(e)) {
            return new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "source " + file + ": " + what + ": " + SqliteFiles.lockAdvice(file, SqliteFiles.LOCK_WAIT),
                    e);
        }
        return new Lite2pgException(ErrorCode.PRECONDITION, "source " + file + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // read-only: nothing to lose
        }
    }
}
