package dev.lite2pg.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Canonical forms without a database: spellings PostgreSQL's input stores alike hash alike, and values it stores
 * differently never do. ValueHashesIT checks the same against a real server.
 */
class ValueHashesTest {

    private static long hash(String type, String text) {
        return ValueHashes.forType(type).orElseThrow().of(text);
    }

    private static void same(String type, String... texts) {
        for (String text : texts) {
            assertThat(hash(type, text))
                    .as(type + " " + texts[0] + " vs " + text)
                    .isEqualTo(hash(type, texts[0]));
        }
    }

    private static void different(String type, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            for (int j = i + 1; j < texts.length; j++) {
                assertThat(hash(type, texts[i]))
                        .as(type + " " + texts[i] + " vs " + texts[j])
                        .isNotEqualTo(hash(type, texts[j]));
            }
        }
    }

    @Test
    void timestampsAgreeOnTheirFractionAndSeparatorAndKeepEveryMicrosecondApart() {
        String type = "timestamp without time zone";
        same(type, "2024-02-29 23:59:59.5", "2024-02-29 23:59:59.500000", "2024-02-29T23:59:59.50");
        different(
                type,
                "2024-02-29 23:59:59.5",
                "2024-02-29 23:59:59.500001",
                "2024-02-29 23:59:59",
                "2024-03-01 00:00:00",
                "1970-01-01 00:00:00",
                "0001-01-01 00:00:00",
                "9999-12-31 23:59:59.999999");
        different(type, "2023-02-29 00:00:00", "2023-03-01 00:00:00");
        different(type, "2024-01-01 23:59:60", "2024-01-02 00:00:00");
        assertThat(hash("timestamp(3) without time zone", "2024-01-01 10:00:00.1"))
                .isEqualTo(hash(type, "2024-01-01 10:00:00.100"));
    }

    @Test
    void timestamptzIsTheInstantWhateverTheOffset() {
        String type = "timestamp with time zone";
        same(
                type,
                "2024-01-02 03:04:05+00",
                "2024-01-02 05:04:05+02",
                "2024-01-02 05:04:05+02:00",
                "2024-01-01 22:04:05-05",
                "2024-01-02 08:34:05+05:30",
                "2024-01-02 03:04:05.000+00");
        different(
                type,
                "2024-01-02 03:04:05+00",
                "2024-01-02 03:04:05+01",
                "2024-01-02 03:04:05.000001+00",
                "1970-01-01 00:00:00+00");
        different(type, "2024-01-02 03:04:05", "2024-01-02 03:04:05+00");
    }

    @Test
    void timesAndDates() {
        same("time without time zone", "10:00:00", "10:00:00.000000", "10:00:00.0");
        different("time without time zone", "10:00:00", "10:00:00.000001", "00:00:00", "23:59:59.999999");
        different("date", "2024-02-29", "2024-03-01", "2024-02-28");
    }

    @Test
    void floatsByTheirBits() {
        String type = "double precision";
        same(type, "100", "1e2", "100.0", "1.00E+2");
        same(type, "0.1", "0.10000000000000000555");
        same(type, "NaN", "nan", "NAN");
        same(type, "Infinity", "inf", "+Infinity", "INFINITY");
        same(type, "-Infinity", "-inf");
        different(type, "0", "-0", "0.1", "0.1000000000000001", "NaN", "Infinity", "-Infinity", "1e-300");
        same("real", "0.1", "0.100000001");
        different("real", "0.1", "0.10000001", "-0", "0");
        different("double precision", "0.1", "0.100000001");
        different(type, "0x1p3", "8");
    }

    @Test
    void numericRoundsToTheColumnScaleAndKeepsAnUnconstrainedOnesWrittenScale() {
        same("numeric(12,2)", "12.5", "12.50", "1.25e1", "12.500");
        same("numeric(12,2)", "0", "-0", "0.00", "-0.00");
        same("numeric(12,2)", "100", "1e2", "100.00");
        same("numeric(12,2)", "0.125", "0.13");
        different("numeric(12,2)", "12.5", "12.51", "-12.5", "125");
        same("numeric", "100", "1e2", "1.0e2", "100");
        same("numeric", "0", "-0");
        same("numeric", "0.0", "-0.0");
        same("numeric", "NaN", "nan");
        same("numeric", "Infinity", "inf");
        different("numeric", "1.5", "1.50", "15", "0.15", "NaN", "Infinity", "-Infinity");
        different("numeric", "0", "0.0");
        same("numeric(3,-2)", "12345", "12300");
    }

    @Test
    void jsonbAsJsonbStoresIt() {
        String type = "jsonb";
        same(
                type,
                "{\"b\": 2,   \"a\": [1, 2.50, \"x\"]}",
                "{\"a\":[1,2.50,\"x\"],\"b\":2}",
                " {\"a\" : [ 1 , 2.50 , \"x\" ] ,\n\"b\":2} ");
        same(type, "{\"a\":1,\"a\":2}", "{\"a\":2}");
        same(type, "\"caf\\u00e9\"", "\"café\"");
        same(type, "\"a\\/b\"", "\"a/b\"");
        same(type, "\"\\uD83D\\uDE00\"", "\"\uD83D\uDE00\"");
        same(type, "\"tab\\tline\\n\"", "\"tab\\u0009line\\u000a\"");
        same(type, "1e2", "100", "1E+2", "1.00e2");
        same(type, "-0", "0");
        same(type, "-0.0", "0.0");
        same(type, "0.05", "5e-2", "0.5e-1");
        different(type, "1", "1.0", "1.00", "10", "0.1", "-1", "\"1\"", "true", "null", "\"null\"");
        different(type, "[1,2]", "[2,1]", "[1,[2]]", "[[1],2]", "[]", "{}", "[null]", "[[]]");
        different(type, "{\"a\":1,\"b\":2}", "{\"a\":2,\"b\":1}", "{\"a\":1}", "{\"a\":[1]}", "{\"ab\":1}");
        different(type, "{\"a\":{\"b\":1}}", "{\"b\":{\"a\":1}}", "{\"a\":{\"b\":1,\"c\":2}}");
        different(type, "{\"a\":1,\"a\":2}", "{\"a\":1}");
        different(type, "\"A\"", "\"a\"", "\"a \"");
        different(type, "not json", "\"not json\"");
    }

    @Test
    void identifiersBytesBooleansAndText() {
        same(
                "uuid",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "{a0eebc999c0b4ef8bb6d6bb9bd380a11}");
        different("uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12");
        same("bytea", "\\x00ff", "\\x00FF");
        different("bytea", "\\x00ff", "\\x00fe", "\\x", "\\x0000ff");
        same("boolean", "t", "true");
        same("boolean", "f", "false");
        different("boolean", "t", "f");
        same("character(5)", "ab", "ab   ", "ab ");
        different("character(5)", "ab", " ab", "abc");
        different("text", "ab", "ab ", "AB", "a\u0000b", "", "a\tb");
        different("character varying(10)", "ab", "ab ");
        different("integer", "1", "2", "-1", "10");
    }

    @Test
    void typesWithoutACanonicalFormHaveNone() {
        for (String type : List.of("text[]", "interval", "money", "inet", "mood", "timetz", "time with time zone")) {
            assertThat(ValueHashes.forType(type)).as(type).isEmpty();
        }
        assertThat(RowHash.forTypes(List.of("integer", "text[]"))).isEmpty();
    }

    @Test
    void aRowHashTellsNullFromEmptyAndCaresAboutColumnOrder() {
        RowHash row = RowHash.forTypes(List.of("text", "text")).orElseThrow();
        long ab = row.of(new String[] {"a", "b"});
        assertThat(row.of(new String[] {"b", "a"})).isNotEqualTo(ab);
        assertThat(row.of(new String[] {null, "b"})).isNotEqualTo(row.of(new String[] {"", "b"}));
        assertThat(row.of(new String[] {"a", "b"})).isEqualTo(ab);
        assertThat(row.of(new String[] {"ab", ""})).isNotEqualTo(row.of(new String[] {"a", "b"}));
    }

    @Test
    void copyTextRowsAreSplitAndUnescapedAsPostgresqlWritesThem() {
        CopyTextRow row = new CopyTextRow(4);
        byte[] line = "tab\\there\t\\N\t\tb\\\\s\\nl\\r\u00e9\n".getBytes(StandardCharsets.UTF_8);

        String[] values = row.split(line, line.length);

        assertThat(values).containsExactly("tab\there", null, "", "b\\s\nl\r\u00e9");
    }
}
