package dev.lite2pg.validate;

import static dev.lite2pg.validate.ContentCheckFixtures.execute;
import static dev.lite2pg.validate.ContentCheckFixtures.insert;
import static dev.lite2pg.validate.ContentCheckFixtures.job;
import static dev.lite2pg.validate.ContentCheckFixtures.runFolder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.cli.CliRun;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.sqlite.RowidRange;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content check against a real PostgreSQL: a source whose values PostgreSQL prints differently from how the copy
 * writes them (jsonb, numeric scale, booleans, timestamps, bytea, floats, unicode) must match, and a target changed
 * behind the copy's back (a row updated, one deleted, a duplicate added, a trigger rewriting values) must not,
 * naming the rows.
 */
@ExtendWith(TestDatabaseExtension.class)
class ContentCheckIT {

    private static final String MIGRATION = """
            CREATE TABLE items (
                id integer PRIMARY KEY,
                doc jsonb,
                price numeric(10,2),
                flag boolean,
                at timestamp,
                data bytea,
                ratio double precision,
                name text,
                loaded_at timestamptz NOT NULL DEFAULT clock_timestamp()
            );
            CREATE TABLE events (
                kind text,
                n integer
            );
            """;

    private static TestDatabase db;

    @TempDir
    Path work;

    @Test
    void convertedSourceMatchesTheTargetThenEveryTamperedRowIsNamed() throws Exception {
        Path source = work.resolve("kinds.sqlite");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = sqlite.createStatement()) {
            st.executeUpdate(
                    "CREATE TABLE items (id INTEGER PRIMARY KEY, doc JSON, price NUMERIC, flag BOOLEAN, at TIMESTAMP,"
                            + " data BLOB, ratio REAL, name TEXT)");
            st.executeUpdate("CREATE TABLE events (kind TEXT, n INTEGER)");
            st.executeUpdate("INSERT INTO events VALUES ('click', 1), ('click', 1), ('click', 1), ('view', NULL)");
            try (PreparedStatement ps = sqlite.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert(
                        ps,
                        1,
                        "{\"b\": 2,   \"a\": [1, 2.50, \"x\"]}",
                        "19.9",
                        1,
                        "2024-02-29 23:59:59.5",
                        new byte[] {0, (byte) 0xff},
                        0.1,
                        "Ünïcödé \uD83D\uDE00 中文");
                insert(ps, 2, "[]", 7L, 0, 1700000000L, new byte[0], 1e300, "tab\tand\\backslash");
                insert(ps, 3, "\"caf\\u00e9\"", 0.5, "true", "2024-01-01T10:00:00", null, -0.0, "");
                insert(ps, 4, null, null, null, null, null, null, null);
            }
        }
        Path job = job(work, db, "kinds", source, "kinds", MIGRATION);

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("[validate] content of 2 tables (8 source rows) compared with the target in")
                .contains("all match")
                .contains("report.html");
        RunReport report = ReportWriter.read(runFolder(work, "kinds").resolve("report.json"));
        Map<String, ContentCheckResult> content = ContentCheckFixtures.contentByTable(report);
        assertThat(content.get("items").sourceRows()).isEqualTo(4);
        assertThat(content.get("events").sourceRows()).isEqualTo(4);
        for (ContentCheckResult c : content.values()) {
            assertThat(c.matches()).as(c.toString()).isTrue();
            assertThat(c.sourceChecksum()).as(c.table()).matches("[0-9a-f]{16}").isEqualTo(c.targetChecksum());
            assertThat(c.targetRows()).isEqualTo(c.sourceRows());
            assertThat(c.firstDifferences()).isEmpty();
        }
        assertThat(content.get("items").sourceChecksum())
                .isNotEqualTo(content.get("events").sourceChecksum());
        assertThat(Files.readString(runFolder(work, "kinds").resolve("report.md")))
                .contains("## Content");

