package dev.lite2pg.convert;

import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetType;

/**
 * Picks the converter for a column from its real PostgreSQL type, once per column before any row is read.
 * Dispatch is on {@link TargetType#baseName()}, so a domain gets its base type's converter and PostgreSQL checks the
 * domain's constraint. A type without a converter of its own (tsvector, interval, inet, ...) gets the text as written,
 * which that type's input function then parses. {@code options} are the column's own (see
 * {@link ConversionOptions#forColumn}): the per-column choice is made here, once, not per row.
 */
public final class ConverterResolver {

    private ConverterResolver() {}

    public static ValueConverter resolve(TargetColumn column, ConversionOptions options) {
        return resolve(column.type(), options);
    }

    public static ValueConverter resolve(TargetType type, ConversionOptions options) {
        if (type.isArray()) {
            return new ArrayConverter(resolve(type.element(), options), type.sqlName());
        }
        if (type.isEnum()) {
            return TextConverter.enumeration(type.baseName());
        }
        return switch (type.baseName()) {
            case "bool" -> new BooleanConverter();
            case "int2" -> IntegerConverter.SMALLINT;
            case "int4" -> IntegerConverter.INTEGER;
            case "int8" -> IntegerConverter.BIGINT;
            case "numeric" -> new NumericConverter(type.precision(), type.scale());
            case "float4" -> FloatConverter.REAL;
            case "float8" -> FloatConverter.DOUBLE_PRECISION;
            case "text" -> TextConverter.text();
            case "varchar", "bpchar" -> TextConverter.limited(type.baseName(), type.length());
            case "timestamp" -> TimestampConverter.withoutZone(options);
            case "timestamptz" -> TimestampConverter.withZone(options);
            case "date" -> new DateConverter(options);
            case "time" -> TimeConverter.withoutZone(options);
            case "timetz" -> TimeConverter.withZone(options);
            case "json" -> JsonConverter.JSON;
            case "jsonb" -> JsonConverter.JSONB;
            case "bytea" -> new ByteaConverter();
            case "uuid" -> new UuidConverter();
            default -> TextConverter.passThrough(type.sqlName());
        };
    }
}
