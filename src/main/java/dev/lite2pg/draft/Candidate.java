package dev.lite2pg.draft;

import dev.lite2pg.model.TargetType;

/**
 * A PostgreSQL type a column may be drafted as. Each is tried on every value with the converter the copy would use for
 * it ({@link dev.lite2pg.convert.ConverterResolver}), so a type is proposed only when the copy accepts every value.
 */
enum Candidate {
    BOOLEAN("boolean", "bool"),
    BIGINT("bigint", "int8"),
    DOUBLE("double precision", "float8"),
    DECLARED_NUMERIC(null, "numeric"),
    NUMERIC("numeric", "numeric"),
    DECLARED_VARCHAR(null, "varchar"),
    TEXT("text", "text"),
    TIMESTAMP("timestamp", "timestamp"),
    /** timestamp from epoch milliseconds: the job file says so for the column ({@code epoch-numbers}). */
    TIMESTAMP_MILLIS("timestamp", "timestamp"),
    TIMESTAMPTZ("timestamptz", "timestamptz"),
    DATE("date", "date"),
    JSON("json", "json"),
    JSONB("jsonb", "jsonb"),
    UUID("uuid", "uuid"),
    BYTEA("bytea", "bytea");

    private final String sql;
    private final String baseName;

    Candidate(String sql, String baseName) {
        this.sql = sql;
        this.baseName = baseName;
    }

    /** The type as the draft writes it; the declared numeric(p,s) and varchar(n) take the declaration's numbers. */
    String sql(DeclaredType declared) {
        return switch (this) {
            case DECLARED_NUMERIC ->
                declared.scale() == 0
                        ? "numeric(" + declared.precision() + ")"
                        : "numeric(" + declared.precision() + "," + declared.scale() + ")";
            case DECLARED_VARCHAR -> "varchar(" + declared.length() + ")";
            default -> sql;
        };
    }

    /** The type as {@link dev.lite2pg.convert.ConverterResolver} sees it once the migration has created it. */
    TargetType targetType(DeclaredType declared) {
        return switch (this) {
            case DECLARED_NUMERIC ->
                new TargetType(sql(declared), baseName, -1, declared.precision(), declared.scale(), false, false, null);
            case DECLARED_VARCHAR ->
                new TargetType(sql(declared), baseName, declared.length(), -1, -1, false, false, null);
            default -> TargetType.of(baseName);
        };
    }
}
