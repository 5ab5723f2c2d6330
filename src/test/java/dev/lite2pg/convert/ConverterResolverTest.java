package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetType;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConverterResolverTest {

    private static ValueConverter resolve(TargetType type) {
        return ConverterResolver.resolve(type, ConversionOptions.DEFAULTS);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bool|boolean from 0/1 or t/f/true/false",
                "int2|smallint from INTEGER, whole REAL or decimal digits",
                "int4|integer from INTEGER, whole REAL or decimal digits",
                "int8|bigint from INTEGER, whole REAL or decimal digits",
                "numeric|numeric exact",
                "float4|real (float4), refused unless exactly representable",
                "float8|double precision (float8), exact round-trip",
                "text|text (verbatim)",
                "varchar|varchar (verbatim)",
                "timestamp|timestamp from ISO text or epoch seconds (offsets: refuse)",
                "timestamptz|timestamptz from ISO text or epoch seconds (no offset: read in Z)",
                "date|date from ISO text or epoch seconds (offsets: refuse; time of day refused)",
                "time|time from HH:MM[:SS[.ffffff]] text (offsets: refuse)",
                "timetz|timetz from HH:MM[:SS[.ffffff]] text with offset",
                "json|json (validated, copied verbatim)",
                "jsonb|jsonb (validated, copied verbatim)",
                "bytea|bytea from BLOB (or TEXT bytes), hex",
                "uuid|uuid from text or 16-byte BLOB",
                "tsvector|tsvector: text, parsed by PostgreSQL",
                "interval|interval: text, parsed by PostgreSQL",
                "inet|inet: text, parsed by PostgreSQL"
            })
    void eachBaseTypeGetsItsConverter(String baseName, String description) {
        assertThat(resolve(TargetType.of(baseName)).description()).isEqualTo(description);
    }

    @Test
    void aColumnsOwnConversionOptionsWinOverTheJobsAndAreChosenOnce() {
        ConversionOptions job = new ConversionOptions(
                ZoneId.of("UTC"),
                OffsetReading.UTC,
                false,
                EpochNumbers.SECONDS,
                java.util.Map.of(
                        "bars.day",
                        new ConversionOptions.ColumnOverride(OffsetReading.LOCAL, true, null),
                        "events.at",
                        new ConversionOptions.ColumnOverride(null, null, EpochNumbers.MILLISECONDS)));
        ValueConverter day = ConverterResolver.resolve(TargetType.of("date"), job.forColumn("bars", "day"));
        assertThat(day.convert("2023-01-02 09:30:00+09:00", ConversionNotes.IGNORE))
                .isEqualTo("2023-01-02");
        ValueConverter other = ConverterResolver.resolve(TargetType.of("date"), job.forColumn("bars", "other"));
        assertThatThrownBy(() -> other.convert("2023-01-02 09:30:00+09:00", ConversionNotes.IGNORE))
                .hasMessageStartingWith("time of day 00:30:00 would be dropped by a date column");
        ValueConverter at = ConverterResolver.resolve(TargetType.of("timestamp"), job.forColumn("events", "at"));
        assertThat(at.convert(1700000000123L, ConversionNotes.IGNORE)).isEqualTo("2023-11-14 22:13:20.123");
        assertThat(at.convert("2024-01-01 10:00:00+02", ConversionNotes.IGNORE)).isEqualTo("2024-01-01 08:00:00");
        assertThat(at.numbersReadAs()).isEqualTo(EpochNumbers.MILLISECONDS);
        assertThat(resolve(TargetType.of("text")).numbersReadAs()).isNull();
    }

    @Test
    void typeModifiersReachTheConverter() {
        TargetType price = new TargetType("numeric(5,2)", "numeric", -1, 5, 2, false, false, null);
        assertThat(resolve(price).description()).isEqualTo("numeric(5,2) exact");
        assertThatThrownBy(() -> resolve(price).convert(1.125, ConversionNotes.IGNORE))
                .hasMessage("needs scale 3; column allows numeric(5,2)");

        TargetType title = new TargetType("character varying(3)", "varchar", 3, -1, -1, false, false, null);
        assertThatThrownBy(() -> resolve(title).convert("abcd", ConversionNotes.IGNORE))
                .hasMessage("length 4 exceeds varchar(3)");

        TargetType code = new TargetType("character(2)", "bpchar", 2, -1, -1, false, false, null);
        assertThat(resolve(code).description()).isEqualTo("char(2) (verbatim, length checked)");
    }

    @Test
    void aDomainGetsItsBaseTypesConverter() {
        // Sakila's "year" is a domain over integer with CHECK (VALUE BETWEEN 1901 AND 2155): PostgreSQL checks that.
        TargetType year = new TargetType("year", "int4", -1, -1, -1, false, true, null);
        ValueConverter converter = resolve(year);
        assertThat(converter).isSameAs(IntegerConverter.INTEGER);
        assertThat(converter.convert(2006L, ConversionNotes.IGNORE)).isEqualTo("2006");
        assertThat(converter.convert(1L, ConversionNotes.IGNORE)).isEqualTo("1");
        assertThatThrownBy(() -> converter.convert(2006.5, ConversionNotes.IGNORE))
                .hasMessage("value 2006.5 is not an integer");
    }

    @Test
    void anEnumPassesTextForPostgresToJudge() {
        TargetType rating = new TargetType("mpaa_rating", "mpaa_rating", -1, -1, -1, true, false, null);
        ValueConverter converter = resolve(rating);
        assertThat(converter.description()).isEqualTo("enum mpaa_rating (PostgreSQL checks membership)");
        assertThat(converter.convert("NC-17", ConversionNotes.IGNORE)).isEqualTo("NC-17");
        assertThat(converter.convert("not a rating", ConversionNotes.IGNORE)).isEqualTo("not a rating");
    }

    @Test
    void anArrayConvertsEachElementWithTheElementType() {
        TargetType features = new TargetType("text[]", "_text", -1, -1, -1, false, false, TargetType.of("text"));
        ValueConverter converter = resolve(features);
        assertThat(converter.description()).isEqualTo("text[] from {..}, JSON array or comma list");
        assertThat(converter.convert("Trailers,Deleted Scenes", ConversionNotes.IGNORE))
                .isEqualTo("{\"Trailers\",\"Deleted Scenes\"}");

        TargetType flags = new TargetType("boolean[]", "_bool", -1, -1, -1, false, false, TargetType.of("bool"));
        assertThat(resolve(flags).convert("[1,0,\"true\"]", ConversionNotes.IGNORE))
                .isEqualTo("{\"t\",\"f\",\"t\"}");
        assertThatThrownBy(() -> resolve(flags).convert("yes", ConversionNotes.IGNORE))
                .hasMessage("element 1: not a boolean: expected 0/1, t/f, true/false");
    }

    @Test
    void anArrayOfEnumsChecksTextOnly() {
        TargetType rating = new TargetType("mpaa_rating", "mpaa_rating", -1, -1, -1, true, false, null);
        TargetType ratings = new TargetType("mpaa_rating[]", "_mpaa_rating", -1, -1, -1, false, false, rating);
        assertThat(resolve(ratings).convert("{G,PG}", ConversionNotes.IGNORE)).isEqualTo("{\"G\",\"PG\"}");
    }

    @Test
    void naiveZoneReachesZonedConverters() {
        ConversionOptions tokyo = new ConversionOptions(ZoneId.of("Asia/Tokyo"));
        assertThat(ConverterResolver.resolve(TargetType.of("timestamptz"), tokyo)
                        .convert("2024-01-01 09:00", ConversionNotes.IGNORE))
                .isEqualTo("2024-01-01 09:00:00+09");
        assertThat(ConversionOptions.DEFAULTS.naiveZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThatThrownBy(() -> new ConversionOptions(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void resolvesFromAColumnByItsType() {
        TargetColumn column = new TargetColumn("active", TargetType.of("bool"), true, false, false);
        assertThat(ConverterResolver.resolve(column, ConversionOptions.DEFAULTS).convert(1L, ConversionNotes.IGNORE))
                .isEqualTo("t");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bool",
                "int2",
                "int4",
                "int8",
                "numeric",
                "float4",
                "float8",
                "text",
                "varchar",
                "bpchar",
                "timestamp",
                "timestamptz",
                "date",
                "time",
                "timetz",
                "json",
                "jsonb",
                "bytea",
                "uuid",
                "tsvector"
            })
    void everyConverterMapsNullToNull(String baseName) {
        assertThat(resolve(TargetType.of(baseName)).convert(null, ConversionNotes.IGNORE))
                .isNull();
    }
}
