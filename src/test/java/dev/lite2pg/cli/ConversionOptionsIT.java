package dev.lite2pg.cli;

import static dev.lite2pg.cli.EdgeCaseDatabase.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.report.ColumnReport;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, cases 2 to 5 and 12, through the real command line: values whose conversion would change the date or time
 * the source wrote are refused unless the job says how to read them; what the job allows is copied, counted and warned
 * about; numbers among text timestamps are a warning; REAL epochs round to the microsecond; ±Infinity reaches numeric.
 */
@ExtendWith(TestDatabaseExtension.class)
class ConversionOptionsIT {

    private static final String MIGRATION = """
            CREATE TABLE bars (id integer PRIMARY KEY, day date, at timestamp);
            CREATE TABLE events (id integer PRIMARY KEY, at timestamp);
            CREATE TABLE quotes (id integer PRIMARY KEY, px numeric);
            """;

    private TestDatabase db;
    private Path source;
    private Path migrations;

    @TempDir
    Path work;

    @BeforeEach
    void writeSource() throws Exception {
        source = work.resolve("market.sqlite");
        migrations = work.resolve("sql");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__schema.sql"), MIGRATION);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE bars (id INTEGER PRIMARY KEY, day, at)",
                    "CREATE TABLE events (id INTEGER PRIMARY KEY, at)",
                    "CREATE TABLE quotes (id INTEGER PRIMARY KEY, px)",
                    "INSERT INTO quotes VALUES (1, 9e999), (2, '-Infinity'), (3, 1.5)");
            sqlite.rows(
                    "INSERT INTO bars VALUES (?, ?, ?)",
                    // A daily bar written in Tokyo time: in UTC it is the day before.
                    row(1, "2023-01-02 00:00:00+09:00", "2024-01-31 09:30:00-05:00"),
                    // A time of day going into a date column.
                    row(2, "1996-07-04 13:45:00", "2024-01-31 09:30:00Z"),
                    // Z and +00:00 change nothing.
                    row(3, "2024-03-01T00:00:00Z", "2024-03-01 10:00:00+00:00"));
            sqlite.rows(
                    "INSERT INTO events VALUES (?, ?)",
                    row(1, "2024-01-01 10:00:00"),
                    row(2, 0),
                    row(3, 2024),
                    row(4, 1746101132.9452817));
        }
    }

    @Test
    void byDefaultOffsetsAndTimesOfDayThatWouldChangeWhatWasWrittenAreRefusedAndNothingIsWritten() throws Exception {
        Path job = job("market", "app", "");

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());

        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        assertThat(check.out())
                .contains("bars.day: 1 value: offset +09:00 cannot be kept by a date column")
                .contains("bars.day: 1 value: time of day 13:45:00 would be dropped by a date column")
                .contains("bars.at: 1 value: offset -05:00 cannot be kept by a timestamp column")
                .contains("check FAIL");

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
        assertThat(cutover.err())
                .contains(
                        "bars id=1, column day: TEXT '2023-01-02 00:00:00+09:00': offset +09:00 cannot be kept by a date column: in UTC it"
                                + " reads 2023-01-01 15:00:00, as written 2023-01-02 00:00:00; say which with conversions.offsets: utc or local")
                .contains(
                        "time of day 13:45:00 would be dropped by a date column; set conversions.drop-time-of-day: true")
                .contains("offset -05:00 cannot be kept by a timestamp column: in UTC it reads 2024-01-31 14:30:00,"
                        + " as written 2024-01-31 09:30:00");
        assertThat(db.rows("SELECT count(*) FROM app.bars")).containsExactly(List.of("0"));
    }

    @Test
    void whatTheJobAllowsIsCopiedAsItSaysCountedAndWarnedAbout() throws Exception {
        Path job = job("market", "app", """
                conversions:
                  drop-time-of-day: true
                  columns:
                    "bars.day": { offsets: local }
                    "bars.at": { offsets: utc }
                """);

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());

        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out())
                .contains("check PASS WITH WARNINGS")
                .contains(
                        "  - bars.day: 1 value with a UTC offset stored as written, offset dropped (conversions.offsets: local)")
                .contains(
                        "  - bars.day: 1 value with a time of day dropped into a date (conversions.drop-time-of-day: true)")
                .contains("  - bars.at: 1 value with a UTC offset converted to UTC (conversions.offsets: utc)");

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        assertThat(db.rows("SELECT id, day, at FROM app.bars ORDER BY id"))
                .containsExactly(
                        List.of("1", "2023-01-02", "2024-01-31 14:30:00"),
                        List.of("2", "1996-07-04", "2024-01-31 09:30:00"),
                        List.of("3", "2024-03-01", "2024-03-01 10:00:00"));
        RunReport report = RunReports.newest(work.resolve("runs"), "market");
        assertThat(report.verdict()).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(report.warnings())
                .contains(
                        "bars.day: 1 value with a UTC offset stored as written, offset dropped (conversions.offsets: local)",
                        "bars.day: 1 value with a time of day dropped into a date (conversions.drop-time-of-day: true)",
                        "bars.at: 1 value with a UTC offset converted to UTC (conversions.offsets: utc): the date or time written changed");
        assertThat(adjustments(report, "bars", "day"))
                .isEqualTo(Map.of("OFFSET_DROPPED", 1L, "TIME_OF_DAY_DROPPED", 1L));
        // Z and +00:00 are not adjustments: only the one real offset is counted.
        assertThat(adjustments(report, "bars", "at")).isEqualTo(Map.of("OFFSET_CONVERTED_TO_UTC", 1L));
        String markdown = Files.readString(
                RunReports.newestFile(work.resolve("runs"), "market").resolveSibling("report.md"));
        assertThat(markdown.indexOf("## Warnings")).isBetween(0, markdown.indexOf("## Tables"));
    }

    @Test
    void numbersAmongTextTimestampsAreAWarningRealEpochsRoundAndInfinityReachesNumeric() throws Exception {
        Path job = job("events", "app", "mapping:\n  exclude: [ bars ]\n");

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString());

        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out())
                .contains(
                        "  - events.at: 3 numbers among 1 text value of a timestamp without time zone column, read as epoch seconds"
                                + " (0 is 1970-01-01 00:00:00); if they mean something else, set conversions.epoch-numbers");

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        assertThat(db.rows("SELECT id, at FROM app.events ORDER BY id"))
                .containsExactly(
                        List.of("1", "2024-01-01 10:00:00"),
                        List.of("2", "1970-01-01 00:00:00"),
                        List.of("3", "1970-01-01 00:33:44"),
                        List.of("4", "2025-05-01 12:05:32.945282"));
        assertThat(db.rows("SELECT id, px FROM app.quotes ORDER BY id"))
                .containsExactly(List.of("1", "Infinity"), List.of("2", "-Infinity"), List.of("3", "1.5"));
        RunReport report = RunReports.newest(work.resolve("runs"), "events");
        assertThat(report.verdict()).isEqualTo(Verdict.PASS_WITH_WARNINGS);
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("events.at: 3 numbers among 1 text value"));
        assertThat(adjustments(report, "events", "at")).isEqualTo(Map.of("EPOCH_ROUNDED_TO_MICROSECOND", 1L));
        assertThat(report.tables()).allMatch(t -> t.countsMatch() && t.content().matches());
    }

    @Test
    void epochNumbersRefuseTurnsTheNumbersIntoBadValues() throws Exception {
        Path job = job(
                "events",
                "app",
                "mapping:\n  exclude: [ bars ]\n"
                        + "conversions:\n  columns:\n    \"events.at\": { epoch-numbers: refuse }\n");

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(2);
        assertThat(cutover.err())
                .contains("events id=3, column at: INTEGER 2024: a number where a text timestamp is expected:"
                        + " conversions.epoch-numbers is refuse");
        assertThat(db.rows("SELECT count(*) FROM app.events")).containsExactly(List.of("0"));
    }

    private static Map<String, Long> adjustments(RunReport report, String table, String column) {
        return report.tables().stream()
                .filter(t -> t.source().equals(table))
                .flatMap(t -> t.columns().stream())
                .filter(c -> c.source().equals(column))
                .map(ColumnReport::adjustments)
                .findFirst()
                .orElseThrow();
    }

    private Path job(String name, String schema, String extra) throws Exception {
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(migrations)
                .extra(extra)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + "-" + schema + ".yml"));
    }
}
