package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import dev.lite2pg.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code cutover} command end to end against a real PostgreSQL: small SQLite sources written here with the traps
 * real applications leave (reserved words, mixed case, loose booleans and timestamps, NUL bytes, invalid UTF-8,
 * AUTOINCREMENT marks), each with its Flyway migration, run through the command line exactly as an operator would.
 * Every expected value below is written by hand from PostgreSQL's own text output rules, never taken from lite2pg.
 *
 * <p>One database serves the whole class and each test copies into its own schema, which keeps the class fast while
 * no test can see another's rows. Every run gets a target password in the environment (the test server uses trust
 * authentication and ignores it), and no run may print it.
 */
@ExtendWith(TestDatabaseExtension.class)
class CutoverCliIT {

    private static final String SECRET = "hunter2-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestDatabase db;

    @TempDir
    Path work;

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Happy path

    private static final String HAPPY_SCHEMA = "Happy Path";

    private static final String HAPPY_MIGRATION = """
            CREATE TABLE "order" (
                id integer PRIMARY KEY,
                "user" text NOT NULL
            );
            CREATE TABLE "Mixed Case" (
                id integer PRIMARY KEY,
                "Some Column" text,
                "Order Id" integer REFERENCES "order" (id)
            );
            CREATE TABLE kinds (
                id integer PRIMARY KEY,
                flag boolean,
                ts timestamp,
                happened_at timestamptz,
                payload jsonb,
                price numeric(10,2),
                data bytea,
                tags text[],
                ref uuid
            );
            CREATE TABLE notes (
                id integer PRIMARY KEY,
                body text
            );
            """;

    /** Text that must arrive byte for byte, by id; bound as parameters so no SQL quoting is involved. */
    private static final Object[][] NOTES = {
        {1, "back\\slash"},
        {2, "tab\there"},
        {3, "new\nline and cr\r\nlf"},
        {4, "emoji \uD83D\uDE00 and \u00e9"},
        {5, "trailing space "},
        {6, ""},
        {7, "\\N"},
        {8, null},
        {9, "line\n\\.\nafter the copy end marker"},
        {10, "quotes ' \" and comma, and braces {}"},
    };

