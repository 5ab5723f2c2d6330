package dev.lite2pg.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.postgres.ContentChecksums;
import dev.lite2pg.postgres.ContentChecksums.Checksum;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every canonical form against PostgreSQL's own input and output: each text, as the copy might send it, hashes as the
 * value PostgreSQL prints back after storing it (the copy's checksum and the stored rows' agree), and two texts hash
 * alike only when PostgreSQL stores the same value from both (no difference can pass unseen).
 */
@ExtendWith(TestDatabaseExtension.class)
class ValueHashesIT {

    private static TestDatabase db;

    /** Texts per type, edge values first; each is valid input for its type. */
    private static final Map<String, List<String>> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("text", List.of("", "a", "a ", "A", "tab\tnew\nline\\", "Ünïcödé \uD83D\uDE00 中文", "\\N"));
        TEXTS.put("character(3)", List.of("ab", "ab ", "abc", " ab", ""));
        TEXTS.put("character varying(5)", List.of("ab", "ab ", "abc"));
        TEXTS.put("bigint", List.of("0", "-1", "9223372036854775807", "-9223372036854775808", "42"));
        TEXTS.put("boolean", List.of("t", "f", "true", "false"));
        TEXTS.put("date", List.of("2024-02-29", "2024-03-01", "0001-01-01", "9999-12-31", "1970-01-01"));
        TEXTS.put(
                "uuid",
                List.of(
                        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                        "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
                        "00000000-0000-0000-0000-000000000000"));
        TEXTS.put("bytea", List.of("\\x", "\\x00", "\\x00ff", "\\x00FF", "\\xdeadbeef", "\\x0000"));
        TEXTS.put(
                "double precision",
                List.of(
                        "0",
                        "-0",
                        "0.1",
                        "0.10000000000000000555",
                        "0.1000000000000001",
                        "1e300",
                        "-1e-300",
                        "4.9e-324",
                        "1.7976931348623157e308",
                        "NaN",
                        "Infinity",
                        "-Infinity",
                        "inf",
                        "100",
                        "1e2",
                        "1.5"));
        TEXTS.put(
                "real",
                List.of(
                        "0",
                        "-0",
                        "0.1",
                        "0.100000001",
                        "0.10000001",
                        "3.4028235e38",
                        "1.4e-45",
                        "NaN",
                        "Infinity",
                        "-Infinity",
                        "16777217",
                        "16777216"));
        TEXTS.put(
                "numeric",
                List.of(
                        "0",
                        "-0",
                        "0.0",
                        "-0.00",
                        "1.5",
                        "1.50",
                        "1e2",
                        "100",
                        "1.0e2",
                        "0.001",
                        "1e-3",
                        "-12.345",
                        "123456789012345678901234567890.123456789",
                        "NaN",
                        "Infinity",
                        "-Infinity"));
        TEXTS.put(
                "numeric(12,2)",
                List.of(
                        "12.5",
                        "12.50",
                        "12.505",
                        "12.51",
                        "0",
                        "-0",
                        "-0.004",
                        "1e2",
                        "9999999999.99",
                        "0.125",
                        "0.135"));
        TEXTS.put(
                "timestamp without time zone",
                List.of(
                        "2024-02-29 23:59:59.5",
                        "2024-02-29 23:59:59.500000",
                        "2024-02-29T23:59:59.5",
                        "2024-02-29 23:59:59.500001",
                        "2024-03-01 00:00:00",
                        "1970-01-01 00:00:00",
                        "0001-01-01 00:00:00",
                        "9999-12-31 23:59:59.999999",
                        "2000-01-01 00:00:00"));
        TEXTS.put("timestamp(3) without time zone", List.of("2024-01-01 10:00:00.1", "2024-01-01 10:00:00.123"));
        TEXTS.put(
                "timestamp with time zone",
                List.of(
                        "2024-01-02 03:04:05+00",
                        "2024-01-02 05:04:05+02",
                        "2024-01-02 08:34:05+05:30",
                        "2024-01-01 22:04:05-05",
                        "2024-01-02 03:04:05.000001+00",
                        "1900-01-01 00:00:00+00:09:21",
                        "1970-01-01 00:00:00+00",
                        "2024-01-02 03:04:05+01"));
        TEXTS.put("time without time zone", List.of("00:00:00", "10:00:00", "10:00:00.000", "23:59:59.999999"));
        TEXTS.put("json", List.of("{\"b\":1, \"a\":2}", "{\"a\":2,\"b\":1}", "[1, 2]"));
        TEXTS.put(
                "jsonb",
                List.of(
                        "{\"b\": 2,   \"a\": [1, 2.50, \"x\"]}",
                        "{\"a\":[1,2.50,\"x\"],\"b\":2}",
                        "{\"a\":[1,2.5,\"x\"],\"b\":2}",
                        "{\"a\":1,\"a\":2}",
                        "{\"a\":2}",
                        "{\"a\":1}",
                        "\"caf\\u00e9\"",
                        "\"café\"",
                        "\"a\\/b\\\\c\\\"d\"",
                        "\"\\uD83D\\uDE00 \\t\\n\\u001f\"",
                        "1e2",
                        "100",
                        "1.0",
                        "1",
                        "-0",
                        "-0.0",
                        "0.0",
                        "1e-2",
                        "0.010",
                        "123456789012345678901234567890",
                        "[]",
                        "{}",
                        "[null, true, false]",
                        "null",
                        "\"null\"",
                        "{\"a\":{\"b\":1}}",
                        "{\"b\":{\"a\":1}}",
                        "{\"\":\"\"}",
                        "{\"aa\":1,\"b\":2}"));
    }

    @Test
    void eachTextHashesAsWhatPostgresqlPrintsBackAndOnlyEqualStoredValuesHashAlike() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL TimeZone TO 'UTC'");
                st.execute("SET LOCAL DateStyle TO 'ISO, YMD'");
                st.execute("SET LOCAL extra_float_digits TO 3");
                st.execute("SET LOCAL bytea_output TO 'hex'");
            }
            for (Map.Entry<String, List<String>> type : TEXTS.entrySet()) {
                ValueHash hash = ValueHashes.forType(type.getKey()).orElseThrow();
                List<String> texts = type.getValue();
                List<String> printed = new ArrayList<>();
                for (String text : texts) {
                    printed.add(printed(c, text, type.getKey()));
                }
                for (int i = 0; i < texts.size(); i++) {
                    String what = type.getKey() + " '" + texts.get(i) + "' printed back as '" + printed.get(i) + "'";
                    if (!type.getKey().startsWith("timestamp(3)")
                            && !texts.get(i).equals("12.505")
                            && !texts.get(i).equals("0.135")
                            && !texts.get(i).equals("-0.004")) {
                        assertThat(hash.of(printed.get(i))).as(what).isEqualTo(hash.of(texts.get(i)));
                    }
                    for (int j = 0; j < texts.size(); j++) {
                        if (hash.of(texts.get(i)) == hash.of(texts.get(j))) {
                            assertThat(printed.get(j))
                                    .as(what + " hashes as '" + texts.get(j) + "'")
                                    .isEqualTo(printed.get(i));
                        }
                    }
                }
            }
            c.rollback();
        }
    }

    @Test
    void numericRoundingAndTimestampPrecisionAreWhatPostgresqlDoes() throws SQLException {
        try (Connection c = db.connect()) {
            ValueHash numeric = ValueHashes.forType("numeric(12,2)").orElseThrow();
            for (String text : List.of("12.505", "0.135", "-0.004", "-12.345")) {
                assertThat(numeric.of(printed(c, text, "numeric(12,2)")))
                        .as(text)
                        .isEqualTo(numeric.of(text));
            }
            ValueHash timestamp =
                    ValueHashes.forType("timestamp(3) without time zone").orElseThrow();
            assertThat(timestamp.of(printed(c, "2024-01-01 10:00:00.1", "timestamp(3)")))
                    .isEqualTo(timestamp.of("2024-01-01 10:00:00.1"));
            assertThat(timestamp.of(printed(c, "2024-01-01 10:00:00.1235", "timestamp(3)")))
                    .as("rounded by PostgreSQL: a 4th digit hashes as its text, which differs; the check then decides")
                    .isNotEqualTo(timestamp.of("2024-01-01 10:00:00.1235"));
        }
    }

    @Test
    void theStoredChecksumOfATableEqualsTheRowHashesOfTheTextsCopiedIntoIt() throws SQLException {
        List<String> types =
                List.of("integer", "jsonb", "numeric(10,2)", "timestamp with time zone", "double precision", "text");
        String[][] rows = {
            {"1", "{\"b\": 1.50, \"a\": \"\\u00e9\"}", "3.5", "2024-01-02 05:04:05+02", "-0", "tab\there"},
            {"2", "[1e2, -0]", "-0", "1970-01-01 00:00:00+00", "0.1", null},
            {"3", null, null, null, null, ""}
        };
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer, doc jsonb, price numeric(10,2), at timestamptz, ratio float8,"
                    + " name text)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?::integer, ?::jsonb,"
                    + " ?::numeric(10,2), ?::timestamptz, ?::float8, ?)")) {
                for (String[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setString(i + 1, row[i]);
                    }
                    ps.executeUpdate();
                }
            }
            RowHash hash = RowHash.forTypes(types).orElseThrow();
            long sum = 0;
            for (String[] row : rows) {
                sum += hash.of(row);
            }
            c.setAutoCommit(false);
            ContentChecksums table = new ContentChecksums(
                    c, "public", "t", List.of("id", "doc", "price", "at", "ratio", "name"), types, List.of());

            assertThat(table.storedChecksum(hash, 0, -1)).isEqualTo(new Checksum(3, sum));

            st.execute("UPDATE t SET doc = '{\"b\": 1.5, \"a\": \"\\u00e9\"}' WHERE id = 1");
            assertThat(table.storedChecksum(hash, 0, -1)).isNotEqualTo(new Checksum(3, sum));
            c.rollback();
        }
    }

    private static String printed(Connection c, String text, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (?::" + type + ")::text")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
