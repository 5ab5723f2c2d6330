package dev.lite2pg.draft;

import dev.lite2pg.plan.SnakeCase;

/** How the draft names tables and columns in PostgreSQL, and how it writes names and literals into SQL. */
public enum Names {
    /** The SQLite names exactly, quoted: the job maps them with {@code names: exact}. */
    AS_IS,
    /** snake_case ({@code InvoiceLineId} → {@code invoice_line_id}), as the job's {@code names: auto} maps them. */
    SNAKE;

    /** {@code as-is} or {@code snake}, as the command line spells them; null for anything else. */
    public static Names parse(String option) {
        return switch (option) {
            case "as-is" -> AS_IS;
            case "snake" -> SNAKE;
            default -> null;
        };
    }

    String target(String source) {
        return this == SNAKE ? SnakeCase.of(source) : source;
    }

    /** The job file's {@code mapping.names} that maps the source names onto these. */
    String mappingRule() {
        return this == SNAKE ? "auto" : "exact";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