        List<TableCopy> copies = ContentCheckFixtures.plan(db, source, "kinds");
        TableCopy items = copies.stream()
                .filter(c -> c.targetTable().equals("items"))
                .findFirst()
                .orElseThrow();
        TableCopy events = copies.stream()
                .filter(c -> c.targetTable().equals("events"))
                .findFirst()
                .orElseThrow();
        try (ContentCheck check = new ContentCheck(ContentCheckFixtures.dataSource(db), source, 2, Optional.empty())) {
            ContentCheckResult itemsBefore = check.check(items);
            assertThat(itemsBefore.matches())
                    .as("called directly, as in the run's validation")
                    .isTrue();

            execute(
                    db,
                    "UPDATE kinds.items SET price = 19.91 WHERE id = 1",
                    "UPDATE kinds.items SET doc = '[0]' WHERE id = 2",
                    "DELETE FROM kinds.items WHERE id = 3",
                    "INSERT INTO kinds.events VALUES ('click', 1)");

            ContentCheckResult itemsAfter = check.check(items);
            assertThat(itemsAfter.matches()).isFalse();
            assertThat(itemsAfter.sourceRows()).isEqualTo(4);
            assertThat(itemsAfter.targetRows()).isEqualTo(3);
            // The run's report holds the copy's checksum (see ContentChecksFromTheCopyIT); compared through
            // PostgreSQL, the source side is what it was before the target was changed.
            assertThat(itemsAfter.sourceChecksum()).isEqualTo(itemsBefore.sourceChecksum());
            assertThat(itemsAfter.targetChecksum()).isNotEqualTo(itemsAfter.sourceChecksum());
            assertThat(itemsAfter.firstDifferences())
                    .containsExactly(
                            "id=1: values differ in price",
                            "id=2: values differ in doc",
                            "id=3: missing from the target");

            ContentCheckResult eventsAfter = check.check(events);
            assertThat(eventsAfter.matches()).isFalse();
            assertThat(eventsAfter.sourceRows()).isEqualTo(4);
            assertThat(eventsAfter.targetRows()).isEqualTo(5);
            assertThat(eventsAfter.firstDifferences()).containsExactly("row (click,1): extra in the target");

            execute(
                    db,
                    "DELETE FROM kinds.events WHERE kind = 'click'",
                    "INSERT INTO kinds.events VALUES ('click', 1)");

            assertThat(check.check(events).firstDifferences())
                    .as("duplicates count: two of three copies gone")
                    .containsExactly("row (click,1): missing from the target (2 rows)");
        }
    }

    @Test
    void aTriggerRewritingCopiedValuesFailsValidationWithExitCode3() throws Exception {
        Path source = work.resolve("tags.sqlite");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT)");
            st.executeUpdate("INSERT INTO tags VALUES (1, 'red'), (2, 'Green'), (3, 'blue'), (4, 'Blue')");
        }
        Path job = job(work, db, "tags", source, "tags", """
                CREATE TABLE tags (id integer PRIMARY KEY, label text);
                CREATE FUNCTION lower_label() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.label := lower(NEW.label); RETURN NEW; END $$;
                CREATE TRIGGER tags_lower BEFORE INSERT ON tags FOR EACH ROW EXECUTE FUNCTION lower_label();
                """);

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.out()).contains("1 table differs");
        RunReport report = ReportWriter.read(runFolder(work, "tags").resolve("report.json"));
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.tables().get(0).countsMatch())
                .as("counts alone see nothing wrong")
                .isTrue();
        assertThat(report.tables().get(0).content().firstDifferences())
                .containsExactly("id=2: values differ in label", "id=4: values differ in label");
        assertThat(report.problems())
                .anySatisfy(p -> assertThat(p)
                        .startsWith("table tags: content differs from the source")
                        .endsWith("first differences: id=2: values differ in label; id=4: values differ in label"));
        assertThat(Files.readString(runFolder(work, "tags").resolve("report.html")))
                .contains(
                        "<td class=\"note\">id&#x3D;2: values differ in label<br>id&#x3D;4: values differ in label</td>");
    }

    @Test
    void aLargeTableIsReadInRowidPartsWhoseChecksumsAddUpWithTheBoundaryRowCountedOnce() throws Exception {
        Path source = work.resolve("readings.sqlite");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE readings (id INTEGER PRIMARY KEY, label TEXT, value REAL)");
            st.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000)"
                    + " INSERT INTO readings SELECT i, 'r' || i, i * 0.5 FROM n");
            st.executeUpdate("DELETE FROM readings WHERE id BETWEEN 5000 AND 7000");
        }
        try (SqliteSource sqlite = SqliteSource.open(source)) {
            assertThat(RowidRange.parts(sqlite.connection(), sqlite.tables().get(0), 2))
                    .as("the check reads the table in two parts")
                    .containsExactly(new RowidRange(null, 12_500L), new RowidRange(12_500L, null));
        }
        Path job = job(
                work,
                db,
                "readings",
                source,
                "readings",
                "CREATE TABLE readings (id integer PRIMARY KEY, label text, value numeric);");

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        ContentCheckResult copied = ReportWriter.read(
                        runFolder(work, "readings").resolve("report.json"))
                .tables()
                .get(0)
                .content();
        assertThat(copied.matches()).as(copied.toString()).isTrue();
        assertThat(copied.sourceRows()).isEqualTo(22_999);

        try (ContentCheck check = new ContentCheck(ContentCheckFixtures.dataSource(db), source, 2, Optional.empty())) {
            ContentCheckResult untampered = check.check(
                    ContentCheckFixtures.plan(db, source, "readings").get(0));
            assertThat(untampered.matches()).isTrue();
            execute(
                    db,
                    "UPDATE readings.readings SET label = 'changed' WHERE id = 20000",
                    "DELETE FROM readings.readings WHERE id = 12500");

            ContentCheckResult tampered = check.check(
                    ContentCheckFixtures.plan(db, source, "readings").get(0));

            assertThat(tampered.sourceChecksum()).isEqualTo(untampered.sourceChecksum());
            assertThat(tampered.sourceRows()).isEqualTo(22_999);
            assertThat(tampered.targetRows()).isEqualTo(22_998);
            assertThat(tampered.firstDifferences())
                    .containsExactly("id=12500: missing from the target", "id=20000: values differ in label");
        }
    }
}
