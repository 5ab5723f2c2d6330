package dev.lite2pg.cli;

import static dev.lite2pg.cli.EdgeCaseDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code on-bad-row: quarantine} end to end: rows refused by lite2pg's conversion and rows refused by PostgreSQL itself
 * (unique index on an expression SQLite never had, CHECK, enum) are set aside with their key and reason, their children
 * and grandchildren follow them, every other row arrives exactly, and the report reconciles source = target +
 * quarantined. With {@code on-bad-row: fail} a row PostgreSQL refuses is named by its key, not a stack trace.
 */
@ExtendWith(TestDatabaseExtension.class)
class QuarantineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestDatabase db;

    @TempDir
    Path work;

    private static final String MIGRATION = """
            CREATE TYPE mood AS ENUM ('happy', 'sad');
            CREATE TABLE customer (
                id integer PRIMARY KEY,
                email text NOT NULL,
                mood mood,
                age integer CHECK (age >= 0)
            );
            CREATE UNIQUE INDEX customer_email_lower ON customer (lower(email));
            CREATE TABLE "order; drop" (
                id integer PRIMARY KEY,
                "customer id" integer REFERENCES customer (id),
                paid boolean
            );
            CREATE TABLE line (
                id integer PRIMARY KEY,
                order_id integer NOT NULL REFERENCES "order; drop" (id),
                qty integer
            );
            CREATE TABLE log (
                message text,
                level integer
            );
            """;

    private Path source() throws SQLException {
        Path source = work.resolve("shop.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE customer (id INTEGER PRIMARY KEY, email TEXT, mood TEXT, age INTEGER)",
                    "CREATE TABLE \"order; drop\" (id INTEGER PRIMARY KEY, \"customer id\" INTEGER, paid INTEGER)",
                    "CREATE TABLE line (id INTEGER PRIMARY KEY, order_id INTEGER, qty INTEGER)",
                    "CREATE TABLE log (message TEXT, level INTEGER)");
            sqlite.rows(
                    "INSERT INTO customer VALUES (?, ?, ?, ?)",
                    row(1, "ann@example.com", "happy", 30),
                    row(2, "bob@example.com", "sad", 40),
                    row(3, "ANN@example.com", "happy", 50), // unique under lower(email): PostgreSQL refuses
                    row(4, "cid@example.com", "angry", 20), // not in the enum: PostgreSQL refuses
                    row(5, null, "sad", 20), // NULL into NOT NULL: lite2pg refuses
                    row(6, "dee@example.com", "sad", -1), // CHECK (age >= 0): PostgreSQL refuses
                    row(7, "eve@example.com", null, null));
            sqlite.rows(
                    "INSERT INTO \"order; drop\" VALUES (?, ?, ?)",
                    row(10, 1, 1),
                    row(11, 3, 0), // child of quarantined customer 3
                    row(12, 2, 2), // boolean 2: lite2pg refuses
                    row(13, 99, 1), // its customer is not in the source at all
                    row(14, null, 0),
                    row(15, 4, 1)); // child of quarantined customer 4
            sqlite.rows(
                    "INSERT INTO line VALUES (?, ?, ?)",
                    row(100, 10, 1),
                    row(101, 11, 2), // grandchild of customer 3
                    row(102, 12, 3), // child of quarantined order 12
                    row(103, 14, 4));
            sqlite.rows("INSERT INTO log VALUES (?, ?)", row("same", 1), row("same", 1), row("other", 2));
        }
        return source;
    }

    @Test
    void quarantinesBadRowsAndTheirDescendantsAndCopiesEveryOtherRowExactly() throws Exception {
        Path job = job("shop", source(), "quarantined", "on-bad-row: quarantine\n");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString(), "--parallel", "2");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("PASS WITH WARNINGS");
        assertThat(db.rows("SELECT id, email, mood, age FROM quarantined.customer ORDER BY id"))
                .containsExactly(
                        List.of("1", "ann@example.com", "happy", "30"),
                        List.of("2", "bob@example.com", "sad", "40"),
                        Arrays.asList("7", "eve@example.com", null, null));
        assertThat(db.rows("SELECT id, \"customer id\", paid FROM quarantined.\"order; drop\" ORDER BY id"))
                .containsExactly(List.of("10", "1", "t"), Arrays.asList("14", null, "f"));
        assertThat(db.rows("SELECT id, order_id, qty FROM quarantined.line ORDER BY id"))
                .containsExactly(List.of("100", "10", "1"), List.of("103", "14", "4"));
        assertThat(db.rows("SELECT message, level FROM quarantined.log ORDER BY message"))
                .containsExactly(List.of("other", "2"), List.of("same", "1"), List.of("same", "1"));

        List<List<String>> quarantined =
                db.rows("SELECT target_table, row_key, column_name, origin, reason, row_data::text"
                        + " FROM lite2pg.quarantine WHERE job_name = 'shop' ORDER BY target_table, row_key");
        assertThat(quarantined)
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(3))
                .containsExactly(
                        "customer id=3 POSTGRES",
                        "customer id=4 POSTGRES",
                        "customer id=5 VALUE",
                        "customer id=6 POSTGRES",
                        "line id=101 PARENT",
                        "line id=102 PARENT",
                        "order; drop id=11 PARENT",
                        "order; drop id=12 VALUE",
                        "order; drop id=13 PARENT",
                        "order; drop id=15 PARENT");
        Map<String, List<String>> byKey = new java.util.HashMap<>();
        quarantined.forEach(r -> byKey.put(r.get(0) + " " + r.get(1), r));
        assertThat(byKey.get("customer id=3").get(4))
                .contains("refused by PostgreSQL", "duplicate key", "customer_email_lower", "ann@example.com");
        assertThat(byKey.get("customer id=4").get(2)).isEqualTo("mood");
        assertThat(byKey.get("customer id=4").get(4))
                .contains("invalid input value for enum quarantined.mood", "angry");
        assertThat(byKey.get("customer id=5").get(2)).isEqualTo("email");
        assertThat(byKey.get("customer id=5").get(4)).contains("NULL into NOT NULL");
        assertThat(byKey.get("customer id=6").get(4)).contains("check constraint", "customer_age_check");
        assertThat(byKey.get("customer id=6").get(5))
                .isEqualTo("{\"id\":6,\"email\":\"dee@example.com\",\"mood\":\"sad\",\"age\":-1}");
        assertThat(byKey.get("order; drop id=12").get(2)).isEqualTo("paid");
        assertThat(byKey.get("order; drop id=11").get(4)).contains("customer (id) = (3) was quarantined");
        assertThat(byKey.get("order; drop id=13").get(4)).contains("customer (id) = (99) is not in the source");
        assertThat(byKey.get("line id=101").get(4)).contains("order; drop (id) = (11) was quarantined");

        JsonNode report = JSON.readTree(Files.readString(runFolder("shop").resolve("report.json")));
        assertThat(report.get("verdict").asString()).isEqualTo("PASS WITH WARNINGS");
        assertThat(report.get("quarantine").get("rows").asLong()).isEqualTo(10);
        for (JsonNode table : report.get("tables")) {
            assertThat(table.get("sourceRows").asLong())
                    .as(table.get("target").asString())
                    .isEqualTo(table.get("targetRows").asLong()
                            + table.get("quarantinedRows").asLong());
            assertThat(table.get("content").get("matches").asBoolean())
                    .as(table.get("target").asString())
                    .isTrue();
        }
        // The keys were deferred during the copy and are back, validated: the target holds no orphan.
        assertThat(db.rows("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
                        + " AND connamespace = 'quarantined'::regnamespace"))
                .containsExactly(List.of("2"));
    }

    @Test
    void aNulInQuarantinedTextIsStoredAndSurvivesTheChildrenStepValidationTheReportStatusAResumeAndARerun()
            throws Exception {
        Path source = work.resolve("nul.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE customer (id INTEGER PRIMARY KEY, email TEXT, mood TEXT, age INTEGER)",
                    "CREATE TABLE \"order; drop\" (id INTEGER PRIMARY KEY, \"customer id\" INTEGER, paid INTEGER)",
                    "INSERT INTO customer VALUES (1, 'ann@example.com', 'happy', 30)",
                    // PostgreSQL text cannot hold the NUL: the row is refused, and its order follows it.
                    "INSERT INTO customer VALUES (8, 'nul' || char(0) || '@example.com', 'sad', 40)",
                    "INSERT INTO \"order; drop\" VALUES (10, 1, 1)",
                    "INSERT INTO \"order; drop\" VALUES (16, 8, 0)");
        }
        Path job = job("nul", source, "nul", "on-bad-row: quarantine\n");

        // The first run stops in validation, after the quarantine step: the resume reads the quarantine again.
        System.setProperty("lite2pg.fault", "step:validate");
        CliRun stopped;
        try {
            stopped = CliRun.of(Map.of(), "cutover", "--job", job.toString());
        } finally {
            System.clearProperty("lite2pg.fault");
        }
        assertThat(stopped.exitCode()).as(stopped.all()).isEqualTo(1);
        assertThat(stopped.all()).contains("injected fault at the start of step validate");

        CliRun resumed = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("PASS WITH WARNINGS");
        assertThat(db.rows("SELECT id FROM nul.customer UNION ALL SELECT id FROM nul.\"order; drop\""))
                .containsExactly(List.of("1"), List.of("10"));
        List<List<String>> quarantined = db.rows(
                "SELECT target_table, row_key, origin, bad_value, reason, row_data::text,"
                        + " row_data->'email'->>'text_with_nul_hex' FROM lite2pg.quarantine WHERE job_name = 'nul' ORDER BY id");
        assertThat(quarantined)
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                .containsExactly("customer id=8 VALUE", "order; drop id=16 PARENT");
        assertThat(quarantined.get(0).get(3))
                .as("the value, readable with its NUL escaped")
                .startsWith("TEXT 'nul\\")
                .endsWith("@example.com'")
                .doesNotContain("\u0000");
        assertThat(quarantined.get(0).get(4)).contains("NUL");
        assertThat(new String(
                        java.util.HexFormat.of().parseHex(quarantined.get(0).get(6)),
                        java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("nul\u0000@example.com");
        assertThat(quarantined.get(1).get(4)).contains("customer (id) = (8) was quarantined");

        JsonNode report = JSON.readTree(Files.readString(runFolder("nul").resolve("report.json")));
        assertThat(report.get("verdict").asString()).isEqualTo("PASS WITH WARNINGS");
        assertThat(report.get("quarantine").get("rows").asLong()).isEqualTo(2);
        assertThat(Files.readString(runFolder("nul").resolve("report.md")))
                .contains("customer", "id=8", "email")
                // report.md escapes Markdown's backslash: the value reads as bad_value does once rendered
                .contains(quarantined
                        .get(0)
                        .get(3)
                        .substring("TEXT '".length(), quarantined.get(0).get(3).length() - 1)
                        .replace("\\", "\\\\"));

        CliRun status = CliRun.of(Map.of(), "status", "--job", job.toString());
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("COMPLETED");
        CliRun again = CliRun.of(Map.of(), "cutover", "--job", job.toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("already completed");
        assertThat(db.rows("SELECT count(*) FROM lite2pg.quarantine WHERE job_name = 'nul'"))
                .containsExactly(List.of("2"));
    }

    @Test
    void withFailARowPostgresRefusesIsNamedByItsKeyAndTheConstraint() throws Exception {
        Path source = work.resolve("dupes.sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("CREATE TABLE customer (id INTEGER PRIMARY KEY, email TEXT, mood TEXT, age INTEGER)");
            sqlite.rows(
                    "INSERT INTO customer VALUES (?, ?, ?, ?)",
                    row(1, "ann@example.com", "happy", 30),
                    row(2, "Ann@Example.com", "sad", 40));
        }
        Path job = job("dupes", source, "failing", "");

        CliRun run = CliRun.of(Map.of(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all())
                .contains(
                        "customer id=2, column (row): (row): refused by PostgreSQL: duplicate key value violates unique"
                                + " constraint \"customer_email_lower\"",
                        "(lower(email))=(ann@example.com) already exists")
                .doesNotContain("at org.postgresql");
        assertThat(db.rows("SELECT count(*) FROM failing.customer")).containsExactly(List.of("0"));
    }

    private Path job(String name, Path source, String schema, String extra) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql"), MIGRATION);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(sql)
                .extra(extra)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }

    private Path runFolder(String jobName) throws Exception {
        try (Stream<Path> folders = Files.list(work.resolve("runs").resolve(jobName))) {
            return folders.filter(Files::isDirectory)
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow();
        }
    }
}
