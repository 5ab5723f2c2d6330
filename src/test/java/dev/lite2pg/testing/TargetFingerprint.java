package dev.lite2pg.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a target schema holds, to compare two runs' targets: per table (flyway_schema_history aside) its row count and
 * the md5 of its rows in a fixed order, and per sequence the value {@code nextval} would return. Two equal fingerprints
 * mean the same rows and the same next keys, whichever run wrote them and in whatever order.
 */
public final class TargetFingerprint {

    private TargetFingerprint() {}

    /** Tables ({@code <table>} -> {@code "<rows> <md5>"}) and sequences ({@code "sequence <schema>.<name>"} -> next value). */
    public static Map<String, String> of(TestDatabase db, String schema) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT relname FROM pg_class WHERE relnamespace = " + literal(schema)
                    + "::regnamespace" + " AND relkind = 'r' AND relname <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\"), ''))"
                                + " FROM " + identifier(schema) + "." + identifier(table) + " t")) {
                    rs.next();
                    result.put(table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT schemaname || '.' || sequencename,"
                    + " CASE WHEN last_value IS NULL THEN start_value ELSE last_value + increment_by END"
                    + " FROM pg_sequences WHERE schemaname = " + literal(schema))) {
                while (rs.next()) {
                    result.put("sequence " + rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    /** {@link #of} and every index of the schema ({@code "index <name>"} -> its definition). */
    public static Map<String, String> withIndexes(TestDatabase db, String schema) throws SQLException {
        Map<String, String> result = of(db, schema);
        for (List<String> index :
                db.rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = " + literal(schema))) {
            result.put("index " + index.get(0), index.get(1));
        }
        return result;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
