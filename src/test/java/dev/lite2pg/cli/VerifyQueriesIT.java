package dev.lite2pg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.Verdict;
import dev.lite2pg.report.VerifyQueryResult;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.RunReports;
import dev.lite2pg.testing.TestDatabase;
import dev.lite2pg.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 part 5, through the real command line: the job file's own verification queries run on the snapshot and on
 * the target after the copy, and their results are part of the verdict and of report.json, report.md and report.html.
 */
@ExtendWith(TestDatabaseExtension.class)
class VerifyQueriesIT {

    private static final String MIGRATION = """
            CREATE TABLE orders (id integer PRIMARY KEY, status text NOT NULL, amount numeric(10,2), paid boolean);
            """;

    private TestDatabase db;
    private Path source;
    private Path migrations;

    @TempDir
    Path work;

    @BeforeEach
    void writeSource() throws Exception {
        source = work.resolve("shop.sqlite");
        migrations = work.resolve("sql");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("V1__schema.sql"), MIGRATION);
        try (EdgeCaseDatabase sqlite = EdgeCaseDatabase.at(source)) {
            sqlite.sql(
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT NOT NULL, amount REAL, paid INTEGER)",
                    "INSERT INTO orders VALUES (1, 'shipped', 10.5, 1), (2, 'shipped', 4, 1),"
                            + " (3, 'Pending', 2.25, 0), (4, 'pending', NULL, 0)");
        }
    }

    @Test
    void queriesReturningTheSameRowsOnBothSidesPassAndAreReportedInEveryFormat() throws Exception {
        // Unqualified table names on the PostgreSQL side: the target schema is first on the search_path. The sides
        // order differently on purpose (rows compare in any order), sum() is REAL in SQLite and numeric in PostgreSQL,
        // count() is integer against bigint, and paid is 0/1 against a boolean.
        Path job = job("""
                verify:
                  - name: orders by status
                    sqlite: "SELECT status, count(*), sum(amount), min(paid) FROM orders GROUP BY status ORDER BY status"
                    postgres: "SELECT status, count(*), sum(amount), bool_and(paid) FROM orders GROUP BY status ORDER BY status DESC"
                  - name: order count
                    sqlite: "SELECT count(*) FROM orders"
                    postgres: "SELECT count(*) FROM orders"
                """);

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isZero();
        assertThat(cutover.out()).contains("2 verification queries checked");
        RunReport report = RunReports.newest(work.resolve("runs"), "shop");
        assertThat(report.verdict()).isEqualTo(Verdict.PASS);
        assertThat(report.verifyQueries())
                .containsExactly(
                        new VerifyQueryResult("orders by status", 3, 3, List.of(), null),
                        new VerifyQueryResult("order count", 1, 1, List.of(), null));
        Path folder = RunReports.newestFile(work.resolve("runs"), "shop").getParent();
        assertThat(Files.readString(folder.resolve("report.md")))
                .contains("## Verification queries")
                .contains("| orders by status | 3 | 3 | yes |  |");
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains("<table id=\"verify\">")
                .contains(
                        "<tr><td>orders by status</td><td class=\"good\">yes</td><td class=\"num\">3</td><td class=\"num\">3</td>");
        assertThat(db.rows("SELECT count(*) FROM app.orders")).containsExactly(List.of("4"));
    }

    @Test
    void aQueryWhoseRowsDifferFailsTheVerdictNamingTheQueryAndTheRows() throws Exception {
        Path job = job("""
                verify:
                  - name: orders by status
                    sqlite: "SELECT status, count(*) FROM orders GROUP BY status"
                    postgres: "SELECT status, count(*) FROM orders WHERE id <> 2 GROUP BY status"
                """);

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        String problem = "verification query 'orders by status' differs: SQLite returned 3 row(s), PostgreSQL 3;"
                + " only in SQLite: (shipped, 2); only in PostgreSQL: (shipped, 1)";
        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(3);
        assertThat(cutover.all()).contains(problem);
        RunReport report = RunReports.newest(work.resolve("runs"), "shop");
        assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.problems()).containsExactly(problem);
        assertThat(report.verifyQueries())
                .containsExactly(new VerifyQueryResult(
                        "orders by status",
                        3,
                        3,
                        List.of("only in SQLite: (shipped, 2)", "only in PostgreSQL: (shipped, 1)"),
                        null));
        Path folder = RunReports.newestFile(work.resolve("runs"), "shop").getParent();
        assertThat(Files.readString(folder.resolve("report.md")))
                .contains(
                        "| orders by status | 3 | 3 | **NO** | only in SQLite: (shipped, 2); only in PostgreSQL: (shipped, 1) |");
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains(
                        "<tr><td>orders by status</td><td class=\"bad\">NO</td><td class=\"num\">3</td><td class=\"num\">3</td>"
                                + "<td class=\"note\">only in SQLite: (shipped, 2)<br>only in PostgreSQL: (shipped, 1)</td>");
        // The copy itself is complete: only the job's own check failed.
        assertThat(db.rows("SELECT count(*) FROM app.orders")).containsExactly(List.of("4"));
    }

    @Test
    void theQueriesCannotWriteEitherSide() throws Exception {
        Path job = job("""
                verify:
                  - name: sneaky delete
                    sqlite: "SELECT count(*) FROM orders"
                    postgres: "DELETE FROM orders WHERE id = 1 RETURNING id"
                  - name: sneaky sqlite update
                    sqlite: "UPDATE orders SET status = 'x' RETURNING id"
                    postgres: "SELECT 1"
                """);

        CliRun cutover = CliRun.of(db.environment(), "cutover", "--job", job.toString());

        assertThat(cutover.exitCode()).as(cutover.all()).isEqualTo(3);
        assertThat(cutover.all())
                .contains("verification query 'sneaky delete' could not run on PostgreSQL:")
                .contains("read-only transaction")
                .contains("verification query 'sneaky sqlite update' could not run on SQLite:")
                .contains("fix it in the job file's verify section");
        assertThat(db.rows("SELECT count(*) FROM app.orders WHERE id = 1")).containsExactly(List.of("1"));
    }

    private Path job(String extra) {
        return JobFile.named("shop")
                .source(source)
                .target(db)
                .schema("app")
                .migrations(migrations)
                .extra(extra)
                .output(work.resolve("runs"))
                .writeTo(work.resolve("shop.yml"));
    }
}
