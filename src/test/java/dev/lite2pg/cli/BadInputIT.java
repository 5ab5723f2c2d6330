package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.cli.BadInputDatabase.Bad;
import dev.lite2pg.quarantine.QuarantinedRow;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.source.SourceFingerprint;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input of {@link BadInputDatabase}, through every way lite2pg meets it: {@code on-bad-row: fail} writes
 * nothing and names every bad value, {@code on-bad-row: quarantine} sets each bad row aside with the right key,
 * column and reason and copies every good row exactly, and a dry-run reports all of them at once.
 */
@ExtendWith(TestDatabaseExtension.class)
class BadInputIT {

    private TestDatabase db;
    private Path source;
    private Path migrations;

    @TempDir
    Path work;

    @BeforeEach
    void writeSource() throws Exception {
        source = work.resolve("bad.sqlite");
        migrations = BadInputDatabase.write(source, work.resolve("sql"));
    }

    @Test
    void quarantineSetsEachBadRowAsideWithItsReasonAndCopiesEveryGoodRowExactly() throws Exception {
        String before = SourceFingerprint.sha256(source);

        CliRun run = CliRun.of(
                db.environment(),
                "cutover",
                "--job",
                job("bad", "app", "on-bad-row: quarantine\n").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<List<String>> quarantined =
                db.rows("SELECT target_table, row_key, column_name, reason, origin FROM lite2pg.quarantine"
                        + " WHERE job_name = 'bad'");
        assertThat(quarantined).hasSize(BadInputDatabase.BAD.size());
        for (Bad bad : BadInputDatabase.BAD) {
            assertThat(quarantined).as(bad.toString()).anySatisfy(row -> {
                assertThat(row.get(0) + " " + row.get(1)).isEqualTo(bad.table() + " " + bad.key());
                assertThat(row.get(2)).isEqualTo(bad.column());
                assertThat(row.get(3)).contains(bad.reason());
                assertThat(row.get(4)).isEqualTo(bad.origin());
            });
        }
        assertGoodRowsExact("app");
        RunReport report = RunReports.newest(work.resolve("runs"), "bad");
        assertThat(report.verdict()).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(report.tables()).allMatch(t -> t.countsMatch() && t.content().matches());
        assertThat(SourceFingerprint.sha256(source)).isEqualTo(before);
    }

    @Test
    void dryRunUnderFailReportsEveryBadRowAtOnceAndLeavesNothingBehind() throws Exception {
        CliRun run = CliRun.of(
                db.environment(),
                "dry-run",
                "--job",
                job("bad", "rehearsal", "").toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        RunReport report = RunReports.newest(work.resolve("runs"), "bad.dry-run");
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.quarantine().first())
                .extracting(QuarantinedRow::table, QuarantinedRow::rowKey)
                .containsExactlyInAnyOrderElementsOf(BadInputDatabase.BAD.stream()
                        .map(b -> org.assertj.core.groups.Tuple.tuple(b.table(), b.key()))
                        .toList());
        assertThat(db.rows("SELECT nspname FROM pg_namespace WHERE nspname IN ('rehearsal', 'lite2pg')"))
                .isEmpty();
    }

    @Test
    void checkAndAFailCutoverNameEveryBadValueAndTheCutoverWritesNothing() throws Exception {
        Path job = job("bad", "failing", "");
        List<Bad> foundBeforeTheCopy = BadInputDatabase.BAD.stream()
                .filter(b -> b.origin().equals("VALUE") || b.key().equals("id=21"))
                .toList();

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());

        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        Path badValues;
        try (Stream<Path> files = Files.walk(work.resolve("runs").resolve("bad"))) {
            badValues = files.filter(p -> p.getFileName().toString().equals("bad-values.csv"))
                    .findFirst()
                    .orElseThrow();
        }
        List<String> lines = Files.readAllLines(badValues);
        for (Bad bad : foundBeforeTheCopy) {
            assertThat(lines)
                    .as(bad.toString())
                    .anyMatch(line -> line.startsWith(bad.table() + "," + bad.key() + "," + bad.column() + ","));
        }

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
        for (Bad bad : foundBeforeTheCopy) {
            assertThat(cutover.err()).as(bad.toString()).containsPattern("\\b" + bad.key() + "\\b");
        }
        for (String table : List.of("kinds", "person", "pet", "nopk", "\"we\"\"ird; DROP TABLE kinds; --\"")) {
            assertThat(db.rows("SELECT count(*) FROM failing." + table))
                    .as(table)
                    .containsExactly(List.of("0"));
        }
    }

    /** Every good row, as PostgreSQL prints it (session time zone UTC), written out by hand. */
    private void assertGoodRowsExact(String schema) throws SQLException {
        assertThat(db.rows("SELECT id, flag, day, at, happened, payload, note, n4, n8, price, code FROM " + schema
                        + ".kinds ORDER BY id"))
                .containsExactly(
                        List.of(
                                "1",
                                "t",
                                "2024-02-29",
                                "23:59:59.999999",
                                "2024-02-29 12:30:00.5",
                                "{\"a\": [true, null], \"b\": 1}",
                                "tab\tand \\ backslash",
                                "2147483647",
                                "9223372036854775807",
                                "9999.99",
                                "abcde"),
                        List.of(
                                "2",
                                "f",
                                "2023-12-31",
                                "00:00:00",
                                "2023-11-14 22:13:20",
                                "\"just a string\"",
                                "é",
                                "-2147483648",
                                "-9223372036854775808",
                                "-0.50",
                                ""),
                        Arrays.asList("3", null, null, null, null, null, null, null, null, null, null));
        assertThat(db.rows("SELECT id, email, mood, age FROM " + schema + ".person ORDER BY id"))
                .containsExactly(
                        List.of("1", "ann@example.com", "happy", "30"), List.of("2", "bob@example.com", "sad", "0"));
        assertThat(db.rows("SELECT id, owner_id, name FROM " + schema + ".pet ORDER BY id"))
                .containsExactly(List.of("20", "1", "rex"), Arrays.asList("23", null, "stray"));
        assertThat(db.rows("SELECT word, n FROM " + schema + ".nopk ORDER BY word, n"))
                .containsExactly(List.of("once", "2"), List.of("twice", "1"), List.of("twice", "1"));
        assertThat(db.rows("SELECT id, \"semi;colon \"\"q\"\" col\" FROM " + schema
                        + ".\"we\"\"ird; DROP TABLE kinds; --\" ORDER BY id"))
                .containsExactly(List.of("1", "'); DROP TABLE person; --"), List.of("2", "\"quoted\""));
    }

    private Path job(String name, String schema, String extra) throws Exception {
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(migrations)
                .extra(extra)
                .chunkSize(4)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + "-" + schema + ".yml"));
    }
}
