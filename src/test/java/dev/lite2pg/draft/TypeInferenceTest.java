package dev.lite2pg.draft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each column's values in, the drafted type and its evidence out: no database. */
class TypeInferenceTest {

    private static ColumnProposal infer(String column, String declared, Object... values) {
        return infer(column, declared, false, values);
    }

    private static ColumnProposal inferChecked(String column, String declared, Object... values) {
        return infer(column, declared, true, values);
    }

    private static ColumnProposal infer(String column, String declared, boolean zeroOrOneCheck, Object[] values) {
        DeclaredType type = DeclaredType.of(declared);
        ColumnStats stats = new ColumnStats(type);
        for (int i = 0; i < values.length; i++) {
            stats.offer(values[i], new Object[] {(long) i + 1});
        }
        return TypeInference.infer(new ColumnFacts("t", column, type, false, false, false, zeroOrOneCheck), stats);
    }

    @Test
    void integerZeroOneIsBooleanOnlyWithANameOrCheckThatSaysSo() {
        assertThat(infer("is_active", "INTEGER", 0L, 1L, 1L).evidence())
                .isEqualTo("boolean: name 'is_active' reads as a flag, 3 values, all 0 or 1");
        assertThat(inferChecked("flag_holder", "INTEGER", 0L, 1L).evidence())
                .isEqualTo("boolean: CHECK allows only 0 and 1, 2 values, all 0 or 1");
        assertThat(infer("quantity", "INTEGER", 0L, 1L).sqlType()).isEqualTo("bigint");
        assertThat(infer("enabled", "BOOLEAN", 0L, 1L, "t").evidence())
                .isEqualTo("boolean: declared BOOLEAN, 3 values, all 0/1 or t/f/true/false");
    }

    @Test
    void aBooleanNamedColumnHoldingATwoStaysBigintAndSaysWhichRow() {
        ColumnProposal p = infer("is_deleted", "INTEGER", 0L, 1L, 2L, 0L);
        assertThat(p.sqlType()).isEqualTo("bigint");
        assertThat(p.evidence())
                .isEqualTo("bigint: 4 values, all integers; not boolean although name 'is_deleted' reads as a flag:"
                        + " row 3 INTEGER 2");
    }

    @Test
    void jsonObjectsAndArraysAreJsonbAndJsonWhereJsonbWouldRefuse() {
        assertThat(infer("settings", "TEXT", "{\"a\": 1}", " [1, 2]", null).evidence())
                .isEqualTo("jsonb: 2 values, all JSON objects or arrays");
        ColumnProposal duplicate = infer("settings", "TEXT", "{\"a\": 1}", "{\"a\": 1, \"a\": 2}");
        assertThat(duplicate.sqlType()).isEqualTo("json");
        assertThat(duplicate.evidence())
                .contains("jsonb would refuse 1, e.g. row 2")
                .contains("a");
        assertThat(infer("settings", "TEXT", "{\"s\": \"\\u0000\"}").sqlType()).isEqualTo("json");
    }

    @Test
    void aJsonColumnWithOneNonJsonValueIsTextWithTheReason() {
        ColumnProposal p = infer("extra", "TEXT", "{\"a\": 1}", "{\"b\": [2]}", "{oops", "[]");
        assertThat(p.sqlType()).isEqualTo("text");
        assertThat(p.evidence()).startsWith("text: not JSON: 1 of 4 values is not JSON, e.g. row 3 TEXT '{oops'");
        ColumnProposal plain = infer("extra", "JSON", "{\"a\": 1}", "n/a");
        assertThat(plain.evidence())
                .isEqualTo("text: not JSON: 1 of 2 values is not a JSON object or array, e.g. row 2 TEXT 'n/a'");
    }

    @Test
    void textTimestampsAreTimestampTimestamptzOrDate() {
        assertThat(infer("created", "DATETIME", "2024-01-02 03:04:05.123456", "2024-02-29T00:00:00")
                        .evidence())
                .isEqualTo("timestamp: text timestamps, 2 values, none with an offset");
        assertThat(infer("created", "TEXT", "2024-01-02 03:04:05+02:00", "2024-01-02 03:04:05")
                        .evidence())
                .isEqualTo("timestamptz: text timestamps, 2 values, 1 with a UTC offset, e.g. row 1 TEXT"
                        + " '2024-01-02 03:04:05+02:00'; those without one are read as UTC");
        assertThat(infer("born", "TEXT", "2024-01-02", "1999-12-31").sqlType()).isEqualTo("date");
    }

    @Test
    void aTimestampColumnWithOneNotApplicableIsTextWithTheRowAndValue() {
        ColumnProposal p = infer("happened_at", "DATETIME", "2024-01-02 03:04:05", "n/a", "2024-01-03 00:00:00");
        assertThat(p.sqlType()).isEqualTo("text");
        assertThat(p.evidence())
                .startsWith("text: 1 of 3 values is not a timestamp, e.g. row 2 TEXT 'n/a': not a" + " timestamp");
    }

