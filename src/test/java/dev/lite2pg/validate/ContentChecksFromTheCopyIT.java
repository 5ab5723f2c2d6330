package dev.lite2pg.validate;

import static dev.lite2pg.validate.ContentCheckFixtures.execute;
import static dev.lite2pg.validate.ContentCheckFixtures.insert;
import static dev.lite2pg.validate.ContentCheckFixtures.job;
import static dev.lite2pg.validate.ContentCheckFixtures.runFolder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.cli.CliRun;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.postgres.ContentChecksums.Checksum;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum the copy keeps, compared with the rows PostgreSQL stored, for every type family with a canonical form:
 * the copied values match without PostgreSQL reading the source again; each value changed afterwards in the target,
 * however slightly, fails the table and names its row (through the comparison in PostgreSQL it falls back to); a
 * table with a column type that has no canonical form (interval) is compared through PostgreSQL from the start.
 */
@ExtendWith(TestDatabaseExtension.class)
class ContentChecksFromTheCopyIT {

    private static final String MIGRATION = """
            CREATE TABLE kinds (
                id integer PRIMARY KEY,
                doc jsonb,
                price numeric(10,2),
                amount numeric,
                flag boolean,
                at timestamp,
                at_tz timestamptz,
                t time,
                d date,
                data bytea,
                ratio double precision,
                r real,
                u uuid,
                c char(3),
                name varchar(40),
                loaded_at timestamptz NOT NULL DEFAULT clock_timestamp()
            );
            CREATE TABLE spans (id integer PRIMARY KEY, span interval);
            """;

    /** Per column of kinds, row 1's value changed as little as each type allows. */
    private static final Map<String, String> CHANGES = new LinkedHashMap<>();

    static {
        CHANGES.put("doc", "'{\"b\": 2, \"a\": [1, 2.51, \"x\"], \"é\": null}'");
        CHANGES.put("price", "19.91");
        CHANGES.put("amount", "'0.50'");
        CHANGES.put("flag", "false");
        CHANGES.put("at", "'2024-02-29 23:59:59.500001'");
        CHANGES.put("at_tz", "'2024-01-02 03:04:05.000001+00'");
        CHANGES.put("t", "'10:00:00.500001'");
        CHANGES.put("d", "'2024-03-01'");
        CHANGES.put("data", "'\\x00fe'");
        CHANGES.put("ratio", "'-0'"); // SQLite keeps -0.0 as 0
        CHANGES.put("r", "0.50000006");
        CHANGES.put("u", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12'");
        CHANGES.put("c", "'Ab'");
        CHANGES.put("name", "'Ünïcödé '");
    }

    private static TestDatabase db;

    @TempDir
    Path work;

    @Test
    void copiedValuesMatchByTheCopysChecksumAndEveryValueChangedAfterwardsFailsNamingItsRow() throws Exception {
        Path source = work.resolve("kinds.sqlite");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = sqlite.createStatement()) {
            st.executeUpdate("CREATE TABLE kinds (id INTEGER PRIMARY KEY, doc JSON, price NUMERIC, amount NUMERIC,"
                    + " flag BOOLEAN, at TIMESTAMP, at_tz TIMESTAMP, t TEXT, d DATE, data BLOB, ratio REAL, r REAL,"
                    + " u TEXT, c TEXT, name TEXT)");
            st.executeUpdate("CREATE TABLE spans (id INTEGER PRIMARY KEY, span TEXT)");
            st.executeUpdate("INSERT INTO spans VALUES (1, '1 day'), (2, '2 hours')");
            try (PreparedStatement ps =
                    sqlite.prepareStatement("INSERT INTO kinds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert(
                        ps,
                        1,
                        "{\"b\": 2,   \"a\": [1, 2.50, \"x\"], \"\\u00e9\": null}",
                        "19.9",
                        "0.5",
                        1,
                        "2024-02-29T23:59:59.5",
                        "2024-01-02 05:04:05+02:00",
                        "10:00:00.5",
                        "2024-02-29",
                        new byte[] {0, (byte) 0xff},
                        -0.0,
                        0.5,
                        "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                        "ab",
                        "Ünïcödé");
                insert(
                        ps,
                        2,
                        "[1e2, -0, \"tab\\tline\"]",
                        7L,
                        "1e2",
                        "true",
                        1700000000L,
                        1700000000L,
                        "00:00:00",
                        "1970-01-01",
                        new byte[0],
                        1e300,
                        Double.NaN,
                        null,
                        "abc",
                        "tab\tand\\");
                insert(ps, 3, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            }
        }
        Path job = job(work, db, "kinds", source, "kinds", MIGRATION);

        CliRun run = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("1 by the copy's checksum): all match");
        Map<String, ContentCheckResult> content = ContentCheckFixtures.contentByTable(
                ReportWriter.read(runFolder(work, "kinds").resolve("report.json")));
        ContentCheckResult kinds = content.get("kinds");
        assertThat(kinds.matches()).isTrue();
        assertThat(kinds.sourceRows()).isEqualTo(3);
        assertThat(kinds.sourceChecksum()).isEqualTo(kinds.targetChecksum());
        assertThat(content.get("spans").matches()).isTrue();

        Checksum copied = new Checksum(kinds.sourceRows(), Long.parseUnsignedLong(kinds.sourceChecksum(), 16));
        TableCopy copy = ContentCheckFixtures.plan(db, source, "kinds").stream()
                .filter(c -> c.targetTable().equals("kinds"))
                .findFirst()
                .orElseThrow();
        try (ContentCheck check = new ContentCheck(ContentCheckFixtures.dataSource(db), source, 2, Optional.empty())) {
            ContentCheck.Compared before = check.check(copy, Optional.of(copied));
            assertThat(before.byText()).isTrue();
            assertThat(before.result().targetChecksum()).isEqualTo(kinds.targetChecksum());

            for (Map.Entry<String, String> change : CHANGES.entrySet()) {
                String column = change.getKey();
                String original = db.rows("SELECT " + column + "::text FROM kinds.kinds WHERE id = 1")
                        .get(0)
                        .get(0);
                execute(db, "UPDATE kinds.kinds SET " + column + " = " + change.getValue() + " WHERE id = 1");

                ContentCheck.Compared changed = check.check(copy, Optional.of(copied));

                assertThat(changed.result().matches()).as(column).isFalse();
                assertThat(changed.byText()).as(column).isFalse();
                assertThat(changed.result().firstDifferences())
                        .as(column)
                        .containsExactly("id=1: values differ in " + column);

                execute(
                        db,
                        "UPDATE kinds.kinds SET " + column + " = '" + original.replace("'", "''") + "' WHERE id = 1");
                assertThat(check.check(copy, Optional.of(copied)).byText())
                        .as(column + " restored")
                        .isTrue();
            }
        }
    }
}
