package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.batch.PropertyFaultPoints;
import dev.lite2pg.check.CheckReport;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutover reads and converts every value once, in its copy: no scan step reads the source before it. Under
 * {@code on-bad-row: fail} a bad value in the last rows of a table still lists every problem, as {@code check} does,
 * and leaves the target as the run found it, so that the same command copies everything once the source is fixed;
 * under {@code quarantine} the copy sets the rows aside. The copy's warnings survive a resume.
 */
@ExtendWith(TestDatabaseExtension.class)
class CopyFindsBadRowsIT {

    private static final String FAULT = PropertyFaultPoints.PROPERTY;
    private static final int INVOICES = 30_000;

    private static TestDatabase db;

    @TempDir
    Path work;

    private static final String MIGRATION = """
            CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL);
            CREATE TABLE invoice (
                id integer PRIMARY KEY,
                customer_id integer NOT NULL CONSTRAINT invoice_customer_fk REFERENCES customer (id),
                total numeric(12,2),
                issued timestamp NOT NULL
            );
            CREATE INDEX invoice_issued_idx ON invoice (issued);
            """;

    @AfterEach
    void noFaultLeft() {
        System.clearProperty(FAULT);
    }

    /**
     * 2,000 customers and 30,000 invoices, every 1,000th issued as epoch seconds among text timestamps; with {@code
     * bad}, the last three invoices hold an impossible date, a total that is no number, and no date at all.
     */
    private Path source(String name, boolean bad) throws SQLException {
        Path source = work.resolve(name + ".sqlite");
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)",
                    "CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer_id INTEGER, total, issued)",
                    "INSERT INTO customer WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                            + " SELECT i, 'customer ' || i FROM n",
                    "INSERT INTO invoice WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                            + INVOICES + ") SELECT i, i % 2000 + 1, i * 1.25,"
                            + " CASE WHEN i % 1000 = 0 THEN 1700000000 + i ELSE '2024-01-01 10:00:00' END FROM n");
            if (bad) {
                breakLastInvoices(sqlite);
            }
        }
        return source;
    }

    private static void breakLastInvoices(EdgeCaseDatabase sqlite) throws SQLException {
        sqlite.sql(
                "UPDATE invoice SET issued = '2024-02-30 10:00:00' WHERE id = " + (INVOICES - 2),
                "UPDATE invoice SET total = 'twelve' WHERE id = " + (INVOICES - 1),
                "UPDATE invoice SET issued = NULL WHERE id = " + INVOICES);
    }

    private static void fixLastInvoices(Path source) throws SQLException {
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql("UPDATE invoice SET issued = '2024-02-28 10:00:00', total = 12 WHERE id > " + (INVOICES - 3));
        }
    }

    @Test
    void aBadValueInTheLastRowsListsEveryProblemAsCheckDoesAndLeavesTheTargetAsFoundUntilTheSourceIsFixed()
            throws Exception {
        Path source = source("late", true);
        Path job = job("late", source, "late", "");

        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString(), "--no-load");
        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        Path checkFolder = folder("late", "check-");
        CheckReport checked = CheckReport.read(checkFolder.resolve("check.json"));

        CliRun refused = cutover(job);

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(checked.badValues()).isEqualTo(3);
        assertThat(refused.err())
                .contains("the target would refuse " + checked.badValues() + " values in " + checked.badRows()
                        + " rows of the source")
                .contains("nothing was written that was not removed again");
        for (String key : List.of("id=" + (INVOICES - 2), "id=" + (INVOICES - 1), "id=" + INVOICES)) {
            assertThat(refused.err()).contains("invoice " + key + ", column");
        }
        assertThat(sorted(folder("late", "2").resolve("bad-values.csv")))
                .as("the cutover's bad-values.csv lists what check's lists")
                .isEqualTo(sorted(checkFolder.resolve("bad-values.csv")));
        assertTargetAsFound("late");
        assertThat(stepNames("late")).contains("precheck", "copy", "bad-rows").doesNotContain("scan");

        CliRun again = cutover(job);

        assertThat(again.exitCode()).as(again.all()).isEqualTo(2);
        assertThat(again.err()).contains("the target would refuse 3 values in 3 rows");
        assertTargetAsFound("late");

        fixLastInvoices(source);
        CliRun fixed = cutover(job);

        assertThat(fixed.exitCode()).as(fixed.all()).isZero();
        assertThat(fixed.out()).contains("PASS WITH WARNINGS");
        assertThat(db.rows("SELECT (SELECT count(*) FROM late.customer), (SELECT count(*) FROM late.invoice)"))
                .containsExactly(List.of("2000", String.valueOf(INVOICES)));
    }

    @Test
    void underQuarantineTheCopySetsTheBadRowsAsideAndSaysHowManyWithoutAScan() throws Exception {
        Path job = job("q", source("q", true), "q", "on-bad-row: quarantine\n");

        CliRun run = cutover(job);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("[bad-rows] 32,000 rows read and converted by the copy: 3 bad rows quarantined")
                .contains("PASS WITH WARNINGS");
        assertThat(db.rows("SELECT count(*) FROM q.invoice")).containsExactly(List.of(String.valueOf(INVOICES - 3)));
        assertThat(stepNames("q")).contains("precheck", "copy", "bad-rows").doesNotContain("scan");
    }

    /**
     * A start that discarded rows after a bad value and died before it emptied the tables (here: failed as the
     * bad-rows step starts) left positions past rows the target lacks: the next start copies those tables again from
     * their first row, finds the bad values again and refuses, the target as found.
     */
    @Test
    void aStartThatDiedWhileDiscardingIsCopiedAgainFromTheFirstRowNotResumed() throws Exception {
        Path source = source("died", true);
        Path job = job("died", source, "died", "");
        System.setProperty(FAULT, "step:bad-rows");

        CliRun died = cutover(job);

        assertThat(died.exitCode()).as(died.all()).isEqualTo(1);
        assertThat(Long.parseLong(
                        db.rows("SELECT count(*) FROM died.invoice").get(0).get(0)))
                .as("rows written before the first bad value was known")
                .isBetween(1L, INVOICES - 3L);

        CliRun again = cutover(job);

        assertThat(again.exitCode()).as(again.all()).isEqualTo(2);
        assertThat(again.out()).contains("invoice").contains("emptied, to be copied again from the first row");
        assertThat(again.err()).contains("the target would refuse 3 values in 3 rows");
        assertTargetAsFound("died");
    }

    /** The mixed text and number timestamps are counted by the copy and saved with each chunk: a resume counts each once. */
    @Test
    void theCopysWarningsAreTheChecksEvenAcrossAResume() throws Exception {
        Path job = job("mixed", source("mixed", false), "mixed", "");
        CliRun check = CliRun.of(db.environment(), "check", "--job", job.toString(), "--no-load");
        List<String> checkWarnings =
                CheckReport.read(folder("mixed", "check-").resolve("check.json")).warnings().stream()
                        .filter(w -> w.startsWith("invoice.issued"))
                        .toList();
        assertThat(checkWarnings).as(check.all()).hasSize(1);
        System.setProperty(FAULT, "chunk:invoice:12");

        // One thread, so the invoices are one step the fault names (on two they are copied in rowid ranges).
        CliRun failed = CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--parallel", "1");
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        CliRun resumed = cutover(job);

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains(checkWarnings.get(0));
        RunReport report = RunReports.newest(work.resolve("runs"), "mixed");
        assertThat(report.warnings()).contains(checkWarnings.get(0));
        assertThat(checkWarnings.get(0)).contains("30 numbers among 29,970 text values");
    }

    /**
     * Rows the migrations put in a table that {@code schema.replace-rows} names are deleted before the copy, so a refused
     * copy could not leave them: in that case alone every value is still read and converted before anything is written.
     */
    @Test
    void withRowsToReplaceTheValuesAreJudgedBeforeTheMigrationsRowsAreDeleted() throws Exception {
        Path source = source("seeded", true);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE setting (name TEXT PRIMARY KEY, value TEXT)",
                    "INSERT INTO setting VALUES ('a', 'b')");
        }
        Path job = job(
                "seeded",
                source,
                "seeded",
                MIGRATION + "CREATE TABLE setting (name text PRIMARY KEY, value text);\n"
                        + "INSERT INTO setting VALUES ('seeded by the migrations', 'x');\n",
                // JobFile writes the schema section last before the extra lines: this one continues it.
                "  replace-rows: [ setting ]\n");

        CliRun refused = cutover(job);

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.out())
                .contains("[precheck] reading and converting every value of 3 table(s)")
                .contains("(schema.replace-rows)");
        assertThat(refused.err())
                .contains("the target would refuse 3 values in 3 rows")
                .contains("nothing was written");
        assertThat(db.rows("SELECT name FROM seeded.setting")).containsExactly(List.of("seeded by the migrations"));
        assertTargetAsFound("seeded");
        assertThat(stepNames("seeded")).doesNotContain("copy");
    }

    private void assertTargetAsFound(String schema) throws SQLException {
        assertThat(db.rows("SELECT (SELECT count(*) FROM " + schema + ".customer), (SELECT count(*) FROM " + schema
                        + ".invoice),"
                        + " (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                        + "  WHERE n.nspname = '" + schema
                        + "' AND c.conname = 'invoice_customer_fk' AND c.convalidated),"
                        + " (SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema
                        + "' AND indexname = 'invoice_issued_idx')"))
                .as("tables empty, the deferred foreign key and index back")
                .containsExactly(List.of("0", "0", "1", "1"));
    }

    private List<String> stepNames(String jobName) throws SQLException {
        List<String> names = new ArrayList<>();
        for (List<String> row : db.rows("SELECT DISTINCT s.step_name FROM lite2pg.batch_step_execution s"
                + " JOIN lite2pg.batch_job_execution e ON e.job_execution_id = s.job_execution_id"
                + " JOIN lite2pg.batch_job_instance i ON i.job_instance_id = e.job_instance_id"
                + " WHERE i.job_name = '" + jobName + "'")) {
            names.add(row.get(0));
        }
        return names;
    }

    private static List<String> sorted(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().sorted().toList();
    }

    private CliRun cutover(Path job) {
        return CliRun.of(db.environment(), "cutover", "--job", job.toString(), "--parallel", "2");
    }

    private Path job(String name, Path source, String schema, String extra) throws Exception {
        return job(name, source, schema, MIGRATION, extra);
    }

    private Path job(String name, Path source, String schema, String migration, String extra) throws Exception {
        Path sql = JobFile.migration(work.resolve("sql-" + name), migration);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(sql)
                .chunkSize(1000)
                .extra(extra)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }

    /** The newest folder of the job's runs whose name starts with {@code prefix} (check-..., or a run's timestamp). */
    private Path folder(String jobName, String prefix) throws Exception {
        try (Stream<Path> folders = Files.list(work.resolve("runs").resolve(jobName))) {
            return folders.filter(Files::isDirectory)
                    .filter(f -> f.getFileName().toString().startsWith(prefix))
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow();
        }
    }
}
