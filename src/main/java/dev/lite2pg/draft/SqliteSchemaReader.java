package dev.lite2pg.draft;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a SQLite schema through its pragmas and {@code sqlite_master}, read-only. */
final class SqliteSchemaReader {

    private SqliteSchemaReader() {}

    static SqliteSchema read(SqliteSource source) {
        Connection c = source.connection();
        try {
            List<SqliteSchema.Table> tables = new ArrayList<>();
            for (SourceTable table : source.tables()) {
                String sql = masterSql(c, "table", table.name());
                List<SqlToken> tokens = SqlToken.tokenize(sql == null ? "" : sql);
                tables.add(new SqliteSchema.Table(
                        table,
                        defaults(c, table.name()),
                        tokens.stream().anyMatch(t -> t.isWord("AUTOINCREMENT")),
                        foreignKeys(c, table.name()),
                        indexes(c, table.name()),
                        checks(tokens)));
            }
            return new SqliteSchema(tables, named(c, "view"), named(c, "trigger"));
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.PRECONDITION,
                    "source " + source.file() + ": cannot read the schema: " + e.getMessage(),
                    e);
        }
    }

    private static String masterSql(Connection c, String type, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?")) {
            ps.setString(1, type);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Map<String, String> defaults(Connection c, String table) throws SQLException {
        Map<String, String> defaults = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, dflt_value FROM pragma_table_xinfo(?) WHERE hidden = 0 AND dflt_value IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    defaults.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return defaults;
    }

    private static List<SqliteSchema.ForeignKey> foreignKeys(Connection c, String table) throws SQLException {
        Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete"
                + " FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new String[] {
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)
                    });
                }
            }
        }
        List<SqliteSchema.ForeignKey> keys = new ArrayList<>();
        // pragma_foreign_key_list numbers keys from the last declared; the schema's order reads better.
        List<List<String[]>> declared = new ArrayList<>(byId.values());
        java.util.Collections.reverse(declared);
        for (List<String[]> parts : declared) {
            List<String> to = parts.stream().map(p -> p[2]).toList();
            keys.add(new SqliteSchema.ForeignKey(
                    parts.stream().map(p -> p[1]).toList(),
                    parts.get(0)[0],
                    to.contains(null) ? List.of() : to,
                    parts.get(0)[3],
                    parts.get(0)[4]));
        }
        return keys;
    }

    private static List<SqliteSchema.Index> indexes(Connection c, String table) throws SQLException {
        List<String[]> listed = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY seq DESC")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    listed.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        List<SqliteSchema.Index> indexes = new ArrayList<>();
        for (String[] index : listed) {
            String origin = index[2];
            List<List<SqlToken>> terms = new ArrayList<>();
            List<SqlToken> where = List.of();
            String sql = "c".equals(origin) ? masterSql(c, "index", index[0]) : null;
            if (sql != null) {
                List<SqlToken> tokens = SqlToken.tokenize(sql);
                int on = indexOfWord(tokens, "ON", 0);
                int open = on < 0 ? -1 : indexOfKind(tokens, SqlToken.Kind.OPEN, on);
                if (open < 0) {
                    continue;
                }
                terms.addAll(SqlToken.splitList(tokens, open));
                int close = SqlToken.matching(tokens, open);
                if (close + 1 < tokens.size() && tokens.get(close + 1).isWord("WHERE")) {
                    where = tokens.subList(close + 2, tokens.size()).stream()
                            .filter(t -> t.kind() != SqlToken.Kind.SEMICOLON)
                            .toList();
                }
            } else {
                for (String column : indexColumns(c, index[0])) {
                    terms.add(List.of(new SqlToken(SqlToken.Kind.IDENTIFIER, column)));
                }
            }
            indexes.add(new SqliteSchema.Index(index[0], "1".equals(index[1]), origin, terms, where));
        }
        return indexes;
    }

    private static List<String> indexColumns(Connection c, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** Every CHECK (...) inside the table's parentheses, column constraints and table constraints alike. */
    static List<List<SqlToken>> checks(List<SqlToken> tokens) {
        List<List<SqlToken>> checks = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("CHECK") && tokens.get(i + 1).kind() == SqlToken.Kind.OPEN) {
                int close = SqlToken.matching(tokens, i + 1);
                checks.add(List.copyOf(tokens.subList(i + 2, Math.min(close, tokens.size()))));
                i = close;
            }
        }
        return checks;
    }

    private static List<SqliteSchema.Named> named(Connection c, String type) throws SQLException {
        List<SqliteSchema.Named> named = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL" + " ORDER BY name")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    named.add(new SqliteSchema.Named(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return named;
    }

    private static int indexOfWord(List<SqlToken> tokens, String word, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfKind(List<SqlToken> tokens, SqlToken.Kind kind, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
