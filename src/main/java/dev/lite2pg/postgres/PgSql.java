package dev.lite2pg.postgres;

import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL SQL text: every identifier quoted, so reserved words, spaces and mixed case all work. */
public final class PgSql {

    private PgSql() {}

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    public static String columnList(List<String> names) {
        return names.stream().map(PgSql::quote).collect(Collectors.joining(", "));
    }

    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
