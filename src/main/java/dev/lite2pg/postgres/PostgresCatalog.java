package dev.lite2pg.postgres;

import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetForeignKey;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.model.TargetType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the target schema's tables, real column types (domains resolved) and foreign keys from pg_catalog. */
public final class PostgresCatalog {

    private final Connection connection;
    private final Map<Long, PgTypeRow> types = new HashMap<>();

    private record PgTypeRow(String name, char kind, long baseType, int baseTypmod, long element, char category) {}

    public PostgresCatalog(Connection connection) {
        this.connection = connection;
    }

    public List<TargetTable> tables(String schema) throws SQLException {
        loadTypes();
        Map<String, List<TargetColumn>> columns = new LinkedHashMap<>();
        String sql = """
                SELECT c.relname, a.attname, a.atttypid, a.atttypmod, format_type(a.atttypid, a.atttypmod),
                       a.attnotnull, a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '' OR EXISTS (
                           -- A BEFORE INSERT row trigger may fill the column (Sakila's film.fulltext): treat it like a default.
                           SELECT 1 FROM pg_trigger tg WHERE tg.tgrelid = c.oid AND NOT tg.tgisinternal
                             AND tg.tgenabled <> 'D' AND (tg.tgtype & 7) = 7),
                       a.attgenerated <> ''
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname <> ?
                ORDER BY c.relname, a.attnum""";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, SchemaMigrator.HISTORY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TargetType type = resolve(rs.getLong(3), rs.getInt(4), rs.getString(5));
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new TargetColumn(
                                    rs.getString(2), type, rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)));
                }
            }
        }
        Map<String, List<TargetForeignKey>> keys = foreignKeys(schema);
        List<TargetTable> tables = new ArrayList<>();
        columns.forEach((name, cols) -> tables.add(new TargetTable(name, cols, keys.getOrDefault(name, List.of()))));
        return tables;
    }

    private Map<String, List<TargetForeignKey>> foreignKeys(String schema) throws SQLException {
        String sql = """
                SELECT con.conname, c.relname, r.relname, pg_get_constraintdef(con.oid),
                       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos)::text[],
                       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos)::text[]
                FROM pg_constraint con
                JOIN pg_class c ON c.oid = con.conrelid
                JOIN pg_class r ON r.oid = con.confrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_namespace rn ON rn.oid = r.relnamespace
                WHERE con.contype = 'f' AND n.nspname = ? AND rn.nspname = ?
                ORDER BY c.relname, con.conname""";
        Map<String, List<TargetForeignKey>> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> from = List.of((String[]) rs.getArray(5).getArray());
                    List<String> to = List.of((String[]) rs.getArray(6).getArray());
                    keys.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new TargetForeignKey(
                                    rs.getString(1), rs.getString(2), from, rs.getString(3), to, rs.getString(4)));
                }
            }
        }
        return keys;
    }

    private void loadTypes() throws SQLException {
        if (!types.isEmpty()) {
            return;
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT oid, typname, typtype, typbasetype, typtypmod, typelem, typcategory FROM pg_type")) {
            while (rs.next()) {
                types.put(
                        rs.getLong(1),
                        new PgTypeRow(
                                rs.getString(2),
                                rs.getString(3).charAt(0),
                                rs.getLong(4),
                                rs.getInt(5),
                                rs.getLong(6),
                                rs.getString(7).charAt(0)));
            }
        }
    }

    private TargetType resolve(long oid, int typmod, String sqlName) {
        PgTypeRow row = types.get(oid);
        if (row == null) {
            return new TargetType(sqlName, sqlName, -1, -1, -1, false, false, null);
        }
        if (row.kind() == 'd') {
            TargetType base = resolve(row.baseType(), row.baseTypmod(), sqlName);
            return new TargetType(
                    sqlName,
                    base.baseName(),
                    base.length(),
                    base.precision(),
                    base.scale(),
                    base.isEnum(),
                    true,
                    base.element());
        }
        if (row.category() == 'A' && row.element() != 0) {
            PgTypeRow elementRow = types.get(row.element());
            String elementName = elementRow == null ? "text" : elementRow.name();
            TargetType element = resolve(row.element(), typmod, elementName);
            return new TargetType(sqlName, row.name(), -1, -1, -1, false, false, element);
        }
        int length = -1;
        int precision = -1;
        int scale = -1;
        if (("varchar".equals(row.name()) || "bpchar".equals(row.name())) && typmod >= 4) {
            length = typmod - 4;
        } else if ("numeric".equals(row.name()) && typmod >= 4) {
            precision = ((typmod - 4) >> 16) & 0xffff;
            scale = (short) ((typmod - 4) & 0xffff);
        }
        return new TargetType(sqlName, row.name(), length, precision, scale, row.kind() == 'e', false, null);
    }
}