    @Test
    void copiesReservedWordsMixedCaseAndEveryConversionExactly() throws Exception {
        Path source = work.resolve("happy.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE \"order\" (id INTEGER PRIMARY KEY, \"user\" TEXT NOT NULL)",
                    "INSERT INTO \"order\" VALUES (1, 'alice'), (2, 'bob')",
                    "CREATE TABLE \"Mixed Case\" (id INTEGER PRIMARY KEY, \"Some Column\" TEXT,"
                            + " \"Order Id\" INTEGER REFERENCES \"order\" (id))",
                    "INSERT INTO \"Mixed Case\" VALUES (1, 'first value', 2), (2, NULL, NULL)",
                    "CREATE TABLE kinds (id INTEGER PRIMARY KEY, flag BOOLEAN, ts TIMESTAMP, happened_at TEXT,"
                            + " payload JSON, price REAL, data BLOB, tags TEXT, ref TEXT)",
                    "INSERT INTO kinds VALUES (1, 0, '2024-02-29 23:59:59.123456', '2024-06-30 23:30:00-05:00',"
                            + " '{\"b\": 2, \"a\": [1, \"x\", null]}', 19.99, X'00FF0000', 'red,green, blue',"
                            + " 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')",
                    "INSERT INTO kinds VALUES (2, 1, '2024-01-01T10:00:00Z', '2024-01-15 08:00:00',"
                            + " '[]', 0.1, X'', '', '6ba7b8109dad11d180b400c04fd430c8')",
                    "INSERT INTO kinds VALUES (3, 't', 0, NULL, '\"caf\\u00e9\"', 5, X'00', 'solo', NULL)",
                    "INSERT INTO kinds VALUES (4, 'false', 1700000000.5, NULL, NULL, NULL, NULL, NULL, NULL)",
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            sqlite.rows("INSERT INTO notes VALUES (?, ?)", NOTES);
        }
        assertStorageClasses(source);
        String before = SourceFingerprint.sha256(source);
        Path job = job("happy", source, HAPPY_SCHEMA, HAPPY_MIGRATION, "chunk-size: 3\n");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(SourceFingerprint.sha256(source)).as("source file untouched").isEqualTo(before);

        assertThat(query("SELECT id, \"user\" FROM \"Happy Path\".\"order\" ORDER BY id"))
                .containsExactly(List.of("1", "alice"), List.of("2", "bob"));
        assertThat(query("SELECT id, \"Some Column\", \"Order Id\" FROM \"Happy Path\".\"Mixed Case\" ORDER BY id"))
                .containsExactly(List.of("1", "first value", "2"), Arrays.asList("2", null, null));
        assertThat(query("SELECT id, flag::text, ts::text, happened_at::text, payload::text, price::text,"
                        + " encode(data, 'hex'), tags::text, ref::text FROM \"Happy Path\".kinds ORDER BY id"))
                .containsExactly(
                        List.of(
                                "1",
                                "false",
                                "2024-02-29 23:59:59.123456",
                                "2024-07-01 04:30:00+00",
                                "{\"a\": [1, \"x\", null], \"b\": 2}",
                                "19.99",
                                "00ff0000",
                                "{red,green,\" blue\"}",
                                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                        List.of(
                                "2",
                                "true",
                                "2024-01-01 10:00:00",
                                "2024-01-15 08:00:00+00",
                                "[]",
                                "0.10",
                                "",
                                "{}",
                                "6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
                        Arrays.asList(
                                "3",
                                "true",
                                "1970-01-01 00:00:00",
                                null,
                                "\"caf\u00e9\"",
                                "5.00",
                                "00",
                                "{solo}",
                                null),
                        Arrays.asList("4", "false", "2023-11-14 22:13:20.5", null, null, null, null, null, null));
        List<List<String>> notes = query("SELECT id, body FROM \"Happy Path\".notes ORDER BY id");
        assertThat(notes).hasSize(NOTES.length);
        for (int i = 0; i < NOTES.length; i++) {
            assertThat(notes.get(i)).as("notes id=" + NOTES[i][0]).containsExactly(String.valueOf(NOTES[i][0]), (String)
                    NOTES[i][1]);
        }

        Path runFolder = runFolder("happy");
        assertThat(runFolder.resolve("report.md")).isRegularFile();
        assertThat(runFolder.resolve("report.json")).isRegularFile();
        JsonNode report = JSON.readTree(runFolder.resolve("report.json").toFile());
        assertThat(report.get("verdict").asString())
                .as("kinds.ts mixes text timestamps and epoch numbers")
                .isEqualTo("PASS WITH WARNINGS");
        assertThat(report.get("warnings").size()).isEqualTo(1);
        assertThat(report.get("warnings").get(0).asString())
                .startsWith("kinds.ts: 2 numbers among 2 text values of a timestamp"
                        + " without time zone column, read as epoch seconds");
        assertThat(report.get("foreignKeys").size())
                .as("the \"Mixed Case\" -> \"order\" key was checked")
                .isEqualTo(1);
        JsonNode kinds = element(report.get("tables"), "target", "kinds");
        assertThat(kinds.get("sourceRows").asLong()).isEqualTo(4);
        assertThat(kinds.get("targetRows").asLong()).isEqualTo(4);
        JsonNode ts = element(kinds.get("columns"), "target", "ts");
        assertThat(ts.get("adjustments").size())
                .as("the one value of kinds.ts written with an offset has Z, which changes nothing: not an adjustment")
                .isZero();
        JsonNode happenedAt = element(kinds.get("columns"), "target", "happened_at");
        assertThat(happenedAt.get("adjustments").size())
                .as("timestamptz keeps the instant: nothing adjusted")
                .isZero();
    }

    /** Guards the fixture itself: the storage classes the expectations above assume. */
    private static void assertStorageClasses(Path source) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT group_concat(typeof(flag) || '/' || typeof(ts) || '/' || typeof(price)"
                                + " || '/' || typeof(data), ' ') FROM (SELECT * FROM kinds ORDER BY id)")) {
            rs.next();
            assertThat(rs.getString(1))
                    .isEqualTo(
                            "integer/text/real/blob integer/text/real/blob text/integer/real/blob text/real/null/null");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. Refused values

    /**
     * One bad value in row id=3 of {@code measurement.reading}, declared without a type so SQLite stores it exactly as
     * written. Rows 1 and 2 form the first chunk (chunk-size 2) and are fine; rows 3 and 4 form the second chunk.
     *
     * @param shownValue how the refused value must appear in the message (storage class and value)
     * @param reason a phrase of the refusal reason
     */
    record Refusal(String name, String pgType, String goodValue, String badValue, String shownValue, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("boolean_2", "boolean", "1", "2", "INTEGER 2", "boolean"),
                new Refusal(
                        "feb_29_2023",
                        "timestamp",
                        "'2024-02-29 00:00:00'",
                        "'2023-02-29'",
                        "TEXT '2023-02-29'",
                        "not a valid date"),
                new Refusal(
                        "seven_fraction_digits",
                        "timestamp",
                        "'2024-01-01 12:00:00.123456'",
                        "'2024-01-01 12:00:00.1234567'",
                        "TEXT '2024-01-01 12:00:00.1234567'",
                        "7 fractional digits"),
                new Refusal("invalid_json", "jsonb", "'{\"a\": 1}'", "'{\"a\": 1'", "TEXT '{\"a\": 1'", "invalid JSON"),
                new Refusal("nul_in_text", "text", "'ab'", "'a' || char(0) || 'b'", "TEXT 'a", "NUL"),
                new Refusal("invalid_utf8", "text", "'A'", "CAST(X'41FF' AS TEXT)", "TEXT", "invalid UTF-8"),
                new Refusal(
                        "integer_overflow",
                        "integer",
                        "2147483647",
                        "2147483648",
                        "INTEGER 2147483648",
                        "out of range"),
                new Refusal("numeric_scale", "numeric(10,2)", "1.25", "1.005", "REAL 1.005", "scale"),
                new Refusal(
                        "varchar_21",
                        "varchar(20)",
                        "'twenty chars exactly'",
                        "'twenty-one characters'",
                        "TEXT 'twenty-one characters'",
                        "varchar(20)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedValueStopsTheRunBeforeAnyRowIsWrittenNamingTableRowColumnValueAndReason(Refusal c) throws Exception {
        Path source = work.resolve(c.name() + ".sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE measurement (id INTEGER PRIMARY KEY, reading)",
                    "INSERT INTO measurement VALUES (1, " + c.goodValue() + ")",
                    "INSERT INTO measurement VALUES (2, " + c.goodValue() + ")",
                    "INSERT INTO measurement VALUES (3, " + c.badValue() + ")",
                    "INSERT INTO measurement VALUES (4, " + c.goodValue() + ")");
        }
        String schema = "refused_" + c.name();
        Path job = job(
                "refused",
                source,
                schema,
                "CREATE TABLE measurement (id integer PRIMARY KEY, reading " + c.pgType() + ");\n",
                "chunk-size: 2\n");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        String line =
                run.err().lines().filter(l -> l.contains("id=3")).findFirst().orElse("");
        assertThat(line)
                .as("the stderr line naming row id=3 in:\n" + run.err())
                .contains("measurement")
                .contains("reading")
                .contains(c.shownValue())
                .contains(c.reason());
        assertThat(run.err())
                .contains("nothing was written")
                .doesNotContain("id=1")
                .doesNotContain("id=2")
                .doesNotContain("id=4");
        assertThat(query("SELECT count(*) FROM " + quote(schema) + ".measurement"))
                .as("the scan stops the run before the first chunk")
                .containsExactly(List.of("0"));
        List<String> badValues = Files.readAllLines(runFolder("refused").resolve("bad-values.csv"));
        assertThat(badValues).hasSize(2);
        assertThat(badValues.get(1)).startsWith("measurement,id=3,reading,");
    }

    /**
     * A row no conversion refuses (a CHECK constraint is PostgreSQL's to evaluate) is refused by its chunk's COPY; the
     * chunks before it stay committed, and the run resumes after them once the target accepts the row. The precheck
     * runs on the first start only.
     */
    @Test
    void rowRefusedByAConstraintOnlyPostgresqlChecksFailsItsChunkAndTheRerunResumesAfterTheLastCommittedChunk()
            throws Exception {
        Path source = work.resolve("resume.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE measurement (id INTEGER PRIMARY KEY, reading TEXT, taken TEXT)",
                    "INSERT INTO measurement VALUES (1, 'short', '2024-05-01 10:00:00+02:00'),"
                            + " (2, 'also short', '2024-05-01 11:00:00'),"
                            + " (3, 'twenty-one characters', '2024-05-01 12:00:00Z'),"
                            + " (4, 'fine', '2024-05-01 13:00:00-01:00'),"
                            + " (5, 'last one', '2024-05-01 14:00:00')");
        }
        Path job = job("resume", source, "resumed", """
                CREATE TABLE measurement (
                    id integer PRIMARY KEY,
                    reading text CONSTRAINT reading_short CHECK (length(reading) <= 20),
                    taken timestamp
                );
                """, "chunk-size: 2\nconversions:\n  offsets: utc\n");

        CliRun refused = cutover(job);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
        assertThat(refused.out())
                .as("no pass over the values before the copy: the copy converts each value once")
                .contains("[precheck] 0 foreign key(s) checked for orphan references")
                .doesNotContain("rows read and converted");
        assertThat(refused.err()).contains("reading_short");
        assertThat(query("SELECT id FROM resumed.measurement ORDER BY id")).containsExactly(List.of("1"), List.of("2"));

        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE resumed.measurement DROP CONSTRAINT reading_short");
        }
        CliRun resumed = cutover(job);

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out())
                .as("the first start passed the precheck: a resume does not run it again")
                .doesNotContain("[precheck]");
        assertThat(query("SELECT id, reading, taken::text FROM resumed.measurement ORDER BY id"))
                .containsExactly(
                        List.of("1", "short", "2024-05-01 08:00:00"),
                        List.of("2", "also short", "2024-05-01 11:00:00"),
                        List.of("3", "twenty-one characters", "2024-05-01 12:00:00"),
                        List.of("4", "fine", "2024-05-01 14:00:00"),
                        List.of("5", "last one", "2024-05-01 14:00:00"));
        JsonNode report =
                JSON.readTree(runFolder("resume").resolve("report.json").toFile());
        JsonNode table = element(report.get("tables"), "target", "measurement");
        assertThat(List.of(
                        table.get("sourceRows").asLong(),
                        table.get("rowsRead").asLong(),
                        table.get("rowsWritten").asLong(),
                        table.get("targetRows").asLong()))
                .as("sourceRows, rowsRead, rowsWritten, targetRows over both runs")
                .containsExactly(5L, 5L, 5L, 5L);
        assertThat(element(table.get("columns"), "target", "taken")
                        .get("adjustments")
                        .get("OFFSET_CONVERTED_TO_UTC")
                        .asLong())
                .as(
                        "ids 1 and 4 carry a non-zero offset (3 has Z); the refused chunk's conversions must not count twice")
                .isEqualTo(2);
    }

    @Test
    void duplicateForAUniqueKeyIsLeftToPostgresqlWhichRefusesItsChunk() throws Exception {
        Path source = work.resolve("dupes.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT)",
                    "INSERT INTO account VALUES (1, 'a@example.org'), (2, 'b@example.org'), (3, 'a@example.org')");
        }
        Path job = job(
                "dupes", source, "dupes", "CREATE TABLE account (id integer PRIMARY KEY, email text UNIQUE);\n", "");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("[precheck] 0 foreign key(s) checked for orphan references");
        assertThat(run.err()).contains("duplicate key").contains("account_email_key");
    }

    /**
     * With the default {@code on-bad-row: fail}, bad values anywhere in the source stop the run before the plan step
     * drops a single foreign key: every one of them is listed, in the message and in the run's bad-values.csv.
     */
    @Test
    void everyBadValueOfTheSourceIsListedAndNothingIsWrittenOrDropped() throws Exception {
        Path source = work.resolve("dirty.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author (id), in_print, published)",
                    "INSERT INTO author VALUES (1, 'Le Guin'), (2, NULL), (3, 'Lem')",
                    "INSERT INTO book VALUES (1, 1, 1, '2024-01-01'), (2, 1, 2, '2024-02-30'), (3, 99, 0, NULL),"
                            + " (4, 3, 'yes', '2024-03-01'), (5, 3, 1, '2023-02-29')");
        }
        String migration = """
                CREATE TABLE author (id integer PRIMARY KEY, name text NOT NULL);
                CREATE TABLE book (
                    id integer PRIMARY KEY,
                    author_id integer CONSTRAINT book_author_fk REFERENCES author (id),
                    in_print boolean,
                    published date
                );
                """;
        Path job = job("dirty", source, "dirty", migration, "");
        String before = SourceFingerprint.sha256(source);

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .contains("the target would refuse 5 values in 4 rows and 1 orphan reference")
                .contains("nothing was written");
        for (String expected : List.of(
                "author id=2, column name: NULL: NULL into NOT NULL column author.name",
                "book id=2, column in_print: INTEGER 2: not a boolean",
                "book id=2, column published: TEXT '2024-02-30': 2024-02-30 is not a valid date",
                "book id=4, column in_print: TEXT 'yes': not a boolean",
                "book id=5, column published: TEXT '2023-02-29': 2023-02-29 is not a valid date",
                "book id=3, column author_id: INTEGER 99: no author row has id = this value (foreign key book_author_fk of book)")) {
            assertThat(run.err()).contains(expected);
        }
        assertThat(query("SELECT (SELECT count(*) FROM dirty.author), (SELECT count(*) FROM dirty.book),"
                        + " (SELECT count(*) FROM pg_constraint WHERE conname = 'book_author_fk')"))
                .as("no row written, the foreign key not dropped")
                .containsExactly(List.of("0", "0", "1"));
        List<String> badValues = Files.readAllLines(runFolder("dirty").resolve("bad-values.csv"));
        assertThat(badValues).as("header and every bad value").hasSize(1 + 6);
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(before);

        // Quarantine: the same problems are counted, not refused; the copy and the quarantine step set them aside.
        CliRun counted = cutover(job("dirty-q", source, "dirty_q", migration, "on-bad-row: quarantine\n"));
        assertThat(counted.out())
                .as(counted.all())
                .contains("[precheck] 1 foreign key(s) checked for orphan references")
                .contains("1 orphan references will be quarantined, with their children")
                .contains("[bad-rows] 8 rows read and converted by the copy: 4 bad rows quarantined");
        assertThat(counted.err()).doesNotContain("the target would refuse");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. A target that already holds rows

    private static final String SHOP_MIGRATION = """
            CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL);
            CREATE TABLE invoice (
                id integer PRIMARY KEY,
                customer_id integer NOT NULL REFERENCES customer (id),
                total numeric(10,2)
            );
            """;

    @Test
    void targetThatAlreadyHoldsRowsIsRefusedNamingTheTablesAndLeftAsItWas() throws Exception {
        Path source = work.resolve("shop.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customer (id),"
                            + " total REAL)",
                    "INSERT INTO customer VALUES (1, 'Ann'), (2, 'Bo')",
                    "INSERT INTO invoice VALUES (1, 1, 10.5), (2, 1, 20), (3, 2, 0.99)");
        }
        Path job = job("shop", source, "filled", SHOP_MIGRATION, "");
        CliRun first = cutover(job);
        assertThat(first.exitCode()).as(first.all()).isZero();

        Path changed = work.resolve("shop-changed.sqlite");
        Files.copy(source, changed);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(changed)) {
            sqlite.sql("INSERT INTO customer VALUES (3, 'Cy')");
        }
        assertThat(SourceFingerprint.sha256(changed)).isNotEqualTo(SourceFingerprint.sha256(source));
        String before = SourceFingerprint.sha256(changed);

        CliRun second = cutover(job, "--source", changed.toString());

        assertThat(second.exitCode()).as(second.all()).isEqualTo(2);
        assertThat(second.err())
                .contains("already completed")
                .contains("is a different file")
                .contains("cutover --fresh")
                .contains("Nothing was written");
        assertThat(query("SELECT (SELECT count(*) FROM filled.customer), (SELECT count(*) FROM filled.invoice)"))
                .containsExactly(List.of("2", "3"));

        // Another job into the same schema has no run to resume: preflight finds the filled tables.
        CliRun other = cutover(job("shop-other", changed, "filled", SHOP_MIGRATION, ""));
        assertThat(other.exitCode()).as(other.all()).isEqualTo(2);
        assertThat(other.err())
                .contains("already holds rows")
                .contains("customer")
                .contains("invoice");
        assertThat(query("SELECT (SELECT count(*) FROM filled.customer), (SELECT count(*) FROM filled.invoice)"))
                .containsExactly(List.of("2", "3"));
        assertThat(SourceFingerprint.sha256(changed)).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. Unmapped names, then excluded

    @Test
    void unmappedTableAndColumnAreRefusedByNameUntilExcluded() throws Exception {
        Path source = work.resolve("legacy.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT, legacy_flag INTEGER)",
                    "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, msg TEXT)",
                    "INSERT INTO customer VALUES (1, 'Ann', 1), (2, 'Bo', 0)",
                    "INSERT INTO audit_log VALUES (1, 'created')");
        }
        String migration = "CREATE TABLE customer (id integer PRIMARY KEY, name text);\n";
        Path job = job("legacy", source, "unmapped", migration, "");

        CliRun refused = cutover(job);

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).contains("audit_log").contains("legacy_flag");
        assertThat(query("SELECT count(*) FROM unmapped.customer")).containsExactly(List.of("0"));

        Path excluded = job(
                "legacy", source, "unmapped", migration, "mapping:\n  exclude: [ audit_log, customer.legacy_flag ]\n");

        CliRun run = cutover(excluded);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(query("SELECT id, name FROM unmapped.customer ORDER BY id"))
                .containsExactly(List.of("1", "Ann"), List.of("2", "Bo"));
        assertThat(query("SELECT count(*) FROM pg_tables WHERE schemaname = 'unmapped' AND tablename = 'audit_log'"))
                .containsExactly(List.of("0"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. Orphan reference

    @Test
    void orphanReferenceInTheSourceIsRefusedNamingTheForeignKeyAndTheRow() throws Exception {
        Path source = work.resolve("library.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author (id), title TEXT)",
                    "INSERT INTO author VALUES (1, 'Le Guin'), (2, 'Lem')",
                    "INSERT INTO book VALUES (1, 1, 'The Dispossessed'), (2, 2, 'Solaris'), (3, 99, 'Ghost'),"
                            + " (4, NULL, 'Anonymous')");
        }
        Path job = job("library", source, "orphans", """
                CREATE TABLE author (id integer PRIMARY KEY, name text);
                CREATE TABLE book (
                    id integer PRIMARY KEY,
                    author_id integer CONSTRAINT book_written_by_fk REFERENCES author (id),
                    title text
                );
                """, "");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        String line =
                run.err().lines().filter(l -> l.contains("id=3")).findFirst().orElse("");
        assertThat(line)
                .as(run.err())
                .contains("book")
                .contains("column author_id")
                .contains("INTEGER 99")
                .contains("book_written_by_fk");
        assertThat(run.err()).doesNotContain("id=4");
        assertThat(query("SELECT (SELECT count(*) FROM orphans.author), (SELECT count(*) FROM orphans.book)"))
                .containsExactly(List.of("0", "0"));

        // The operator fixes the source: the failed run copied nothing, so the same command starts over from the fixed
        // file instead of resuming from the snapshot of the broken one.
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("UPDATE book SET author_id = NULL WHERE id = 3");
        }
        CliRun fixed = cutover(job);
        assertThat(fixed.exitCode()).as(fixed.all()).isZero();
        assertThat(fixed.out()).contains("stopped before copying any row and the source has changed");
        assertThat(
                        query(
                                "SELECT (SELECT count(*) FROM orphans.author), (SELECT count(*) FROM orphans.book WHERE author_id IS NULL)"))
                .containsExactly(List.of("2", "2"));
    }

    @Test
    void aRunRefusedBeforeCopyingAnyRowIsReplacedByARunOfTheFixedCopyNamedWithSource() throws Exception {
        Path source = work.resolve("shelf.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author (id), title TEXT)",
                    "INSERT INTO author VALUES (1, 'Le Guin')",
                    "INSERT INTO book VALUES (1, 1, 'The Dispossessed'), (2, 99, 'Ghost')");
        }
        Path job = job("shelf", source, "shelf", """
                CREATE TABLE author (id integer PRIMARY KEY, name text);
                CREATE TABLE book (id integer PRIMARY KEY, author_id integer REFERENCES author (id), title text);
                """, "");
        CliRun refused = cutover(job);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);

        // The operator fixes a copy and names it: nothing of the refused run's snapshot is in the target, so it is
        // abandoned and the named file copied, without --fresh.
        Path fixed = work.resolve("shelf-fixed.sqlite");
        Files.copy(source, fixed);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(fixed)) {
            sqlite.sql("UPDATE book SET author_id = NULL WHERE id = 2");
        }
        CliRun run = cutover(job, "--source", fixed.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("stopped before copying any row and the source is now " + fixed + ", not " + source);
        assertThat(query("SELECT id, author_id FROM shelf.book ORDER BY id"))
                .containsExactly(List.of("1", "1"), Arrays.asList("2", null));
    }

    @Test
    void nullIntoNotNullIsRefusedNamingTheRowsBeforeAnyRowIsWritten() throws Exception {
        Path source = work.resolve("contacts.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE contact (id INTEGER PRIMARY KEY, email TEXT)",
                    "INSERT INTO contact VALUES (1, 'a@example.org'), (2, NULL), (3, 'c@example.org'), (4, NULL)");
        }
        Path job = job(
                "contacts",
                source,
                "not_null",
                "CREATE TABLE contact (id integer PRIMARY KEY, email text NOT NULL);\n",
                "chunk-size: 1\n");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err())
                .contains("contact.email: 2 values: NULL into NOT NULL column contact.email")
                .contains("contact id=2, column email: NULL: NULL into NOT NULL column contact.email")
                .contains("contact id=4, column email: NULL: NULL into NOT NULL column contact.email")
                .doesNotContain("id=1")
                .doesNotContain("id=3");
        assertThat(query("SELECT count(*) FROM not_null.contact")).containsExactly(List.of("0"));
    }

    @Test
    void rowsTheTargetLosesFailValidationWithExitThreeAndAFailReport() throws Exception {
        Path source = work.resolve("lossy.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)",
                    "INSERT INTO item VALUES (1, 'kept'), (2, 'vanish'), (3, 'kept too')");
        }
        Path job = job("lossy", source, "lossy", """
                CREATE TABLE item (id integer PRIMARY KEY, name text);
                CREATE FUNCTION swallow_vanish() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.name = 'vanish' THEN
                        RETURN NULL;
                    END IF;
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER item_swallow BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION swallow_vanish();
                """, "");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("item");
        assertThat(query("SELECT id FROM lossy.item ORDER BY id")).containsExactly(List.of("1"), List.of("3"));
        JsonNode report =
                JSON.readTree(runFolder("lossy").resolve("report.json").toFile());
        assertThat(report.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(report.get("problems").toString()).contains("item");
        JsonNode table = element(report.get("tables"), "target", "item");
        assertThat(List.of(
                        table.get("sourceRows").asLong(),
                        table.get("targetRows").asLong()))
                .containsExactly(3L, 2L);
        assertThat(table.get("rowsWritten").asLong())
                .as("what COPY stored, not what it was sent")
                .isEqualTo(2L);
        assertThat(runFolder("lossy").resolve("report.md")).isRegularFile();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. Explicit table and column overrides

    @Test
    void mappingOverridesCarryNamesThatDoNotMatchAutomatically() throws Exception {
        Path source = work.resolve("crm.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE tblCustomers (CustID INTEGER PRIMARY KEY, CustName TEXT NOT NULL, EMail TEXT)",
                    "INSERT INTO tblCustomers VALUES (10, 'Ann Smith', 'ann@example.org'), (11, 'Bo Li', NULL)");
        }
        Path job = job("crm", source, "overrides", """
                CREATE TABLE client (id integer PRIMARY KEY, full_name text NOT NULL, email text);
                """, """
                mapping:
                  tables:
                    tblCustomers: client
                  columns:
                    tblCustomers.CustID: id
                    tblCustomers.CustName: full_name
                """);

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(query("SELECT id, full_name, email FROM overrides.client ORDER BY id"))
                .containsExactly(List.of("10", "Ann Smith", "ann@example.org"), Arrays.asList("11", "Bo Li", null));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 7. Sequences

    @Test
    void sequencesContinuePastMaxIdAndPastSqliteAutoincrementMarks() throws Exception {
        Path source = work.resolve("desk.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("CREATE TABLE \"Ticket\" (id INTEGER PRIMARY KEY AUTOINCREMENT, subject TEXT)");
            for (int i = 1; i <= 10; i++) {
                sqlite.sql("INSERT INTO \"Ticket\" (subject) VALUES ('ticket " + i + "')");
            }
            sqlite.sql(
                    "DELETE FROM \"Ticket\" WHERE id > 7",
                    "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)",
                    "INSERT INTO note VALUES (1, 'a'), (2, 'b'), (5, 'e')",
                    "CREATE TABLE tag (id INTEGER PRIMARY KEY, label TEXT)",
                    "INSERT INTO tag VALUES (1, 'x'), (3, 'y')",
                    "CREATE TABLE empty_thing (id INTEGER PRIMARY KEY)");
        }
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'Ticket'),"
                        + " (SELECT max(id) FROM \"Ticket\")")) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2)))
                    .as("fixture: AUTOINCREMENT mark above max(id)")
                    .containsExactly(10L, 7L);
        }
        Path job = job("desk", source, "Desk Schema", """
                CREATE TABLE "Ticket" (id serial PRIMARY KEY, subject text);
                CREATE TABLE note (id serial PRIMARY KEY, body text);
                CREATE TABLE tag (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, label text);
                CREATE TABLE empty_thing (id serial PRIMARY KEY);
                """, "");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(query("SELECT nextval(pg_get_serial_sequence('\"Desk Schema\".\"Ticket\"', 'id')),"
                        + " nextval(pg_get_serial_sequence('\"Desk Schema\".note', 'id')),"
                        + " nextval(pg_get_serial_sequence('\"Desk Schema\".tag', 'id')),"
                        + " nextval(pg_get_serial_sequence('\"Desk Schema\".empty_thing', 'id'))"))
                .as("Ticket past its AUTOINCREMENT mark 10, note past max 5, tag past max 3, empty_thing untouched")
                .containsExactly(List.of("11", "6", "4", "1"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 8. The password never leaves the environment

    /**
     * Runs in every test configuration: the test creates its own login role with a password on the test server (it is
     * a superuser) and a database that role owns, and cuts over as that role, so the password is really used where
     * the server asks for one (Testcontainers, a password-protected server) and merely given where it trusts. The
     * password then appears nowhere: console, every file under the output folder, every value of the job
     * repository's tables (Spring Batch's BATCH_* and the quarantine), decoded execution contexts included.
     */
    @Test
    void passwordFromTheEnvironmentIsNeverPrintedNorWrittenToTheRunFolderNorTheJobRepository() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String secret = "hunter2-" + suffix;
        String role = "lite2pg_secretive_" + suffix;
        try (Connection admin = db.connect();
                Statement st = admin.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + secret + "'");
        }
        try (TestDatabase own = TestPostgres.createDatabase()) {
            try (Connection admin = own.connect();
                    Statement st = admin.createStatement()) {
                st.execute("ALTER DATABASE " + own.name() + " OWNER TO " + role);
                st.execute("ALTER SCHEMA public OWNER TO " + role);
            }
            Path source = work.resolve("tiny.sqlite");
            try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
                sqlite.sql(
                        "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, ok INTEGER)",
                        "INSERT INTO item VALUES (1, 'one', 1), (2, 'two', 7)");
            }
            Path job = job(
                    "tiny",
                    source,
                    "secretive",
                    "CREATE TABLE item (id integer PRIMARY KEY, name text, ok boolean);\n",
                    "on-bad-row: quarantine\n");
            Map<String, String> environment = Map.of("LITE2PG_TARGET_PASSWORD", secret);
            String[] asRole = {"--target-url", own.url(), "--target-user", role};

            CliRun run = CliRun.of(environment, concat(new String[] {"cutover", "--job", job.toString()}, asRole));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("LITE2PG_TARGET_PASSWORD").contains("PASS WITH WARNINGS");
            Path runFolder = runFolder("tiny");
            assertThat(runFolder.resolve("report.json")).isRegularFile();
            assertThat(runFolder.resolve("report.md")).isRegularFile();
            assertThat(runFolder.resolve("lite2pg.log")).isRegularFile();

            // A refused second run goes through other code paths (an exception, its message, the log's stack trace).
            try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
                sqlite.sql("INSERT INTO item VALUES (3, 'three', 0)");
            }
            CliRun again = CliRun.of(environment, concat(new String[] {"cutover", "--job", job.toString()}, asRole));
            assertThat(again.exitCode()).as(again.all()).isEqualTo(2);
            assertThat(again.err()).contains("has changed since");
            CliRun status =
                    CliRun.of(environment, concat(new String[] {"status", "--job", job.toString(), "--json"}, asRole));
            assertThat(status.exitCode()).as(status.all()).isZero();

            for (CliRun each : List.of(run, again, status)) {
                assertThat(each.all()).as("console").doesNotContain(secret);
            }
            assertNoFileUnder(work.resolve("runs"), secret, 4);
            assertNotInRepository(own, "lite2pg", secret);
        } finally {
            try (Connection admin = db.connect();
                    Statement st = admin.createStatement()) {
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /**
     * Every text value of every table in the job repository's schema, and every execution context decoded from the
     * Base64 Spring Batch stores it in, without the secret; the tables that hold the run's records must have rows.
     */
    private static void assertNotInRepository(TestDatabase target, String schema, String secret) throws SQLException {
        Map<String, Integer> rowsPerTable = new java.util.TreeMap<>();
        try (Connection c = target.connect();
                Statement st = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = '" + schema
                    + "' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] column : columns) {
                int rows = 0;
                try (ResultSet rs = st.executeQuery(
                        "SELECT " + quote(column[1]) + "::text FROM " + quote(schema) + "." + quote(column[0]))) {
                    while (rs.next()) {
                        rows++;
                        String value = rs.getString(1);
                        if (value == null) {
                            continue;
                        }
                        String where = schema + "." + column[0] + "." + column[1];
                        assertThat(value).as(where).doesNotContain(secret);
                        assertThat(base64Decoded(value))
                                .as(where + ", Base64-decoded")
                                .doesNotContain(secret);
                    }
                }
                rowsPerTable.merge(column[0].toLowerCase(java.util.Locale.ROOT), rows, Math::max);
            }
        }
        assertThat(rowsPerTable)
                .as("rows read per repository table")
                .containsKeys(
                        "batch_job_execution_params",
                        "batch_job_execution_context",
                        "batch_step_execution_context",
                        "quarantine");
        assertThat(rowsPerTable.get("batch_job_execution_params")).isPositive();
        assertThat(rowsPerTable.get("batch_step_execution_context")).isPositive();
        assertThat(rowsPerTable.get("quarantine"))
                .as("the quarantined row is there to be read")
                .isPositive();
    }

    /** The bytes a Base64 text stands for, as Latin-1 (an ASCII secret shows as itself); empty when it is not Base64. */
    private static String base64Decoded(String value) {
        try {
            return new String(
                    java.util.Base64.getMimeDecoder().decode(value), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /**
     * sslpassword (the passphrase of a client key) is the one password-like URL parameter lite2pg accepts, and JdbcUrls
     * promises to mask it wherever the URL is shown, the run's log included (Flyway logs the URL at INFO).
     */
    @Test
    void sslPasswordInTheTargetUrlIsMaskedInTheConsoleReportAndLog() throws Exception {
        String sslSecret = "ssl-key-passphrase-42";
        Path source = work.resolve("keyed.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO item VALUES (1, 'one')");
        }
        Path job = job("keyed", source, "keyed", "CREATE TABLE item (id integer PRIMARY KEY, name text);\n", "");
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "sslpassword=" + sslSecret;

        CliRun run = cutover(job, "--target-url", url);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("sslpassword=");
        assertThat(run.all()).doesNotContain(sslSecret);
        assertNoFileUnder(work.resolve("runs"), sslSecret, 3);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    /** At least {@code minimumFiles} files below {@code folder}, none of which contains {@code secret}. */
    private static void assertNoFileUnder(Path folder, String secret, int minimumFiles) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(minimumFiles);
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
        }
    }

    /** The environment of every run: a password the trust-auth test server ignores, so its absence can be checked. */
    private static Map<String, String> environment() {
        return db.password() == null ? Map.of("LITE2PG_TARGET_PASSWORD", SECRET) : db.environment();
    }

    private static CliRun cutover(Path job, String... more) {
        List<String> args = new ArrayList<>(List.of("cutover", "--job", job.toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(environment(), args.toArray(String[]::new));
        assertThat(run.all()).as("console of every run").doesNotContain(SECRET);
        return run;
    }

    /** Writes the migration to {@code sql/V1__schema.sql} and a job file for it; {@code extra} adds YAML keys. */
    private Path job(String name, Path source, String schema, String migration, String extra) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql"), migration);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(sql)
                .extra(extra)
                .output(work.resolve("runs"))
                .writeTo(Files.createTempFile(work, name, ".yml"));
    }

    /** The newest run folder of the job: {@code <output>/<job name>/<timestamp>}. */
    private Path runFolder(String jobName) throws Exception {
        try (Stream<Path> folders = Files.list(work.resolve("runs").resolve(jobName))) {
            return folders.filter(Files::isDirectory)
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow();
        }
    }

    /** Every row as text, columns as PostgreSQL prints them (session time zone UTC); null for SQL NULL. */
    private static List<List<String>> query(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static JsonNode element(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asString())) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
