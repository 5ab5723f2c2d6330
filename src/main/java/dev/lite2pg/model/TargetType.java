package dev.lite2pg.model;

/**
 * The real type of a PostgreSQL column, with domains resolved to their base type.
 *
 * @param sqlName the type as PostgreSQL prints it ({@code format_type}), e.g. {@code character varying(160)}, {@code year}, {@code text[]}
 * @param baseName {@code pg_type.typname} of the underlying type after resolving domains: {@code int4}, {@code varchar},
 *     {@code bpchar}, {@code numeric}, {@code timestamp}, {@code timestamptz}, {@code date}, {@code time}, {@code bool},
 *     {@code jsonb}, {@code bytea}, {@code uuid}, the enum's own name, ...; for arrays the array type name, e.g. {@code _text}
 * @param length the n of varchar(n) / char(n), -1 when unlimited
 * @param precision numeric precision, -1 when unconstrained
 * @param scale numeric scale, -1 when unconstrained
 * @param isEnum the (base) type is an enum
 * @param isDomain the column's declared type is a domain over {@code baseName}
 * @param element the element type of an array, null otherwise
 */
public record TargetType(
        String sqlName,
        String baseName,
        int length,
        int precision,
        int scale,
        boolean isEnum,
        boolean isDomain,
        TargetType element) {

    public boolean isArray() {
        return element != null;
    }

    /** A plain, unconstrained base type, convenient for tests and for array elements. */
    public static TargetType of(String baseName) {
        return new TargetType(baseName, baseName, -1, -1, -1, false, false, null);
    }
}