    @Test
    void aTypeMostValuesRefuseStopsBeingTriedAndTheCommentSaysMost() {
        ColumnProposal p = infer("happened_at", "DATETIME", "soon", "later", "2024-01-02", "never", "n/a");
        assertThat(p.evidence()).startsWith("text: most of 5 values are not a timestamp, e.g. row 1 TEXT 'soon'");
        assertThat(infer("name", "TEXT", "Ann", "2024-01-02", "Bob").evidence())
                .as("a plain text column says nothing about timestamps")
                .isEqualTo("text: 3 values");
    }

    @Test
    void epochNumbersInADatetimeColumnAreTimestampsButMixedWithTextAreText() {
        assertThat(infer("seen", "DATETIME", 1_700_000_000L, 1_700_000_001.5).evidence())
                .isEqualTo("timestamp: epoch seconds in a column declared DATETIME, 2 values (read as UTC)");
        assertThat(infer("seen", "INTEGER", 1_700_000_000L).sqlType()).isEqualTo("bigint");
        ColumnProposal millis = infer("logged_at", "DATETIME", 1_700_000_000_000L, 1_700_000_000_123L);
        assertThat(millis.candidate()).isEqualTo(Candidate.TIMESTAMP_MILLIS);
        assertThat(millis.evidence())
                .startsWith("timestamp: epoch milliseconds in a column declared DATETIME, 2 values (read as UTC; as"
                        + " seconds row 1 INTEGER 1700000000000: epoch 1700000000000 is outside years 1-9999")
                .endsWith("the job file reads this column's numbers as milliseconds");
        ColumnProposal mixed = infer("seen", "TIMESTAMP", 1_700_000_000L, "2024-01-02 03:04:05");
        assertThat(mixed.sqlType()).isEqualTo("text");
        assertThat(mixed.evidence())
                .startsWith("text: mixes 1 numbers (e.g. row 1 INTEGER 1700000000) and 1 texts (e.g. row 2 TEXT"
                        + " '2024-01-02 03:04:05')");
    }

    @Test
    void realIsDoublePrecisionAndDeclaredNumericIsCheckedAgainstTheValues() {
        assertThat(infer("price", "REAL", 0.1, 2.5, 3L).sqlType()).isEqualTo("double precision");
        assertThat(infer("total", "NUMERIC(10,2)", 0.99, 12L, "3.50").evidence())
                .isEqualTo("numeric(10,2): declared NUMERIC(10,2), 3 values, all fit");
        ColumnProposal tooFine = infer("total", "DECIMAL(5,2)", 0.99, 1.125);
        assertThat(tooFine.sqlType()).isEqualTo("numeric");
        assertThat(tooFine.evidence()).contains("numeric(5,2) would refuse row 2 REAL 1.125: needs scale 3");
    }

    @Test
    void varcharOnlyWhenDeclaredAndRespected() {
        assertThat(infer("name", "VARCHAR(5)", "abc", "héllo").evidence())
                .isEqualTo("varchar(5): declared VARCHAR(5), 2 values, longest 5 characters");
        ColumnProposal longer = infer("name", "NVARCHAR(3)", "abc", "abcd");
        assertThat(longer.sqlType()).isEqualTo("text");
        assertThat(longer.evidence()).contains("varchar(3) would refuse row 2 TEXT 'abcd'");
        assertThat(infer("name", "TEXT", "abc").sqlType()).isEqualTo("text");
    }

    @Test
    void uuidsFromCanonicalTextFromSqlalchemysCharThirtyTwoAndFromNamedSixteenByteBlobs() {
        assertThat(infer("ref", "TEXT", "123e4567-e89b-12d3-a456-426614174000").sqlType())
                .isEqualTo("uuid");
        assertThat(infer("external_id", "CHAR(32)", "123e4567e89b12d3a456426614174000")
                        .sqlType())
                .isEqualTo("uuid");
        assertThat(infer("digest", "TEXT", "123e4567e89b12d3a456426614174000").sqlType())
                .as("32 hex digits alone may be a hash")
                .isEqualTo("text");
        assertThat(infer("uuid", "BLOB", (Object) new byte[16]).sqlType()).isEqualTo("uuid");
        assertThat(infer("digest", "BLOB", (Object) new byte[16]).sqlType()).isEqualTo("bytea");
    }

    @Test
    void emptyColumnsFollowTheirDeclarationAndSaySo() {
        assertThat(infer("n", "INTEGER", (Object) null).evidence())
                .isEqualTo("bigint: from the declared type INTEGER: 1 rows, all NULL");
        assertThat(infer("d", "DATETIME").evidence()).isEqualTo("timestamp: from the declared type DATETIME: no rows");
    }

    @Test
    void theRowidIsABigintIdentityAndAutoincrementIsNoted() {
        DeclaredType type = DeclaredType.of("INTEGER");
        ColumnProposal p =
                TypeInference.infer(new ColumnFacts("t", "id", type, true, true, true, false), new ColumnStats(type));
        assertThat(p.identity()).isTrue();
        assertThat(p.evidence()).contains("AUTOINCREMENT");
    }
}
